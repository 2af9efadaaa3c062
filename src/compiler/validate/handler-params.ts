import type { RouteModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { pathParamNames } from '../../runtime/routes';
import { closestName } from '../config/did-you-mean';
import { quoteList } from './wording';

/** A handler destructuring `{ cty }` from `/cities/{city}` gets `undefined` at run time (Chalice never checks). */
export function validateHandlerParams(routes: readonly RouteModel[]): Diagnostic[] {
  return routes.flatMap((route) => {
    const captured = pathParamNames(route.path);
    const unknown = (route.handler.paramNames ?? []).filter((name) => !captured.includes(name));
    return unknown.map((name) =>
      error(
        'APPC309',
        `handler destructures '${name}', which the path '${route.path}' does not capture`,
        remedy(name, captured),
        route.handler.location,
      ),
    );
  });
}

function remedy(name: string, captured: string[]): string {
  const guess = closestName(name, captured);
  if (guess) return `Did you mean '${guess}'? Otherwise add {${name}} to the path.`;
  if (captured.length === 0) return `The path captures nothing: add {${name}} to it or stop destructuring '${name}'.`;
  return `The path captures ${quoteList(captured)}: use one of those or add {${name}} to the path.`;
}
