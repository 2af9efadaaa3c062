import { error, warning, type Diagnostic } from '../diagnostics/diagnostic';
import {
  configuredFunctionNames,
  lookupFunctionSetting,
  lookupStageSetting,
  mergeStageDict,
  valueAt,
  type JsonPath,
} from './config-lookup';
import { formatJsonPath, type JsonDocument } from './json-document';
import type { RawConfig } from './raw-config';
import { LAMBDA_ALIAS_VARIABLE, MAX_STAGE_VARIABLES } from './stage-variables';

/** One broken rule in one scope; findings at the same node with the same message become one diagnostic. */
interface Finding {
  code: Diagnostic['code'];
  /** Default: an error. */
  severity?: 'warning';
  path: JsonPath;
  message: string;
  remedy: string;
}

interface Scope {
  stage: string;
  /** Undefined: the stage's functions that have no `lambda_functions` entry. */
  fn: string | undefined;
}

/**
 * Rules that span keys, checked on the values Chalice's precedence resolves (as in `chalice package`,
 * which Chalice checks only at deploy time). Checked for every stage in the file and for `stage`, the
 * one being packaged: a stage absent from the file is the top level, and reporting the top level for a
 * stage nobody packages would flag configs that set the missing half in each stage.
 */
export function crossFieldDiagnostics(doc: JsonDocument, raw: RawConfig, stage: string): Diagnostic[] {
  const findings: { finding: Finding; scope: Scope }[] = [];
  for (const scope of scopesToCheck(raw, stage)) {
    const rules =
      scope.fn === undefined
        ? [iamRoleRule, vpcRule, endpointRule, domainRule, websocketDomainRule, deploymentRule, stageVariablesRule]
        : [iamRoleRule, vpcRule];
    for (const rule of rules) for (const finding of rule(raw, scope)) findings.push({ finding, scope });
  }
  return groupFindings(findings).map(({ finding, scopes }) =>
    (finding.severity === 'warning' ? warning : error)(
      finding.code,
      `${finding.message} (${describeScopes(scopes)})`,
      finding.remedy,
      doc.locate(finding.path, 'key'),
    ),
  );
}

function scopesToCheck(raw: RawConfig, stage: string): Scope[] {
  const stages = new Set([...Object.keys(raw.stages ?? {}), stage]);
  return [...stages].flatMap((s) => [
    { stage: s, fn: undefined },
    ...configuredFunctionNames(raw, s).map((fn) => ({ stage: s, fn })),
  ]);
}

function iamRoleRule(raw: RawConfig, { stage, fn }: Scope): Finding[] {
  const manage = lookupFunctionSetting(raw, stage, fn, 'manage_iam_role');
  if (manage?.value !== false || lookupFunctionSetting(raw, stage, fn, 'iam_role_arn')) return [];
  return [
    {
      code: 'APPC105',
      path: manage.path,
      message: `${formatJsonPath(manage.path)} is false but no iam_role_arn is set`,
      remedy:
        'Add "iam_role_arn": "arn:aws:iam::<account id>:role/<name>" next to it, or remove it to let appc create the role.',
    },
  ];
}

function vpcRule(raw: RawConfig, { stage, fn }: Scope): Finding[] {
  const subnets = lookupFunctionSetting(raw, stage, fn, 'subnet_ids');
  const groups = lookupFunctionSetting(raw, stage, fn, 'security_group_ids');
  const [hasSubnets, hasGroups] = [Boolean(subnets?.value.length), Boolean(groups?.value.length)];
  if (hasSubnets === hasGroups) return [];
  const [set, missing] = hasSubnets ? [subnets!, 'security_group_ids'] : [groups!, 'subnet_ids'];
  return [
    {
      code: 'APPC106',
      path: set.path,
      message: `${formatJsonPath(set.path)} is set but ${missing} is not`,
      remedy: `A Lambda function in a VPC needs both subnet_ids and security_group_ids: add ${missing}, or remove ${formatJsonPath(set.path)}.`,
    },
  ];
}

