import { binaryTypesSetting } from './binary';
import type { Blueprint } from './blueprint';
import type { CorsSetting } from './cors';
import type { LambdaContext } from './events';
import { isWebsocket, type FunctionEntry } from './functions';
import { Logger } from './log';
import type { MiddlewareEntry } from './middleware';
import { Registrar } from './registrar';
import type { Request } from './request';
import { joinUrlPrefix, type RouteEntry } from './routes';
import { WebsocketApi } from './websocket-api';

export interface AppOptions {
  appName: string;
  debug?: boolean;
}

export interface ApiSettings {
  /** Content types API Gateway treats as binary; Chalice's 16 defaults. */
  binaryTypes: string[];
  /** CORS for routes that leave `cors` unset. */
  cors: CorsSetting;
}

export interface BlueprintOptions {
  /** Prepended to every route path of the blueprint (Chalice's rule, see `joinUrlPrefix`). */
  urlPrefix?: string;
  /** Prepended to the name of every Lambda function of the blueprint. */
  namePrefix?: string;
}

/** The application: `export const app = new App({ appName: 'helloworld' })`. */
export class App extends Registrar {
  readonly appName: string;
  readonly log: Logger;
  readonly api: ApiSettings = Object.assign(binaryTypesSetting(), { cors: false as CorsSetting });
  /** Routes by API Gateway resource path, then by HTTP method. */
  readonly routes = new Map<string, Map<string, RouteEntry>>();
  /** Every Lambda function other than the API handler, by name. */
  readonly functions = new Map<string, FunctionEntry>();
  /** Every middleware, in registration order (a blueprint's where the App registers the blueprint). */
  readonly registeredMiddleware: MiddlewareEntry[] = [];
  /** The Request being handled; `undefined` outside a route handler. */
  currentRequest: Request | undefined;
  /** The Lambda context of the current invocation; `undefined` outside one. */
  lambdaContext: LambdaContext | undefined;
  /** Sends to and closes the connections of the app's websocket API. */
  readonly websocketApi = new WebsocketApi();
  private _debug = false;

  constructor(options: AppOptions) {
    super();
    this.appName = options.appName;
    this.log = new Logger(options.appName);
    this.debug = options.debug ?? false;
  }

  /** With `debug`, 500 responses carry the stack trace and the log level is DEBUG (else ERROR). */
  get debug(): boolean {
    return this._debug;
  }
  set debug(value: boolean) {
    this._debug = value;
    this.log.setLevel(value ? 'DEBUG' : 'ERROR');
  }

  /**
   * Add a blueprint's registrations: `app.registerBlueprint(bp, { urlPrefix: '/v1', namePrefix: 'v1_' })`.
   * As in Chalice, `namePrefix` applies to every function except authorizers, which keep their own name
   * (as in `chalice package`; the compiler's model and the swagger name them so).
   */
  registerBlueprint(blueprint: Blueprint, options: BlueprintOptions = {}): void {
    blueprint.attach(this);
    for (const route of blueprint.pendingRoutes) {
      this.addRoute({ ...route, path: joinUrlPrefix(options.urlPrefix, route.path) });
    }
    for (const fn of blueprint.pendingFunctions) {
      // Chalice names websocket functions itself, whatever the prefix (src/runtime/registrations.ts `namePrefix`).
      const prefixed = options.namePrefix && fn.kind !== 'authorizer' && !isWebsocket(fn);
      this.addFunction(prefixed ? { ...fn, name: options.namePrefix + fn.name } : fn);
    }
    // As in Chalice, a blueprint's middleware joins the App's, around every handler of its kind.
    for (const entry of blueprint.pendingMiddleware) this.addMiddleware(entry);
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

  protected addMiddleware(entry: MiddlewareEntry): void {
    this.registeredMiddleware.push(entry);
  }

  protected addFunction(entry: FunctionEntry): void {
    const existing = this.functions.get(entry.name);
    if (existing && isWebsocket(existing)) {
      throw new Error(
        `Duplicate websocket handler: '${existing.name}'. There can only be one handler for each websocket registration.`,
      );
    }
    if (existing) {
      throw new Error(
        `Duplicate function name detected: ${entry.name}. Names must be unique across all lambda functions in your app.`,
      );
    }
    this.functions.set(entry.name, entry);
  }
}
