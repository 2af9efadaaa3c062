import type { FunctionModel } from '../model/app-model';
import type { ResolvedConfig } from '../config/resolved-config';
import { functionConfig } from '../config/resolve-config';
import { RESERVED_LOGICAL_IDS, toLogicalId } from '../model/names';
import { isWebsocket } from '../model/template-functions';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { derivedIdSuffixes, describeFunction } from './function-kinds';
import { nameLocation } from './part-locations';

type Named = FunctionModel & { name: string };

/** Who holds a logical ID: a function's own ID, one derived from it, or appc's fixed resources. */
interface Claim {
  fn?: Named;
  primary: boolean;
  label: string;
}

/**
 * Names per docs/api.md "Names": derivable, unique (Chalice's "Duplicate function name"),
 * and giving distinct logical IDs (Chalice's DuplicateResourceNameError, raised at package time).
 */
export function validateFunctionNames(functions: readonly FunctionModel[], config: ResolvedConfig): Diagnostic[] {
  const named = functions.filter((fn): fn is Named => fn.name !== null);
  const unique = named.filter((fn, index) => named.findIndex((other) => other.name === fn.name) === index);
  const withId = unique.filter((fn) => toLogicalId(fn.name) !== '');
  return [
    ...functions.filter((fn) => fn.name === null).map(unnamed),
    ...named.filter((fn) => !unique.includes(fn)).map((fn) => duplicate(fn, unique)),
    ...unique.filter((fn) => !withId.includes(fn)).map(emptyId),
    ...logicalIdCollisions(withId, config),
  ];
}

function unnamed(fn: FunctionModel): Diagnostic {
  return error(
    'APPC317',
    `cannot derive a name for this ${describeFunction(fn.kind)}`,
    "Pass { name: '...' } in its options, pass a named function (function worker() {...}), or assign the registration to a const.",
    fn.location,
  );
}

function duplicate(fn: Named, unique: Named[]): Diagnostic {
  const first = unique.find((other) => other.name === fn.name) as Named;
  if (first.kind === fn.kind && isWebsocket(fn)) {
    // Chalice: "Duplicate websocket handler: 'on_ws_message'. There can only be one handler for each websocket
    // decorator."
    return error(
      'APPC318',
      `duplicate websocket handler: the app already has one for this route, named '${fn.name}'`,
      `Keep one; the other is at ${first.location.file}:${first.location.line}.`,
      fn.location,
    );
  }
  return error(
    'APPC318',
    `duplicate function name '${fn.name}': names must be unique across all Lambda functions of the app`,
    `Rename this one or the one at ${first.location.file}:${first.location.line} (options.name).`,
    nameLocation(fn),
  );
}

function emptyId(fn: Named): Diagnostic {
  return error(
    'APPC321',
    `function name '${fn.name}' gives an empty CloudFormation logical ID`,
    'Use a name with at least one letter or digit.',
    nameLocation(fn),
  );
}

function logicalIdCollisions(functions: Named[], config: ResolvedConfig): Diagnostic[] {
  const claims = new Map<string, Claim>(
    RESERVED_LOGICAL_IDS.map((id) => [id, { primary: false, label: "appc's own resources" }]),
  );
  const problems: Diagnostic[] = [];
  const claim = (id: string, next: Claim) => {
    const prior = claims.get(id);
    if (prior) problems.push(collision(id, prior, next));
    else claims.set(id, next);
  };
  for (const fn of functions) claim(toLogicalId(fn.name), { fn, primary: true, label: `function name '${fn.name}'` });
  for (const fn of functions) {
    for (const [suffix, what] of derivedIds(fn, config)) {
      claim(toLogicalId(fn.name) + suffix, { fn, primary: false, label: `the ${what} of '${fn.name}'` });
    }
  }
  return problems;
}

function collision(id: string, prior: Claim, next: Claim): Diagnostic {
  if (prior.primary && next.primary) {
    return error(
      'APPC319',
      `function names '${prior.fn?.name}' and '${next.fn?.name}' both give the logical ID '${id}'`,
      `Rename one of them (the other is at ${where(prior)}); a logical ID is the name in PascalCase.`,
      next.fn && nameLocation(next.fn),
    );
  }
  const [culprit, other] = prior.primary ? [prior, next] : [next, prior];
  return error(
    'APPC320',
    `${culprit.label} gives the logical ID '${id}', which appc also uses for ${other.label}`,
    'Rename the function so that its PascalCase form differs.',
    culprit.fn && nameLocation(culprit.fn),
  );
}

function where(claim: Claim): string {
  return claim.fn ? `${claim.fn.location.file}:${claim.fn.location.line}` : 'appc';
}

/**
 * Event keys always; a role per function without autogen policy, a log group with retention (as in `chalice package`).
 */
function derivedIds(fn: Named, config: ResolvedConfig): Array<[string, string]> {
  const settings = functionConfig(config, fn.name);
  const ids = derivedIdSuffixes(fn.kind);
  if (settings.manageIamRole && !settings.autogenPolicy) ids.push(['Role', 'IAM role']);
  if (settings.logRetentionInDays !== undefined) ids.push(['LogGroup', 'log group']);
  return ids;
}
