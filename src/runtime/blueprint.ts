import type { App } from './app';
import type { LambdaContext } from './events';
import type { FunctionEntry } from './functions';
import type { Logger } from './log';
import type { MiddlewareEntry } from './middleware';
import { Registrar } from './registrar';
import type { Request } from './request';
import type { RouteEntry } from './routes';
import type { WebsocketApi } from './websocket-api';

/**
 * A group of registrations in another module: `export const bp = new Blueprint()`, then
 * `app.registerBlueprint(bp, { urlPrefix: '/users' })` in `app.ts`.
 */
export class Blueprint extends Registrar {
  /** Routes as registered, before the App applies `urlPrefix`. */
  readonly pendingRoutes: RouteEntry[] = [];
  /** Functions as registered, before the App applies `namePrefix`. */
  readonly pendingFunctions: FunctionEntry[] = [];
  /** Middleware as registered; the App adds it where it registers the blueprint. */
  readonly pendingMiddleware: MiddlewareEntry[] = [];
  private app: App | undefined;

  /** Called by `app.registerBlueprint`: the App this blueprint now belongs to. */
  attach(app: App): void {
    this.app = app;
  }

  /** The App's current request (`undefined` outside a handler or before registration). */
  get currentRequest(): Request | undefined {
    return this.app?.currentRequest;
  }
  /** The App's current Lambda context. */
  get lambdaContext(): LambdaContext | undefined {
    return this.app?.lambdaContext;
  }
  /** The App's logger; available once the blueprint is registered. */
  get log(): Logger {
    if (!this.app) throw new Error('blueprint.log is available once the blueprint is registered on an App');
    return this.app.log;
  }

  /** The App's websocket API; available once the blueprint is registered on an App. */
  get websocketApi(): WebsocketApi {
    if (!this.app) throw new Error('blueprint.websocketApi is available once the blueprint is registered on an App');
    return this.app.websocketApi;
  }

  protected addRoute(entry: RouteEntry): void {
    this.pendingRoutes.push(entry);
  }
  protected addFunction(entry: FunctionEntry): void {
    this.pendingFunctions.push(entry);
  }
  protected addMiddleware(entry: MiddlewareEntry): void {
    this.pendingMiddleware.push(entry);
  }
}
