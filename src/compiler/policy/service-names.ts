import { iamServices } from './iam-data';
import {
  LIB_DYNAMODB,
  LIB_STORAGE,
  V2_CLIENTS_PREFIX,
  V2_DOCUMENT_CLIENT,
  V3_CLIENT_PREFIX,
} from '../model/sdk-module-names';
import { BOTOCORE_TO_IAM, SDK_V3_TO_BOTOCORE } from './service-names-data';

/** SDK names the maintained maps miss (v2's `aws-sdk/clients/<file>` names are lower-cased class names). */
const CURATED: Readonly<Record<string, string>> = {
  'cloudwatch-events': 'events',
  cloudwatchevents: 'events',
  cognitoidentityserviceprovider: 'cognito-idp',
  rdsdataservice: 'rds-data',
};

/**
 * The IAM service prefix of the SDK module a call was recorded with:
 * `@aws-sdk/client-cloudwatch-logs` and `aws-sdk/clients/cloudwatchlogs` -> `logs`,
 * `@aws-sdk/client-sfn` -> `states`. Undefined when the IAM data has no such service.
 */
export function iamServiceOf(module: string): string | undefined {
  if (module === LIB_DYNAMODB || module === V2_DOCUMENT_CLIENT) return 'dynamodb';
  if (module === LIB_STORAGE) return 's3';
  const name = module.startsWith(V3_CLIENT_PREFIX)
    ? module.slice(V3_CLIENT_PREFIX.length)
    : module.startsWith(V2_CLIENTS_PREFIX)
      ? module.slice(V2_CLIENTS_PREFIX.length)
      : undefined;
  return name === undefined ? undefined : serviceNamed(name);
}

function serviceNamed(name: string): string | undefined {
  const known = iamServices();
  const botocore = SDK_V3_TO_BOTOCORE[name] ?? name;
  const direct = [CURATED[name], BOTOCORE_TO_IAM[botocore], botocore].find((s) => s !== undefined && known.has(s));
  if (direct) return direct;
  // v2 file names are v3/botocore names without their dashes: cloudwatchlogs, dynamodbstreams, lexruntime.
  const key = squash(name);
  const v3 = Object.keys(SDK_V3_TO_BOTOCORE).find((n) => squash(n) === key);
  if (v3 !== undefined) return serviceNamed(v3);
  const renamed = Object.keys(BOTOCORE_TO_IAM).find((n) => squash(n) === key);
  if (renamed !== undefined && known.has(BOTOCORE_TO_IAM[renamed])) return BOTOCORE_TO_IAM[renamed];
  return [...known].find((s) => squash(s) === key);
}

function squash(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
