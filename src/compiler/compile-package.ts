/** The stages only `appc package` runs after the check: policy, emit, merge and zip (see compile.ts). */
import { bundleTarget } from './config/lambda-runtimes';
import type { ResolvedConfig } from './config/resolved-config';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic';
import { emitSam, type PolicyInput } from './emit/sam';
import { functionRuntimes } from './emit/sam-plan';
import { serializeTemplate, serializeTemplateWith } from './emit/serialize-template';
import { emitSwagger } from './emit/swagger';
import type { AppModel } from './model/app-model';
import type { JsonObject } from './model/json';
import { isYamlFile, mergeTemplates, readMergeTemplate, type MergeTemplate } from './output/merge-template';
import { checkMergedTemplate } from './output/merged-template-check';
import { policyInput, resourcePolicy } from './output/policy-input';
import type { OutputFile } from './output/write-output';
import { startDeploymentZip } from './package/build-deployment-zip';
import { appcVersion } from './version';

export interface PackageOptions {
  readonly projectDir: string;
  readonly stage: string;
  readonly templateFormat: 'json' | 'yaml';
  /** `--merge-template`: a JSON or YAML template deep-merged over sam (it wins). */
  readonly mergeTemplate?: string;
  /** `--typecheck`: fail on the app's type errors too. */
  readonly typecheck?: boolean;
  /** OUT, so that it is never packed into deployment.zip (it may be inside lib/ or vendor/). */
  readonly outDir?: string;
  /** The day Lambda's runtime calendar is checked against (the CLI passes the real date); default now. */
  readonly today?: Date;
}

/** What the emitters need from outside the model and config: policy files and the merge template. */
export interface PackageInputs {
  /** The roles' policies: none, one file per function, or generated. */
  readonly policy: PolicyInput;
  /** `api_gateway_policy_file`'s document. */
  readonly resourcePolicy?: JsonObject;
  /** `--merge-template`'s document. */
  readonly mergeTemplate?: MergeTemplate;
  readonly diagnostics: Diagnostic[];
}

/** The handler module inside deployment.zip: SAM Handlers are `app.<LogicalId>`. */
const HANDLER_MODULE = 'app';

/** policy: the roles' policies and the API's resource policy; merge: the merge template, read now to fail early. */
export function readPackageInputs(options: PackageOptions, model: AppModel, config: ResolvedConfig): PackageInputs {
  const policy = policyInput(options.projectDir, model, config);
  const api = resourcePolicy(options.projectDir, config);
  const merge = options.mergeTemplate
    ? readMergeTemplate(options.mergeTemplate, options.projectDir)
    : { diagnostics: [] };
  return {
    policy: policy.policy,
    resourcePolicy: api.policy,
    mergeTemplate: 'template' in merge ? merge.template : undefined,
    diagnostics: [...policy.diagnostics, ...api.diagnostics, ...merge.diagnostics],
  };
}

/**
 * emit + merge: sam.json (or sam.yaml) and, when the app has routes, swagger.json; none when the merged template
 * breaks the AWS resource specification (APPC410). `managedLayer`: the zip stage writes layer-deployment.zip, which
 * the functions then use as `ManagedLayer`. Between its steps it lets pending callbacks run: `appc package` emits
 * while esbuild bundles, and esbuild waits on appc's plugins (package/handler-names.ts).
 */
export async function emitTemplateFiles(
  options: PackageOptions,
  model: AppModel,
  config: ResolvedConfig,
  inputs: PackageInputs,
  managedLayer = false,
): Promise<{ files?: OutputFile[]; diagnostics: Diagnostic[] }> {
  const swagger = emitSwagger(model, config, { resourcePolicy: inputs.resourcePolicy });
  await nextTurn();
  const { policy } = inputs;
  const handlerModule = HANDLER_MODULE;
  const sam = emitSam({ model, config, swagger, appcVersion: appcVersion(), handlerModule, policy, managedLayer });
  const template = inputs.mergeTemplate ? mergeTemplates(sam, inputs.mergeTemplate.value) : sam;
  const diagnostics = inputs.mergeTemplate ? checkMergedTemplate(template, inputs.mergeTemplate) : [];
  if (hasErrors(diagnostics)) return { diagnostics };
  await nextTurn();
  const merge = options.mergeTemplate;
  const yaml = options.templateFormat === 'yaml' || (merge !== undefined && isYamlFile(merge));
  const swaggerText = model.routes.length > 0 ? serializeTemplate(swagger) : undefined;
  await nextTurn();
  // yaml is loaded only for YAML output (~50 ms saved on every JSON run).
  const files: OutputFile[] = [
    yaml
      ? { name: 'sam.yaml', data: (await import('yaml')).stringify(template, { aliasDuplicateObjects: false }) }
      : { name: 'sam.json', data: samJson(template, swagger, swaggerText) },
  ];
  if (swaggerText !== undefined) files.push({ name: 'swagger.json', data: swaggerText });
  return { files, diagnostics };
}

/** Where sam.json holds the swagger document (sam-api.ts `restApiResource`). */
const DEFINITION_BODY = ['Resources', 'RestAPI', 'Properties', 'DefinitionBody'];

/** sam.json, reusing swagger.json's text for the swagger document it holds (unless a merge template changed it). */
function samJson(template: unknown, swagger: JsonObject, swaggerText: string | undefined): string {
  if (swaggerText === undefined) return serializeTemplate(template);
  return serializeTemplateWith(template, { path: DEFINITION_BODY, value: swagger, text: swaggerText });
}

/** Lets pending I/O callbacks run (Node's event loop: setImmediate runs after them). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * zip: the esbuild bundle of the app, lib/, vendor/ and the production dependencies. Started here, finished by
 * `finish` (see `startDeploymentZip`).
 */
export function zipProject(options: PackageOptions, model: AppModel, config: ResolvedConfig) {
  const target = bundleTarget(functionRuntimes(model, config));
  const { projectDir, outDir } = options;
  const { bundleAwsSdk, automaticLayer, lambdaSourceMaps: sourceMap } = config;
  return startDeploymentZip({ projectDir, model, bundleAwsSdk, automaticLayer, outDir, target, sourceMap });
}
