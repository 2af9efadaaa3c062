/**
 * JSON schema (draft-07) of the API Gateway extensions appc writes into the swagger:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions.html
 * Intrinsic functions are replaced by strings before validation.
 */
const string = { type: 'string' };
const stringMap = { type: 'object', additionalProperties: string };
const contentHandling = { enum: ['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'] };

// x-amazon-apigateway-integration.responses: keys are status patterns or `default`.
const integrationResponse = {
  type: 'object',
  required: ['statusCode'],
  additionalProperties: false,
  properties: {
    statusCode: { type: 'string', pattern: '^[1-5][0-9]{2}$' },
    responseParameters: {
      type: 'object',
      propertyNames: { pattern: "^method\\.response\\.header\\.[A-Za-z0-9!#$%&'*+.^_`|~-]+$" },
      additionalProperties: string,
    },
    responseTemplates: stringMap,
    contentHandling,
  },
};

// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html
const integration = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['aws', 'aws_proxy', 'http', 'http_proxy', 'mock'] },
    uri: string,
    httpMethod: { enum: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'ANY'] },
    passthroughBehavior: { enum: ['when_no_match', 'when_no_templates', 'never'] },
    contentHandling,
    requestTemplates: stringMap,
    requestParameters: stringMap,
    responses: { type: 'object', additionalProperties: integrationResponse },
    cacheKeyParameters: { type: 'array', items: string },
    cacheNamespace: string,
    connectionId: string,
    connectionType: { enum: ['INTERNET', 'VPC_LINK'] },
    credentials: string,
    timeoutInMillis: { type: 'integer', minimum: 50 },
    tlsConfig: { type: 'object' },
  },
  allOf: [
    {
      if: { properties: { type: { enum: ['aws', 'aws_proxy', 'http', 'http_proxy'] } } },
      then: { required: ['uri', 'httpMethod'] },
    },
    // Lambda proxy integrations are always invoked with POST.
    { if: { properties: { type: { const: 'aws_proxy' } } }, then: { properties: { httpMethod: { const: 'POST' } } } },
  ],
};

// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html
const authorizer = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: { enum: ['token', 'request', 'cognito_user_pools'] },
    authorizerUri: string,
    authorizerCredentials: string,
    authorizerResultTtlInSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
    identitySource: string,
    identityValidationExpression: string,
    providerARNs: { type: 'array', items: string, minItems: 1 },
  },
  allOf: [
    { if: { properties: { type: { enum: ['token', 'request'] } } }, then: { required: ['authorizerUri'] } },
    { if: { properties: { type: { const: 'cognito_user_pools' } } }, then: { required: ['providerARNs'] } },
  ],
};

const securityScheme = {
  type: 'object',
  properties: {
    'x-amazon-apigateway-authtype': { enum: ['awsSigv4', 'cognito_user_pools', 'custom', 'oauth2'] },
    'x-amazon-apigateway-authorizer': authorizer,
  },
};

const operation = {
  type: 'object',
  required: ['x-amazon-apigateway-integration'],
  properties: { 'x-amazon-apigateway-integration': integration },
};

const policyStatement = {
  type: 'object',
  required: ['Effect'],
  properties: { Effect: { enum: ['Allow', 'Deny'] } },
};

export const swaggerExtensionsSchema = {
  type: 'object',
  required: ['x-amazon-apigateway-binary-media-types'],
  properties: {
    paths: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        patternProperties: { '^(get|put|post|delete|options|head|patch)$': operation },
      },
    },
    securityDefinitions: { type: 'object', additionalProperties: securityScheme },
    'x-amazon-apigateway-binary-media-types': {
      type: 'array',
      items: { type: 'string', pattern: '^[^/\\s]+/[^/\\s]+$' },
      uniqueItems: true,
    },
    'x-amazon-apigateway-policy': {
      type: 'object',
      required: ['Version', 'Statement'],
      properties: {
        Version: { const: '2012-10-17' },
        Statement: { type: 'array', minItems: 1, items: policyStatement },
      },
    },
    'x-amazon-apigateway-endpoint-configuration': {
      type: 'object',
      additionalProperties: false,
      properties: {
        vpcEndpointIds: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^vpce-' } },
        disableExecuteApiEndpoint: { type: 'boolean' },
      },
    },
  },
};
