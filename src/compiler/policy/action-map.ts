import { iamAction } from './iam-data';
import { LIB_DYNAMODB, LIB_STORAGE, V2_CLIENTS_PREFIX, V2_DOCUMENT_CLIENT } from '../model/sdk-module-names';

/**
 * Operation -> IAM action. Most operations authorize the action of the same name, which
 * the IAM data confirms; these do not. Sources: "Required permissions for Amazon S3 API
 * operations" (S3 User Guide), the DynamoDB, SQS, SNS, Lambda, Bedrock and API Gateway
 * developer guides, and Chalice's policies.json. Every action here must exist in the IAM
 * data (test/compiler/policy/action-map.test.ts checks).
 */
const CURATED: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  s3: {
    CompleteMultipartUpload: ['PutObject'],
    CopyObject: ['GetObject', 'PutObject'],
    CreateMultipartUpload: ['PutObject'],
    DeleteBucketAnalyticsConfiguration: ['PutAnalyticsConfiguration'],
    DeleteBucketCors: ['PutBucketCORS'],
    DeleteBucketEncryption: ['PutEncryptionConfiguration'],
    DeleteBucketIntelligentTieringConfiguration: ['PutIntelligentTieringConfiguration'],
    DeleteBucketInventoryConfiguration: ['PutInventoryConfiguration'],
    DeleteBucketLifecycle: ['PutLifecycleConfiguration'],
    DeleteBucketMetricsConfiguration: ['PutMetricsConfiguration'],
    DeleteBucketOwnershipControls: ['PutBucketOwnershipControls'],
    DeleteBucketReplication: ['PutReplicationConfiguration'],
    DeleteBucketTagging: ['PutBucketTagging'],
    DeleteObjects: ['DeleteObject'],
    DeletePublicAccessBlock: ['PutBucketPublicAccessBlock'],
    GetBucketAccelerateConfiguration: ['GetAccelerateConfiguration'],
    GetBucketAnalyticsConfiguration: ['GetAnalyticsConfiguration'],
    GetBucketEncryption: ['GetEncryptionConfiguration'],
    GetBucketIntelligentTieringConfiguration: ['GetIntelligentTieringConfiguration'],
    GetBucketInventoryConfiguration: ['GetInventoryConfiguration'],
    GetBucketLifecycle: ['GetLifecycleConfiguration'],
    GetBucketLifecycleConfiguration: ['GetLifecycleConfiguration'],
    GetBucketMetricsConfiguration: ['GetMetricsConfiguration'],
    GetBucketNotificationConfiguration: ['GetBucketNotification'],
    GetBucketReplication: ['GetReplicationConfiguration'],
    GetObjectLockConfiguration: ['GetBucketObjectLockConfiguration'],
    GetPublicAccessBlock: ['GetBucketPublicAccessBlock'],
    HeadBucket: ['ListBucket'],
    HeadObject: ['GetObject'],
    ListBucketAnalyticsConfigurations: ['GetAnalyticsConfiguration'],
    ListBucketIntelligentTieringConfigurations: ['GetIntelligentTieringConfiguration'],
    ListBucketInventoryConfigurations: ['GetInventoryConfiguration'],
    ListBucketMetricsConfigurations: ['GetMetricsConfiguration'],
    ListBuckets: ['ListAllMyBuckets'],
    ListMultipartUploads: ['ListBucketMultipartUploads'],
    ListObjectVersions: ['ListBucketVersions'],
    ListObjects: ['ListBucket'],
    ListObjectsV2: ['ListBucket'],
    ListParts: ['ListMultipartUploadParts'],
    PutBucketAccelerateConfiguration: ['PutAccelerateConfiguration'],
    PutBucketAnalyticsConfiguration: ['PutAnalyticsConfiguration'],
    PutBucketEncryption: ['PutEncryptionConfiguration'],
    PutBucketIntelligentTieringConfiguration: ['PutIntelligentTieringConfiguration'],
    PutBucketInventoryConfiguration: ['PutInventoryConfiguration'],
    PutBucketLifecycle: ['PutLifecycleConfiguration'],
    PutBucketLifecycleConfiguration: ['PutLifecycleConfiguration'],
    PutBucketMetricsConfiguration: ['PutMetricsConfiguration'],
    PutBucketNotificationConfiguration: ['PutBucketNotification'],
    PutBucketReplication: ['PutReplicationConfiguration'],
    PutObjectLockConfiguration: ['PutBucketObjectLockConfiguration'],
    PutPublicAccessBlock: ['PutBucketPublicAccessBlock'],
    SelectObjectContent: ['GetObject'],
    UploadPart: ['PutObject'],
    UploadPartCopy: ['GetObject', 'PutObject'],
  },
  dynamodb: {
    // PartiQL: the statement's verb picks the action, which a static read cannot always tell.
    BatchExecuteStatement: ['PartiQLDelete', 'PartiQLInsert', 'PartiQLSelect', 'PartiQLUpdate'],
    ExecuteStatement: ['PartiQLDelete', 'PartiQLInsert', 'PartiQLSelect', 'PartiQLUpdate'],
    ExecuteTransaction: ['PartiQLDelete', 'PartiQLInsert', 'PartiQLSelect', 'PartiQLUpdate'],
    TransactGetItems: ['GetItem'],
    TransactWriteItems: ['ConditionCheckItem', 'DeleteItem', 'PutItem', 'UpdateItem'],
  },
  sqs: {
    ChangeMessageVisibilityBatch: ['ChangeMessageVisibility'],
    DeleteMessageBatch: ['DeleteMessage'],
    SendMessageBatch: ['SendMessage'],
  },
  sns: { PublishBatch: ['Publish'] },
  lambda: { Invoke: ['InvokeFunction'], InvokeWithResponseStream: ['InvokeFunction'] },
  bedrock: { Converse: ['InvokeModel'], ConverseStream: ['InvokeModelWithResponseStream'] },
  'execute-api': {
    DeleteConnection: ['ManageConnections'],
    GetConnection: ['ManageConnections'],
    PostToConnection: ['ManageConnections'],
  },
};