function endpointRule(raw: RawConfig, { stage }: Scope): Finding[] {
  const type = lookupStageSetting(raw, stage, 'api_gateway_endpoint_type');
  const vpce = lookupStageSetting(raw, stage, 'api_gateway_endpoint_vpce');
  const policy = lookupStageSetting(raw, stage, 'api_gateway_policy_file');
  if (vpce && type?.value !== 'PRIVATE') {
    const actual = type ? `${formatJsonPath(type.path)} is ${type.value}` : 'the endpoint type is the default, EDGE';
    return [
      {
        code: 'APPC107',
        path: vpce.path,
        message: `${formatJsonPath(vpce.path)} is set but ${actual}`,
        remedy:
          'VPC endpoints apply to private APIs only: set "api_gateway_endpoint_type": "PRIVATE", or remove the VPC endpoint.',
      },
    ];
  }
  if (type?.value === 'PRIVATE' && !vpce && !policy) {
    return [
      {
        code: 'APPC108',
        path: type.path,
        message: `${formatJsonPath(type.path)} is PRIVATE but neither api_gateway_endpoint_vpce nor api_gateway_policy_file is set`,
        remedy:
          'A private API needs a resource policy: set api_gateway_endpoint_vpce to your VPC endpoint id, or api_gateway_policy_file to a policy file in .appc/.',
      },
    ];
  }
  if (type?.value === 'PRIVATE' && vpce && policy) {
    return [
      {
        code: 'APPC109',
        path: policy.path,
        message: `${formatJsonPath(policy.path)} and ${formatJsonPath(vpce.path)} are both set`,
        remedy:
          'Set only one: appc builds the resource policy from api_gateway_endpoint_vpce, or reads it from api_gateway_policy_file.',
      },
    ];
  }
  return [];
}

/**
 * An edge-optimized API's domain is served by CloudFront, which takes certificates from us-east-1 only
 * (API Gateway rejects any other at deploy time).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-edge-optimized-custom-domain-name.html
 */
function domainRule(raw: RawConfig, { stage }: Scope): Finding[] {
  const domain = lookupStageSetting(raw, stage, 'api_gateway_custom_domain');
  const type = lookupStageSetting(raw, stage, 'api_gateway_endpoint_type');
  if (!domain || (type && type.value !== 'EDGE')) return [];
  const region = domain.value.certificate_arn.split(':')[3];
  if (region === 'us-east-1') return [];
  const path = [...domain.path, 'certificate_arn'];
  return [
    {
      code: 'APPC121',
      path,
      message: `${formatJsonPath(path)} is in ${region}, but the API's endpoint type is ${type ? 'EDGE' : 'the default, EDGE'}`,
      remedy:
        'An edge-optimized API needs its custom domain certificate in us-east-1: use (or import) one there, or set "api_gateway_endpoint_type": "REGIONAL".',
    },
  ];
}

/**
 * A websocket API's domain is REGIONAL whatever `api_gateway_endpoint_type` says (API Gateway has no
 * edge-optimized websocket APIs), and a domain serves APIs of one protocol, so it cannot be the REST API's.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-mappings.html
 */
function websocketDomainRule(raw: RawConfig, { stage }: Scope): Finding[] {
  const domain = lookupStageSetting(raw, stage, 'websocket_api_custom_domain');
  if (!domain) return [];
  const findings: Finding[] = [];
  const rest = lookupStageSetting(raw, stage, 'api_gateway_custom_domain');
  if (rest?.value.domain_name === domain.value.domain_name) {
    const path = [...domain.path, 'domain_name'];
    findings.push({
      code: 'APPC127',
      path,
      message: `${formatJsonPath(path)} is also ${formatJsonPath([...rest.path, 'domain_name'])}`,
      remedy: 'API Gateway maps websocket APIs to domains of their own: give the websocket API another domain name.',
    });
  }
  const type = lookupStageSetting(raw, stage, 'api_gateway_endpoint_type');
  if (type?.value === 'EDGE') {
    findings.push({
      code: 'APPC126',
      severity: 'warning',
      path: domain.path,
      message: `${formatJsonPath(domain.path)} is a REGIONAL domain, although ${formatJsonPath(type.path)} is EDGE: API Gateway has no edge-optimized websocket APIs`,
      remedy:
        "Give the websocket domain an ACM certificate of the stack's region, and point its DNS at the WebsocketAliasDomainName output.",
    });
  }
  return findings;
}

