import { BuiltinAuthorizer, type AuthorizerHandler, type BuiltinAuthorizerOptions } from './authorizers';
import { DEFAULT_BINARY_TYPES } from './binary';
import type { CorsSetting } from './cors';
import type { LambdaContext } from './events';
import { Logger } from './log';
import type { Request } from './request';
import { joinUrlPrefix, pathParamNames, type RouteEntry, type RouteHandler, type RouteOptions } from './routes';
import type { CloudWatchEvent, ScheduleExpression } from './schedule';

/**
 * The compiler marks each non-route handler with the name it derived statically
 * (DESIGN.md §2 "Names"), so the runtime and the template agree even when the name
 * comes from the `const` a registration is assigned to.
 */
export const HANDLER_NAME = Symbol.for('appc.name');

export interface FunctionOptions {
  name?: string;
}
export interface ScheduleOptions extends FunctionOptions {
  description?: string;
}

export type ScheduleHandler = (event: CloudWatchEvent) => unknown;
export type LambdaFunctionHandler = (event: any, context: LambdaContext) => unknown;

/** A Lambda function of the app other than the API handler. */
export type FunctionEntry =
  | { readonly kind: 'authorizer'; readonly name: string; readonly authorizer: BuiltinAuthorizer }
  | { readonly kind: 'schedule'; readonly name: string; readonly expression: ScheduleExpression; readonly handler: ScheduleHandler }
  | { readonly kind: 'lambda'; readonly name: string; readonly handler: LambdaFunctionHandler };

export interface ApiSettings {
  /** Content types API Gateway treats as binary; Chalice's 16 defaults. */
  binaryTypes: string[];
  /** CORS for routes that leave `cors` unset. */
  cors: CorsSetting;
}

/** Registrations shared by `App` and `Blueprint`. */
abstract class Registrar {
  /** Register an HTTP route: `app.route('/cities/{city}', ({ city }) => ({ city }))`. */
  route<P extends string>(path: P, handler: RouteHandler<P>): void;
  route<P extends string>(path: P, options: RouteOptions, handler: RouteHandler<P>): void;
  route<P extends string>(path: P, a: RouteOptions | RouteHandler<P>, b?: RouteHandler<P>): void {
    const [options, handler] = typeof a === 'function' ? [{}, a] : [a, b as RouteHandler<P>];
    const base = {
      path,
      name: options.name ?? handler.name,
      paramNames: pathParamNames(path),
      contentTypes: options.contentTypes ?? ['application/json'],
      authorizer: options.authorizer,
      apiKeyRequired: options.apiKeyRequired ?? false,
      cors: options.cors,
      handler: handler as RouteEntry['handler'],
    };
    for (const method of options.methods ?? ['GET']) this.addRoute({ ...base, method });
  }

  /** Register a built-in TOKEN authorizer; pass the result as a route's `authorizer`. */
  authorizer(handler: AuthorizerHandler): BuiltinAuthorizer;
  authorizer(options: BuiltinAuthorizerOptions, handler: AuthorizerHandler): BuiltinAuthorizer;
  authorizer(a: BuiltinAuthorizerOptions | AuthorizerHandler, b?: AuthorizerHandler): BuiltinAuthorizer {
    const [options, handler] = typeof a === 'function' ? [{}, a] : [a, b as AuthorizerHandler];
    const authorizer = new BuiltinAuthorizer(functionName(handler, options), handler, options);
    this.addFunction({ kind: 'authorizer', name: authorizer.name, authorizer });
    return authorizer;
  }

  /** Run a handler on a schedule: `app.schedule(new Rate(5, Rate.MINUTES), handler)`. */
  schedule<H extends ScheduleHandler>(expression: ScheduleExpression, handler: H): H;
  schedule<H extends ScheduleHandler>(expression: ScheduleExpression, options: ScheduleOptions, handler: H): H;
  schedule<H extends ScheduleHandler>(expression: ScheduleExpression, a: ScheduleOptions | H, b?: H): H {
    const [options, handler] = typeof a === 'function' ? [{}, a] : [a, b as H];
    this.addFunction({ kind: 'schedule', name: functionName(handler, options), expression, handler });
    return handler;
  }