/**
 * High-level helpers -> the operations they issue. From iam-policy-autopilot's
 * js_v3_libraries.json (github.com/awslabs/iam-policy-autopilot at 8f09822b, Apache-2.0,
 * Copyright Amazon.com, Inc. or its affiliates); v2's document client and
 * `s3.upload()` / `ManagedUpload` are the same helpers.
 */
const DOCUMENT_CLIENT: Readonly<Record<string, string>> = {
  Put: 'PutItem',
  Get: 'GetItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  Delete: 'DeleteItem',
  Update: 'UpdateItem',
  TransactGet: 'TransactGetItems',
  TransactWrite: 'TransactWriteItems',
};
const UPLOAD = [
  'PutObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'AbortMultipartUpload',
  'PutObjectTagging',
];

/** Waiters poll one operation. */
const WAITERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  s3: {
    BucketExists: 'HeadBucket',
    BucketNotExists: 'HeadBucket',
    ObjectExists: 'HeadObject',
    ObjectNotExists: 'HeadObject',
  },
  dynamodb: { TableExists: 'DescribeTable', TableNotExists: 'DescribeTable' },
};

/** The API operations a recorded call issues. */
export function operationsOf(module: string, service: string, operation: string): readonly string[] {
  if (module === LIB_DYNAMODB || module === V2_DOCUMENT_CLIENT) return [DOCUMENT_CLIENT[operation] ?? operation];
  if (operation === 'Upload' && (module === LIB_STORAGE || module === `${V2_CLIENTS_PREFIX}s3`)) return UPLOAD;
  const waiter = /^WaitUntil(\w+)$/.exec(operation);
  if (waiter) {
    const polled = WAITERS[service]?.[waiter[1]];
    return polled ? [polled] : [operation];
  }
  return [operation];
}

/** The IAM actions (`s3:ListBucket`) that authorize `operation`, or undefined when nothing is known. */
export function actionsOf(service: string, operation: string): string[] | undefined {
  const curated = CURATED[service]?.[operation];
  if (curated) return curated.map((name) => `${service}:${name}`);
  const name = iamAction(service, operation);
  return name === undefined ? undefined : [`${service}:${name}`];
}

/** Every action the curated table can emit, for the test that holds them to the IAM data. */
export function curatedActions(): string[] {
  return Object.entries(CURATED).flatMap(([service, operations]) =>
    Object.values(operations).flatMap((names) => names.map((n) => `${service}:${n}`)),
  );
}