/** SAM rejects a DeploymentPreference without AutoPublishAlias (SAM docs, DeploymentPreference). */
function deploymentRule(raw: RawConfig, { stage }: Scope): Finding[] {
  const preference = lookupStageSetting(raw, stage, 'deployment_preference');
  if (!preference || lookupStageSetting(raw, stage, 'lambda_alias')) return [];
  return [
    {
      code: 'APPC120',
      path: preference.path,
      message: `${formatJsonPath(preference.path)} is set but lambda_alias is not`,
      remedy:
        'CodeDeploy shifts traffic from one version of an alias to the next: add "lambda_alias": "live" next to it, or remove it.',
    },
  ];
}

/** The API stage's variables as API Gateway will count them: stage_variables plus LAMBDA_ALIAS. */
function stageVariablesRule(raw: RawConfig, { stage }: Scope): Finding[] {
  const alias = lookupStageSetting(raw, stage, 'lambda_alias');
  const own = [
    ['stages', stage, 'stage_variables', LAMBDA_ALIAS_VARIABLE],
    ['stage_variables', LAMBDA_ALIAS_VARIABLE],
  ].find((path) => typeof valueAt(raw, path) === 'string');
  const findings: Finding[] = [];
  if (alias && own) {
    findings.push({
      code: 'APPC125',
      path: own,
      message: `${formatJsonPath(own)} is set, but lambda_alias sets the ${LAMBDA_ALIAS_VARIABLE} stage variable`,
      remedy: `Remove it, or give it another name: ${LAMBDA_ALIAS_VARIABLE} holds the stage's lambda_alias.`,
    });
  }
  const count = Object.keys(mergeStageDict(raw, stage, 'stage_variables')).length + (alias && !own ? 1 : 0);
  const variables = lookupStageSetting(raw, stage, 'stage_variables');
  if (variables && count > MAX_STAGE_VARIABLES) {
    findings.push({
      code: 'APPC122',
      path: variables.path,
      message: `the API stage would have ${count} stage variables${alias ? `, ${LAMBDA_ALIAS_VARIABLE} included` : ''}; API Gateway allows ${MAX_STAGE_VARIABLES}`,
      remedy: `Remove stage variables until there are at most ${MAX_STAGE_VARIABLES} (top-level and stage entries count together).`,
    });
  }
  return findings;
}

function groupFindings(findings: { finding: Finding; scope: Scope }[]): { finding: Finding; scopes: Scope[] }[] {
  const groups = new Map<string, { finding: Finding; scopes: Scope[] }>();
  for (const { finding, scope } of findings) {
    const key = JSON.stringify([finding.code, finding.path, finding.message]);
    const group = groups.get(key) ?? { finding, scopes: [] };
    group.scopes.push(scope);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `stages "dev", "qa"`, `function "worker" in stage "prod"`; a stage-wide finding covers its functions. */
function describeScopes(scopes: Scope[]): string {
  const wholeStages = [...new Set(scopes.filter((s) => s.fn === undefined).map((s) => s.stage))];
  const functions = scopes
    .filter((s) => s.fn !== undefined && !wholeStages.includes(s.stage))
    .map((s) => `function "${s.fn}" in stage "${s.stage}"`);
  const stages = wholeStages.length
    ? [`${wholeStages.length > 1 ? 'stages' : 'stage'} ${wholeStages.map((s) => `"${s}"`).join(', ')}`]
    : [];
  return [...stages, ...functions].join('; ');
}
