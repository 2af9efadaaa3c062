/**
 * What the AWS SDK's module specifiers and export names say, without the SDK's typings
 * (TOOLCHAIN.md: loading them costs about 1.2 s per client): `@aws-sdk/client-s3`'s
 * `S3Client` is a client, `PutObjectCommand` a command, `S3` the aggregated client.
 * Pure string rules; the analysis applies them to what imports resolve to.
 */

import {
  LIB_DYNAMODB,
  LIB_STORAGE,
  S3_PRESIGNED_POST,
  S3_PRESIGNER,
  V2_CLIENTS_PREFIX,
  V2_DOCUMENT_CLIENT,
  V3_CLIENT_PREFIX,
} from '../../model/sdk-module-names';

/**
 * A value that comes from an SDK module: the module and the member path
 * (`AWS.DynamoDB.DocumentClient` -> ['DynamoDB', 'DocumentClient']).
 */
export interface SdkExport {
  kind: 'export';
  module: string;
  path: readonly string[];
}

/**
 * A client instance. `bare` clients only `send` commands (v3 `S3Client`); `aggregated`
 * ones have a method per operation (v3 `S3`, every v2 client, document clients).
 */
export interface SdkClient {
  kind: 'client';
  /** The module recorded for its calls (see `SdkCall.module`). */
  module: string;
  style: 'bare' | 'aggregated';
}

/** A v3 command instance: `new PutObjectCommand(...)`. */
export interface SdkCommand {
  kind: 'command';
  module: string;
  operation: string;
}

export type SdkValue = SdkExport | SdkClient | SdkCommand;

/** What `new X(...)` gives when X is `exported`: a client, a command, or nothing the policy cares about. */
export function instantiate(exported: SdkExport): SdkClient | SdkCommand | undefined {
  const { module, path } = exported;
  const name = path[path.length - 1] ?? '';
  if (module.startsWith(V3_CLIENT_PREFIX) || module === LIB_DYNAMODB) {
    if (path.length !== 1 || /(Exception|Error)$/.test(name)) return undefined;
    if (name.endsWith('Command') && name !== 'Command')
      return { kind: 'command', module, operation: name.slice(0, -'Command'.length) };
    if (module === LIB_DYNAMODB) return documentClient(name);
    return { kind: 'client', module, style: name.endsWith('Client') ? 'bare' : 'aggregated' };
  }
  const v2 = v2Member(exported);
  if (v2 === undefined) return undefined;
  if (v2.member.length === 0) return { kind: 'client', module: V2_CLIENTS_PREFIX + v2.service, style: 'aggregated' };
  if (v2.service === 'dynamodb' && v2.member.join('.') === 'DocumentClient')
    return { kind: 'client', module: V2_DOCUMENT_CLIENT, style: 'aggregated' };
  return undefined;
}

/** `DynamoDBDocumentClient.from(client)` / `DynamoDBDocument.from(client)` of lib-dynamodb. */
export function documentClient(name: string): SdkClient | undefined {
  if (name === 'DynamoDBDocumentClient') return { kind: 'client', module: LIB_DYNAMODB, style: 'bare' };
  if (name === 'DynamoDBDocument') return { kind: 'client', module: LIB_DYNAMODB, style: 'aggregated' };
  return undefined;
}

/**
 * A v2 export as (service file name, member path): `AWS.S3` and `aws-sdk/clients/s3`'s
 * default are `s3`; `AWS.DynamoDB.DocumentClient` is `dynamodb` + ['DocumentClient'].
 * v2's `aws-sdk/clients/<file>` names are the lower-cased class names.
 */
export function v2Member(exported: SdkExport): { service: string; member: readonly string[] } | undefined {
  const { module, path } = exported;
  if (module === 'aws-sdk') {
    const [className, ...member] = path;
    return className && /^[A-Z]/.test(className) ? { service: className.toLowerCase(), member } : undefined;
  }
  if (module.startsWith(V2_CLIENTS_PREFIX)) {
    const member = path[0] === 'default' ? path.slice(1) : path;
    return { service: module.slice(V2_CLIENTS_PREFIX.length).replace(/\.js$/, ''), member };
  }
  return undefined;
}

/** `new Upload(...)` of lib-storage, and v2's `new AWS.S3.ManagedUpload(...)`: an S3 upload helper. */
export function isUploadHelper(exported: SdkExport): boolean {
  if (exported.module === LIB_STORAGE) return exported.path.join('.') === 'Upload';
  const v2 = v2Member(exported);
  return v2 !== undefined && v2.service === 's3' && v2.member.join('.') === 'ManagedUpload';
}

/**
 * A function exported by an SDK module that calls AWS itself: paginators and waiters of
 * client packages, S3's presigners. Gives the call's operation, or the index of the
 * argument holding the command whose operation it is.
 */
export function sdkFunctionCall(
  exported: SdkExport,
): { module: string; operation: string } | { commandArgument: number } | undefined {
  const { module, path } = exported;
  if (path.length !== 1) return undefined;
  const [name] = path;
  if (module === S3_PRESIGNER && name === 'getSignedUrl') return { commandArgument: 1 };
  if (module === S3_PRESIGNED_POST && name === 'createPresignedPost')
    return { module: `${V3_CLIENT_PREFIX}s3`, operation: 'PutObject' };
  if (!module.startsWith(V3_CLIENT_PREFIX) && module !== LIB_DYNAMODB) return undefined;
  const paginator = /^paginate([A-Z]\w*)$/.exec(name);
  if (paginator) return { module, operation: paginator[1] };
  const waiter = /^wait(?:Until|For)([A-Z]\w*)$/.exec(name);
  return waiter ? { module, operation: `WaitUntil${waiter[1]}` } : undefined;
}

/** Methods every client has that are not AWS operations. */
export const NON_OPERATION_METHODS = new Set([
  'destroy',
  'config',
  'middlewareStack',
  'on',
  'promise',
  'then',
  'makeRequest',
  'makeUnauthenticatedRequest',
  'setupRequestListeners',
  'defineService',
  'createSet',
  'constructor',
  'toString',
  'valueOf',
]);

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
