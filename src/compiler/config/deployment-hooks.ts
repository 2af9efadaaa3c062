/**
 * `deployment_preference.hooks` against the app's functions: each hook names a pure Lambda function
 * (`app.lambdaFunction`) of this app, which the template passes to SAM by logical ID. Checked by
 * `checkProject` once the app is analysed, for the stage being packaged.
 */
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { FunctionModel } from '../model/app-model';
import { lookupStageSetting } from './config-lookup';
import { closestName } from './did-you-mean';
import { formatJsonPath, type JsonDocument } from './json-document';
import type { RawConfig } from './raw-config';

export interface DeploymentHooksInput {
  raw: RawConfig;
  stage: string;
  functions: readonly FunctionModel[];
  /** The config file, to point at the hook; absent without a file (then there are no hooks). */
  document?: JsonDocument;
}

const HOOKS = ['pre_traffic', 'post_traffic'] as const;

/** APPC123 for a hook that names no function of the app, APPC124 for one that names a function of another kind. */
export function deploymentHookDiagnostics({ raw, stage, functions, document }: DeploymentHooksInput): Diagnostic[] {
  const preference = lookupStageSetting(raw, stage, 'deployment_preference');
  if (!preference?.value.hooks || !document) return [];
  const pure = functions.filter((fn) => fn.kind === 'lambda').flatMap((fn) => (fn.name === null ? [] : [fn.name]));
  return HOOKS.flatMap((hook) => {
    const name = preference.value.hooks?.[hook];
    if (name === undefined || pure.includes(name)) return [];
    const path = [...preference.path, 'hooks', hook];
    const location = document.locate(path, 'value');
    const other = functions.find((fn) => fn.name === name);
    if (other) {
      return [
        error(
          'APPC124',
          `${formatJsonPath(path)} names "${name}", a ${KIND_WORDS[other.kind]}; a hook must be a pure Lambda function`,
          'Register the hook with app.lambdaFunction(name, handler): CodeDeploy invokes it with the deployment ids, and it reports Succeeded or Failed.',
          location,
        ),
      ];
    }
    const guess = closestName(name, pure);
    const remedy = guess
      ? `Did you mean "${guess}"?`
      : 'Name a function of this app registered with app.lambdaFunction(name, handler).';
    return [
      error(
        'APPC123',
        `${formatJsonPath(path)} names "${name}", which is not a function of this app`,
        remedy,
        location,
      ),
    ];
  });
}

/** What each kind of function is, in a message; a Record so that a new kind must be named here. */
const KIND_WORDS: Record<FunctionModel['kind'], string> = {
  authorizer: 'built-in authorizer',
  schedule: 'scheduled function',
  lambda: 'pure Lambda function',
  sns: 'SNS handler',
  sqs: 'SQS handler',
  'cw-event': 'CloudWatch Events handler',
  kinesis: 'Kinesis handler',
  dynamodb: 'DynamoDB stream handler',
  s3: 'S3 event handler',
  'ws-connect': 'websocket connect handler',
  'ws-message': 'websocket message handler',
  'ws-disconnect': 'websocket disconnect handler',
};
