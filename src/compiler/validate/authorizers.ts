import type { AppModel, RouteModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { closestName } from '../config/did-you-mean';
import { optionLocation } from './part-locations';
import { quoteList } from './wording';

/** A route's authorizer must exist: built-in ones as an `app.authorizer(...)`, Cognito ones with pool ARNs. */
export function validateAuthorizers(model: AppModel): Diagnostic[] {
  const builtins = model.functions
    .filter((fn) => fn.kind === 'authorizer' && fn.name !== null)
    .map((fn) => fn.name as string);
  return model.routes.flatMap((route) => {
    const auth = route.authorizer;
    if (auth?.kind === 'builtin' && !builtins.includes(auth.name))
      return [unknownAuthorizer(route, auth.name, builtins)];
    if (auth?.kind === 'cognito' && auth.providerArns.length === 0) return [noProviders(route, auth.name)];
    return [];
  });
}

function unknownAuthorizer(route: RouteModel, name: string, builtins: string[]): Diagnostic {
  const guess = closestName(name, builtins);
  const remedy = guess
    ? `Did you mean '${guess}'? Use the value app.authorizer(...) returns.`
    : builtins.length > 0
      ? `Use the value app.authorizer(...) returns; the app defines ${quoteList(builtins)}.`
      : 'Define it with app.authorizer(...) in a module of the app and use the value it returns.';
  return error(
    'APPC322',
    `route '${route.path}' uses authorizer '${name}', which is not an authorizer of this app`,
    remedy,
    optionLocation(route, 'authorizer'),
  );
}

function noProviders(route: RouteModel, name: string): Diagnostic {
  return error(
    'APPC323',
    `Cognito authorizer '${name}' of route '${route.path}' has no providerArns`,
    "Pass the user pool ARNs: new CognitoUserPoolAuthorizer(name, { providerArns: ['arn:aws:cognito-idp:...'] }).",
    optionLocation(route, 'authorizer'),
  );
}
