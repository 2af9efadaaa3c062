import { methodOf, optionNames } from '../../runtime/registrations';
import type { AppModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { closestName } from '../config/did-you-mean';
import { quoteList } from './wording';
import { describeFunction } from './function-kinds';
import { optionLocation } from './part-locations';

/** Chalice rejects unexpected keyword arguments (`route() got unexpected keyword arguments`). */
export function validateUnknownOptions(model: AppModel): Diagnostic[] {
  const routes = model.routes.flatMap((route) =>
    route.unknownOptions.map((key) =>
      error('APPC315', `unknown route option '${key}'`, remedy(key, optionNames('route')), optionLocation(route, key)),
    ),
  );
  const functions = model.functions.flatMap((fn) =>
    fn.unknownOptions.map((key) =>
      error(
        'APPC316',
        `unknown ${describeFunction(fn.kind)} option '${key}'`,
        remedy(key, optionNames(methodOf(fn.kind))),
        optionLocation(fn, key),
      ),
    ),
  );
  return [...routes, ...functions];
}

function remedy(key: string, known: readonly string[]): string {
  const guess = closestName(key, known);
  const list = `known options: ${quoteList(known)}`;
  return guess ? `Did you mean '${guess}'? (${list})` : `Remove it; ${list}.`;
}
