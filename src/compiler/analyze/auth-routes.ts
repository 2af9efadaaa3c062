import { ts } from './typescript';
import { warning, type Diagnostic } from '../diagnostics/diagnostic';
import { locationOf } from './locations';
import { skipOuterExpressions } from './outer-expressions';
import type { RuntimeSymbols } from './runtime-symbols';

/** `{id}`, `{proxy+}`: a parameter of a path template. */
const PATH_PARAMETER = /\{[^{}]*\}/;

/**
 * The warning APPC225 at each route written as a path template (`'/todos/{id}'`) in `new AuthResponse({ routes })`
 * or `new AuthRoute(path, methods)`. API Gateway gives an authorizer the ARN of the request as the client made it
 * (`.../GET/todos/42`:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-input.html) and
 * matches the resources of the policy it returns against that ARN, with `*` as the only wildcard
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-control-access-using-iam-policies-to-invoke-api.html),
 * so a route written as the template `/todos/{id}` never matches a request.
 */
export function findTemplateAuthRoutes(
  /** The app's `new` expressions in module and source order, as collect.ts lists them in its walk of every module. */
  newExpressions: readonly ts.NewExpression[],
  runtime: RuntimeSymbols,
  projectDir: string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const node of newExpressions)
    found.push(...routeLiterals(node, runtime).flatMap((l) => template(l, projectDir)));
  return found.sort((a, b) => a.location!.file.localeCompare(b.location!.file) || a.location!.line - b.location!.line);
}

/**
 * The route argument of `new AuthRoute(path, ...)`, and the elements of the array literals in the `routes` of
 * `new AuthResponse({ routes })` (`routes: ok ? ['/todos/*'] : []` included).
 */
function routeLiterals(node: ts.NewExpression, runtime: RuntimeSymbols): ts.Expression[] {
  const [first] = node.arguments ?? [];
  if (!first) return [];
  const className = runtime.classOf(node.expression);
  if (className === 'AuthRoute') return [first];
  if (className !== 'AuthResponse') return [];
  const init = skipOuterExpressions(first);
  if (!ts.isObjectLiteralExpression(init)) return [];
  const routes = init.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'routes',
  );
  return routes ? arrayElements(routes.initializer) : [];
}

/** The elements of every array literal in `expression`. */
function arrayElements(expression: ts.Expression): ts.Expression[] {
  const elements: ts.Expression[] = [];
  const pending: ts.Node[] = [expression];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (ts.isArrayLiteralExpression(node)) elements.push(...node.elements);
    ts.forEachChild(node, (child) => void pending.push(child));
  }
  return elements;
}

function template(node: ts.Expression, projectDir: string): Diagnostic[] {
  const literal = skipOuterExpressions(node);
  if (!ts.isStringLiteral(literal) && !ts.isNoSubstitutionTemplateLiteral(literal)) return [];
  const path = literal.text;
  if (!PATH_PARAMETER.test(path)) return [];
  const fixed = path.replace(new RegExp(PATH_PARAMETER, 'g'), '*');
  return [
    warning(
      'APPC225',
      `authorizer route '${path}' is a path template: API Gateway matches the request's real path (e.g. '${example(path)}') against it, so it never matches`,
      `Write the path as clients request it, with * for a parameter: '${fixed}' (* also matches '/').`,
      locationOf(literal, projectDir),
    ),
  ];
}

/** `/todos/{id}` -> `/todos/42`, the kind of path a request has. */
function example(path: string): string {
  return path.replace(new RegExp(PATH_PARAMETER, 'g'), '42');
}
