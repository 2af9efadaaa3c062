/**
 * The AWS SDK module specifiers `SdkCall.module` is written with: the analysis records
 * calls under these names and the policy maps them to IAM services.
 */

export const V3_CLIENT_PREFIX = '@aws-sdk/client-';
export const V2_CLIENTS_PREFIX = 'aws-sdk/clients/';
export const LIB_DYNAMODB = '@aws-sdk/lib-dynamodb';
export const LIB_STORAGE = '@aws-sdk/lib-storage';
export const V2_DOCUMENT_CLIENT = 'aws-sdk/lib/dynamodb/document_client';
export const S3_PRESIGNER = '@aws-sdk/s3-request-presigner';
export const S3_PRESIGNED_POST = '@aws-sdk/s3-presigned-post';

/** `@aws-sdk/*`, `aws-sdk` and `aws-sdk/...`. */
export function isSdkModule(specifier: string): boolean {
  return specifier.startsWith('@aws-sdk/') || specifier === 'aws-sdk' || specifier.startsWith('aws-sdk/');
}
