/**
 * The Lambda event and result shapes appc's entry points handle, written out here so the
 * runtime needs no third-party types. Field names are API Gateway's (REST API, proxy
 * integration, payload version 1.0).
 */

export interface APIGatewayRequestIdentity {
  accessKey?: string | null;
  accountId?: string | null;
  apiKey?: string | null;
  apiKeyId?: string | null;
  caller?: string | null;
  cognitoAuthenticationProvider?: string | null;
  cognitoAuthenticationType?: string | null;
  cognitoIdentityId?: string | null;
  cognitoIdentityPoolId?: string | null;
  principalOrgId?: string | null;
  sourceIp: string;
  user?: string | null;
  userAgent?: string | null;
  userArn?: string | null;
  [key: string]: unknown;
}

/** `event.requestContext`; `authorizer` holds a built-in authorizer's `context` (plus `principalId`). */
export interface APIGatewayRequestContext {
  accountId: string;
  apiId: string;
  authorizer?: Record<string, unknown> | null;
  domainName?: string;
  extendedRequestId?: string;
  httpMethod: string;
  identity: APIGatewayRequestIdentity;
  path: string;
  protocol?: string;
  requestId: string;
  requestTime?: string;
  requestTimeEpoch?: number;
  resourceId: string;
  resourcePath: string;
  stage: string;
  [key: string]: unknown;
}

export interface APIGatewayProxyEvent {
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string | undefined> | null;
  multiValueHeaders?: Record<string, string[] | undefined> | null;
  queryStringParameters: Record<string, string | undefined> | null;
  multiValueQueryStringParameters?: Record<string, string[] | undefined> | null;
  pathParameters: Record<string, string | undefined> | null;
  stageVariables: Record<string, string | undefined> | null;
  requestContext: APIGatewayRequestContext;
  body: string | null;
  isBase64Encoded?: boolean;
}

export interface APIGatewayProxyResult {
  statusCode: number;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  body: string;
  isBase64Encoded?: boolean;
}

/** A TOKEN authorizer event. */
export interface APIGatewayTokenAuthorizerEvent {
  type: string;
  authorizationToken: string;
  methodArn: string;
}

export interface IAMPolicyStatement {
  Action: string | string[];
  Effect: 'Allow' | 'Deny';
  Resource: string | string[];
}

export interface AuthorizerResult {
  principalId: string;
  policyDocument: { Version: string; Statement: IAMPolicyStatement[] };
  context?: Record<string, string | number | boolean>;
}

/**
 * What API Gateway sends a websocket API's integration (`$connect`, `$default`, `$disconnect`); `body` only for a
 * message. https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-mapping-template-reference.html
 */
export interface RawWebsocketEvent {
  requestContext: {
    routeKey: string;
    eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
    connectionId: string;
    domainName: string;
    stage: string;
    apiId: string;
    [key: string]: unknown;
  };
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  queryStringParameters?: Record<string, string> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** The subset of the Lambda context object appc reads; the whole object is passed on. */
export interface LambdaContext {
  functionName?: string;
  awsRequestId?: string;
  getRemainingTimeInMillis?(): number;
  [key: string]: unknown;
}

/** An SNS notification event (one record per invocation). */
export interface RawSNSEvent {
  Records: Array<{ EventSource: string; EventVersion: string; EventSubscriptionArn: string; Sns: RawSNSMessage }>;
}
export interface RawSNSMessage {
  Type: string;
  MessageId: string;
  TopicArn: string;
  Subject?: string | null;
  Message: string;
  Timestamp: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
  [key: string]: unknown;
}

/** A batch of SQS messages. */
export interface RawSQSEvent {
  Records: RawSQSRecord[];
}
export interface RawSQSRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes: Record<string, string>;
  messageAttributes: Record<string, unknown>;
  md5OfBody: string;
  eventSource: string;
  eventSourceARN: string;
  awsRegion: string;
  [key: string]: unknown;
}

/** An S3 event notification. */
export interface RawS3Event {
  Records: RawS3Record[];
}
export interface RawS3Record {
  eventName: string;
  eventTime: string;
  awsRegion: string;
  s3: {
    bucket: { name: string; arn: string; [key: string]: unknown };
    object: { key: string; size?: number; eTag?: string; versionId?: string; sequencer?: string };
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** A batch of Kinesis records; `data` is base64. */
export interface RawKinesisEvent {
  Records: RawKinesisRecord[];
}
export interface RawKinesisRecord {
  kinesis: {
    kinesisSchemaVersion: string;
    partitionKey: string;
    sequenceNumber: string;
    data: string;
    /** Seconds since the epoch. */
    approximateArrivalTimestamp: number;
  };
  eventSourceARN: string;
  [key: string]: unknown;
}

/** A batch of DynamoDB stream records. */
export interface RawDynamoDBEvent {
  Records: RawDynamoDBRecord[];
}
export interface RawDynamoDBRecord {
  eventID: string;
  eventName: string;
  awsRegion: string;
  eventSourceARN: string;
  dynamodb: {
    /** Seconds since the epoch. */
    ApproximateCreationDateTime: number;
    Keys?: Record<string, unknown>;
    NewImage?: Record<string, unknown>;
    OldImage?: Record<string, unknown>;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: string;
  };
  [key: string]: unknown;
}