  /** A plain Lambda function that receives `(event, context)` unchanged. */
  lambdaFunction<H extends LambdaFunctionHandler>(handler: H): H;
  lambdaFunction<H extends LambdaFunctionHandler>(options: FunctionOptions, handler: H): H;
  lambdaFunction<H extends LambdaFunctionHandler>(a: FunctionOptions | H, b?: H): H {
    const [options, handler]: [FunctionOptions, H] = typeof a === 'function' ? [{}, a as H] : [a, b as H];
    this.addFunction({ kind: 'lambda', name: functionName(handler, options), handler });
    return handler;
  }

  protected abstract addRoute(entry: RouteEntry): void;
  protected abstract addFunction(entry: FunctionEntry): void;
}

export interface AppOptions {
  appName: string;
  debug?: boolean;
}

/** The application: `export const app = new App({ appName: 'helloworld' })`. */
export class App extends Registrar {
  readonly appName: string;
  readonly log: Logger;
  readonly api: ApiSettings = { binaryTypes: [...DEFAULT_BINARY_TYPES], cors: false };
  /** Routes by API Gateway resource path, then by HTTP method. */
  readonly routes = new Map<string, Map<string, RouteEntry>>();
  /** Every Lambda function other than the API handler, by name. */
  readonly functions = new Map<string, FunctionEntry>();
  /** The Request being handled; `undefined` outside a route handler. */
  currentRequest: Request | undefined;
  /** The Lambda context of the current invocation. */
  lambdaContext: LambdaContext | undefined;
  private _debug = false;

  constructor(options: AppOptions) {
    super();
    this.appName = options.appName;
    this.log = new Logger(options.appName);
    this.debug = options.debug ?? false;
  }

  /** With `debug`, 500 responses carry the stack trace and the log level is DEBUG. */
  get debug(): boolean {
    return this._debug;
  }
  set debug(value: boolean) {
    this._debug = value;
    this.log.setLevel(value ? 'DEBUG' : 'ERROR');
  }

  /** Add a blueprint's registrations, with Chalice's `urlPrefix` / `namePrefix` rules. */
  registerBlueprint(blueprint: Blueprint, options: { urlPrefix?: string; namePrefix?: string } = {}): void {
    blueprint.attach(this);
    for (const route of blueprint.pendingRoutes) {
      this.addRoute({ ...route, path: joinUrlPrefix(options.urlPrefix, route.path) });
    }
    for (const fn of blueprint.pendingFunctions) {
      // Authorizers keep their own name (Chalice); other functions get the prefix.
      this.addFunction(fn.kind === 'authorizer' || !options.namePrefix ? fn : { ...fn, name: options.namePrefix + fn.name });
    }
  }

  protected addRoute(entry: RouteEntry): void {
    let methods = this.routes.get(entry.path);
    if (!methods) this.routes.set(entry.path, (methods = new Map()));
    const existing = methods.get(entry.method);
    if (existing) {
      throw new Error(
        `Duplicate method: '${entry.method}' detected for route: '${entry.path}' between view functions: ` +
          `"${existing.name}" and "${entry.name}". A specific method may only be specified once for a particular path.`,
      );
    }
    methods.set(entry.method, entry);
  }

  protected addFunction(entry: FunctionEntry): void {
    if (this.functions.has(entry.name)) {
      throw new Error(`Duplicate function name detected: ${entry.name}. Names must be unique across all lambda functions in your app.`);
    }
    this.functions.set(entry.name, entry);
  }
}

/** A group of registrations an App adds with `app.registerBlueprint(bp, { urlPrefix })`. */
export class Blueprint extends Registrar {
  readonly pendingRoutes: RouteEntry[] = [];
  readonly pendingFunctions: FunctionEntry[] = [];
  private app: App | undefined;

  /** The App this blueprint was registered on. */
  attach(app: App): void {
    this.app = app;
  }

  get currentRequest(): Request | undefined {
    return this.app?.currentRequest;
  }
  get lambdaContext(): LambdaContext | undefined {
    return this.app?.lambdaContext;
  }
  get log(): Logger {
    if (!this.app) throw new Error('blueprint.log is available once the blueprint is registered on an App');
    return this.app.log;
  }

  protected addRoute(entry: RouteEntry): void {
    this.pendingRoutes.push(entry);
  }
  protected addFunction(entry: FunctionEntry): void {
    this.pendingFunctions.push(entry);
  }
}

function functionName(handler: Function & { [HANDLER_NAME]?: string }, options: FunctionOptions): string {
  const name = handler[HANDLER_NAME] ?? options.name ?? handler.name;
  if (!name) {
    throw new Error('cannot name this Lambda function: pass { name: "..." } or use a named function');
  }
  return name;
}
