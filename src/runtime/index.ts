/**
 * appc's runtime: the API users import (`import { App } from 'appc'`) and the Lambda
 * entry points. It ships inside every deployment.zip, so it has no dependencies.
 */
export { App } from './app';
export type { AppOptions, ApiSettings, BlueprintOptions } from './app';
export { Blueprint } from './blueprint';
export { HANDLER_NAME, Registrar } from './registrar';
export type {
  FunctionEntry,
  FunctionKind,
  FunctionOptions,
  ScheduleOptions,
  ScheduleHandler,
  LambdaFunctionHandler,
  EventHandler,
  SnsOptions,
  SqsOptions,
  CWEventOptions,
  KinesisOptions,
  DynamoDBOptions,
  S3Options,
  StartingPosition,
  WebsocketHandler,
  WebsocketKind,
} from './functions';
export { WebsocketEvent } from './websocket-event';
export { ConvertToMiddleware } from './middleware';
export type {
  Middleware,
  MiddlewareKind,
  MiddlewareEvent,
  MiddlewareEvents,
  MiddlewareResult,
  MiddlewareEntry,
  LambdaWrapper,
} from './middleware';
export { WebsocketApi, WebsocketDisconnectedError, WEBSOCKET_TRANSPORT } from './websocket-api';
export type { WebsocketTransport } from './websocket-api';
export type { WebsocketResult } from './websocket-handler';
export { Request } from './request';
export { Response } from './response';
export type { ResponseInit } from './response';
export {
  ViewError,
  BadRequestError,
  UnauthorizedError,
  ForbiddenError,
  NotFoundError,
  MethodNotAllowedError,
  RequestTimeoutError,
  ConflictError,
  UnprocessableEntityError,
  TooManyRequestsError,
} from './errors';
export type { ErrorBody } from './errors';
export { CORSConfig, corsHeaders, cachedCorsHeaders, preflightHeaders, REQUIRED_CORS_HEADERS } from './cors';
export type { CORSOptions, CorsSetting } from './cors';
export { DEFAULT_BINARY_TYPES, matchesContentType, baseMimeType } from './binary';
export {
  IAMAuthorizer,
  CognitoUserPoolAuthorizer,
  CustomAuthorizer,
  BuiltinAuthorizer,
  AuthRequest,
  AuthResponse,
  AuthRoute,
  routeArn,
} from './authorizers';
export type {
  Authorizer,
  AuthorizerHandler,
  BuiltinAuthorizerOptions,
  CognitoUserPoolAuthorizerOptions,
  CustomAuthorizerOptions,
  AuthResponseInit,
} from './authorizers';
export { Rate, Cron, CloudWatchEvent, scheduleExpressionString } from './schedule';
export type { RateUnit, CronField, ScheduleExpression, RawCloudWatchEvent } from './schedule';
export {
  LambdaEvent,
  LambdaFunctionEvent,
  SNSEvent,
  SQSEvent,
  SQSRecord,
  S3Event,
  KinesisEvent,
  KinesisRecord,
  DynamoDBEvent,
  DynamoDBRecord,
} from './event-sources';
export { Logger, LOG_LEVELS } from './log';
export type { LogLevel } from './log';
export { pathParamNames, joinUrlPrefix } from './routes';
export type { HttpMethod, PathParams, PathParamNames, RouteHandler, RouteOptions, RouteEntry } from './routes';
export { lambdaHandler, API_HANDLER } from './entry';
export type { LambdaHandler } from './entry';
export type * from './events';
