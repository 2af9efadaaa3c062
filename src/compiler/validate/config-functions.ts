import type { FunctionModel } from '../model/app-model';
import type { ResolvedConfig } from '../config/resolved-config';
import { API_HANDLER_NAME } from '../model/names';
import { warning, type Diagnostic } from '../diagnostics/diagnostic';
import { closestName } from '../config/did-you-mean';
import { quoteList } from './wording';

/** A `lambda_functions` entry that names no function is ignored; likely a typo or a renamed function. */
export function validateConfiguredFunctions(functions: readonly FunctionModel[], config: ResolvedConfig): Diagnostic[] {
  const names = functions.flatMap((fn) => (fn.name === null ? [] : [fn.name]));
  return Object.keys(config.functions)
    .filter((name) => name !== API_HANDLER_NAME && !names.includes(name))
    .map((name) =>
      warning(
        'APPC331',
        `.appc/config.json configures lambda_functions '${name}', which is not a function of this app; its settings are ignored`,
        remedy(name, names),
      ),
    );
}

function remedy(name: string, names: string[]): string {
  const guess = closestName(name, [...names, API_HANDLER_NAME]);
  if (guess) return `Did you mean '${guess}'?`;
  return names.length > 0
    ? `Use one of ${quoteList([API_HANDLER_NAME, ...names])}, or remove the entry.`
    : 'Remove the entry.';
}
