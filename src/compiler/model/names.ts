import type { AppModel } from './app-model';
import { API_HANDLER } from '../../runtime/entry';
/**
 * CloudFormation logical ID of a function name, Chalice's `to_cfn_resource_name`
 * (as in `chalice package`): split on `-` then on `_`, drop empty parts, upper-case each
 * part's first character, join, and delete everything outside `[A-Za-z0-9]`.
 * `every_hour`, `every-hour` and `everyHour` all give `EveryHour`.
 */
export function toLogicalId(name: string): string {
  const capitalize = (separator: string, text: string) =>
    text
      .split(separator)
      .filter(Boolean)
      .map((part) => part[0].toUpperCase() + part.slice(1))
      .join('');
  return capitalize('_', capitalize('-', name)).replace(/[^A-Za-z0-9]/g, '');
}

/** The name of the function serving every route (the runtime's entry name), and its fixed logical ID. */
export { API_HANDLER as API_HANDLER_NAME } from '../../runtime/entry';
export const API_HANDLER_ID = 'APIHandler';

/**
 * The names of the functions the template will hold: `api_handler` when there are routes, then each named function,
 * once each.
 */
export function packagedFunctionNames(model: Pick<AppModel, 'routes' | 'functions'>): string[] {
  return [
    ...new Set([
      ...(model.routes.length > 0 ? [API_HANDLER] : []),
      ...model.functions.flatMap((fn) => (fn.name === null ? [] : [fn.name])),
    ]),
  ];
}

/** Logical IDs appc emits itself; a function whose ID equals one of these collides. */
export const RESERVED_LOGICAL_IDS: readonly string[] = [
  'APIHandler',
  'ApiHandler',
  'RestAPI',
  'APIHandlerInvokePermission',
  'DefaultRole',
  'ApiHandlerRole',
  ...['', 'Deployment', 'Stage'].map((suffix) => `WebsocketAPI${suffix}`),
  ...['Connect', 'Message', 'Disconnect'].flatMap((route) =>
    ['APIIntegration', 'InvokePermission', 'Route'].map((suffix) => `Websocket${route}${suffix}`),
  ),
];
