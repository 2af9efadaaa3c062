import type {
  AppModel,
  CallParts,
  FunctionModel,
  HandlerModel,
  RouteModel,
  SourceLocation,
} from '../../../src/compiler/model/app-model';
import type { FunctionConfig, ResolvedConfig } from '../../../src/compiler/config/resolved-config';
import { appModel, functionConfig, STAGE_DEFAULTS } from '../emit/builders';

/** A location on `line` of app.ts. */
export function at(line: number, column = 1): SourceLocation {
  return { file: 'app.ts', line, column, length: 10 };
}

export function handler(line: number, paramNames: string[] | null = null): HandlerModel {
  return { location: at(line, 20), start: 0, end: 0, paramNames, ownName: null, docs: {} };
}

/** `app.route(path, ...)` on `line`, GET, JSON, no CORS setting. */
export function route(path: string, line: number, overrides: Partial<RouteModel> = {}): RouteModel {
  return {
    path,
    methods: ['GET'],
    name: `view${line}`,
    contentTypes: ['application/json'],
    apiKeyRequired: false,
    cors: null,
    authorizer: null,
    handler: handler(line),
    location: at(line),
    parts: { argument: at(line, 11), options: {}, elements: {} },
    unknownOptions: [],
    ...overrides,
  };
}

type Kind = FunctionModel['kind'];
type Extra<K extends Kind> = Omit<
  Extract<FunctionModel, { kind: K }>,
  'kind' | 'name' | 'localName' | 'handler' | 'location' | 'parts' | 'unknownOptions'
>;

const DEFAULTS: { [K in Kind]: Extra<K> } = {
  authorizer: { header: 'Authorization' },
  schedule: { expression: 'rate(1 hour)' },
  lambda: {},
  sns: { topic: 'topic' },
  sqs: { queue: 'jobs', batchSize: 1, maximumBatchingWindowInSeconds: 0 },
  'cw-event': { eventPattern: { source: ['aws.ec2'] } },
  kinesis: { stream: 'clicks', batchSize: 100, startingPosition: 'LATEST', maximumBatchingWindowInSeconds: 0 },
  dynamodb: {
    streamArn: 'arn:aws:dynamodb:us-east-1:1:table/t/stream/x',
    batchSize: 100,
    startingPosition: 'LATEST',
    maximumBatchingWindowInSeconds: 0,
  },
  s3: { bucket: 'uploads', events: ['s3:ObjectCreated:*'] },
  'ws-connect': {},
  'ws-message': {},
  'ws-disconnect': {},
};

/** A registration of `kind` named `name` on `line`. */
export function fn<K extends Kind>(
  kind: K,
  name: string | null,
  line: number,
  overrides: Partial<Extra<K>> & { unknownOptions?: string[]; parts?: CallParts } = {},
): FunctionModel {
  return {
    kind,
    name,
    localName: name,
    handler: handler(line),
    location: at(line),
    parts: { options: {}, elements: {} },
    unknownOptions: [],
    ...DEFAULTS[kind],
    ...overrides,
  } as FunctionModel;
}

export function app(parts: Partial<AppModel> = {}): AppModel {
  return appModel({ appName: 'demo', location: at(1), ...parts });
}

/** The resolved defaults of one function, as `resolveConfig` gives them (shared with the emit tests). */
export { functionConfig };

export function config(
  functions: Record<string, FunctionConfig> = { api_handler: functionConfig() },
  defaultFunction = functionConfig(),
): ResolvedConfig {
  return {
    ...STAGE_DEFAULTS,
    functions,
    defaultFunction,
  };
}

/** The parts of a diagnostic a test asserts on. */
export function brief(d: {
  code: string;
  message: string;
  location?: SourceLocation;
}): [string, string, number | undefined] {
  return [d.code, d.message, d.location?.line];
}
