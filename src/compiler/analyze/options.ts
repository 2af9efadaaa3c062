import { ts } from './typescript';
import { error, withRelated, type Diagnostic } from '../diagnostics/diagnostic';
import type { AuthorizerUse, CallParts, CorsModel, SourceLocation } from '../model/app-model';
import { Cron, Rate } from '../../runtime/schedule';
import { RegistrationRef, StaticInstance, type Evaluator, type NotStatic } from './evaluate';
import { defined } from './defined';
import { locationOf } from './locations';
import { skipOuterExpressions } from './outer-expressions';

/** A statically evaluated options object, with the nodes of its properties for diagnostics. */
export class Options {
  constructor(
    readonly values: Record<string, unknown>,
    private readonly node: ts.Node,
    private readonly report: (d: Diagnostic) => void,
    private readonly projectDir: string,
  ) {}

  /** Keys not in `known`, for validation's "unknown option" rule. */
  unknown(known: readonly string[]): string[] {
    return Object.keys(this.values).filter((key) => !known.includes(key));
  }

  string(key: string): string | undefined {
    return this.typed(key, 'a string', (v): v is string => typeof v === 'string');
  }
  number(key: string): number | undefined {
    return this.typed(key, 'a number', (v): v is number => typeof v === 'number' && Number.isFinite(v));
  }
  boolean(key: string): boolean | undefined {
    return this.typed(key, 'true or false', (v): v is boolean => typeof v === 'boolean');
  }
  strings(key: string): string[] | undefined {
    const value = this.values[key];
    if (value === undefined || (Array.isArray(value) && value.every((s) => typeof s === 'string')))
      return value as string[] | undefined;
    const bad = Array.isArray(value) ? value.findIndex((s) => typeof s !== 'string') : -1;
    return this.wrongType(key, 'an array of strings', bad === -1 ? undefined : bad);
  }
  raw(key: string): unknown {
    return this.values[key];
  }

  /** Reports a wrong type at the property's value, or at its element `index` when that is the one of the wrong type. */
  wrongType(key: string, expected: string, index?: number): undefined {
    const node = this.propertyNode(key);
    const element = index === undefined ? undefined : elementNode(node, index);
    this.report(
      error(
        'APPC213',
        `option '${key}' must be ${expected}`,
        `Give '${key}' ${expected} known at compile time.`,
        locationOf(element ?? node, this.projectDir),
      ),
    );
    return undefined;
  }

  /** Reports a required option that is missing (at the options object). */
  missing(key: string): undefined {
    const where = locationOf(this.propertyNode(key), this.projectDir);
    this.report(error('APPC213', `option '${key}' is required`, `Add ${key}: ... to the options.`, where));
    return undefined;
  }

  private typed<T>(key: string, expected: string, check: (value: unknown) => value is T): T | undefined {
    const value = this.values[key];
    if (value === undefined) return undefined;
    return check(value) ? value : this.wrongType(key, expected);
  }

  /** The value written for `key`: the property's initializer, a shorthand property, else the options node. */
  propertyNode(key: string): ts.Node {
    const property = this.property(key);
    if (!property) return this.node;
    return ts.isPropertyAssignment(property) ? property.initializer : property;
  }

  /** Where each option given is written, for the model's `CallParts`. */
  locations(): Pick<CallParts, 'options' | 'elements'> {
    const options: Record<string, SourceLocation> = {};
    const elements: Record<string, SourceLocation[]> = {};
    for (const key of Object.keys(this.values)) {
      const property = this.property(key);
      options[key] = locationOf(property ?? this.node, this.projectDir);
      const value = property && ts.isPropertyAssignment(property) && skipOuterExpressions(property.initializer);
      if (value && ts.isArrayLiteralExpression(value) && !value.elements.some(ts.isSpreadElement))
        elements[key] = value.elements.map((element) => locationOf(element, this.projectDir));
    }
    return { options, elements };
  }

  /** The property that writes `key` in an object literal (the last one, as it wins); undefined when not written. */
  private property(key: string): ts.ObjectLiteralElementLike | undefined {
    if (!ts.isObjectLiteralExpression(this.node)) return undefined;
    const properties = this.node.properties;
    for (let i = properties.length - 1; i >= 0; i--) {
      const p = properties[i];
      if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key) return p;
    }
    return undefined;
  }
}

/** Element `index` of an array literal without spreads (which shift the indexes); undefined otherwise. */
function elementNode(node: ts.Node, index: number): ts.Expression | undefined {
  const array = ts.isExpression(node) ? skipOuterExpressions(node) : node;
  if (!ts.isArrayLiteralExpression(array) || array.elements.some(ts.isSpreadElement)) return undefined;
  return array.elements[index];
}

/** Evaluates an options argument; reports and returns undefined when it is not static. */
export function evaluateOptions(
  node: ts.Expression,
  evaluator: Evaluator,
  report: (d: Diagnostic) => void,
  projectDir: string,
): Options | undefined {
  const result = evaluator.evaluate(node);
  if (!result.ok) {
    report(notStatic(result, projectDir));
    return undefined;
  }
  if (
    result.value === null ||
    typeof result.value !== 'object' ||
    Array.isArray(result.value) ||
    result.value instanceof StaticInstance
  ) {
    report(
      error(
        'APPC213',
        'options must be an object literal',
        'Pass an object literal such as { name: "x" }.',
        locationOf(node, projectDir),
      ),
    );
    return undefined;
  }
  return new Options(result.value as Record<string, unknown>, skipOuterExpressions(node), report, projectDir);
}

export function notStatic(failure: NotStatic, projectDir: string): Diagnostic {
  return notKnown(
    failure,
    'APPC206',
    'argument must be known at compile time',
    'Use literals, consts (also imported), enum members, template literals of these, or new CORSConfig/Rate/Cron/authorizer classes.',
    projectDir,
  );
}

/** A diagnostic for a value the evaluator could not read: at the blamed node, the explaining places related. */
export function notKnown(
  failure: NotStatic,
  code: Diagnostic['code'],
  what: string,
  remedy: string,
  projectDir: string,
): Diagnostic {
  const related = (failure.related ?? []).map(({ node, message }) => ({
    message,
    location: locationOf(node, projectDir),
  }));
  return withRelated(
    error(code, `${what}: ${failure.reason}`, failure.remedy ?? remedy, locationOf(failure.node, projectDir)),
    related,
  );
}

/** `cors: true | false | new CORSConfig({...})` as model data. */
export function corsModel(value: unknown): CorsModel | false | undefined {
  if (value === true) return { allowOrigin: '*', allowHeaders: [] };
  if (value === false) return false;
  if (value instanceof StaticInstance && value.className === 'CORSConfig') {
    const o = (value.args[0] ?? {}) as Record<string, unknown>;
    const optional = {
      exposeHeaders: o.exposeHeaders as string[] | undefined,
      maxAge: o.maxAge as number | undefined,
      allowCredentials: o.allowCredentials as boolean | undefined,
    };
    return {
      allowOrigin: (o.allowOrigin as string) ?? '*',
      allowHeaders: (o.allowHeaders as string[]) ?? [],
      ...defined(optional),
    };
  }
  return undefined;
}

/** The options object of `new CognitoUserPoolAuthorizer(name, options)` or `new CustomAuthorizer(name, options)`. */
interface AuthorizerOptions {
  providerArns?: string[];
  header?: string;
  scopes?: readonly string[];
  authorizerUri?: string;
  ttlSeconds?: number;
  invokeRoleArn?: string;
}

/** An authorizer object other than a built-in one (which is a RegistrationRef). */
export function authorizerUse(value: StaticInstance): AuthorizerUse | undefined {
  const [name, options = {}] = value.args as [string, AuthorizerOptions?];
  switch (value.className) {
    case 'IAMAuthorizer':
      return { kind: 'iam' };
    case 'CognitoUserPoolAuthorizer':
      return {
        kind: 'cognito',
        name,
        providerArns: options.providerArns ?? [],
        header: options.header ?? 'Authorization',
        scopes: [...(value.scopes ?? options.scopes ?? [])],
      };
    case 'CustomAuthorizer': {
      return {
        kind: 'custom',
        name,
        // Required by CustomAuthorizer's constructor (src/runtime/authorizers.ts).
        authorizerUri: options.authorizerUri as string,
        ttlSeconds: options.ttlSeconds ?? 300,
        header: options.header ?? 'Authorization',
        scopes: [...(value.scopes ?? options.scopes ?? [])],
        ...defined({ invokeRoleArn: options.invokeRoleArn }),
      };
    }
    default:
      return undefined;
  }
}

/** `'rate(1 hour)'`, `new Rate(5, Rate.MINUTES)`, `new Cron(...)` -> the expression string. */
export function scheduleExpression(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof StaticInstance && value.className === 'Rate')
    return new Rate(...(value.args as ConstructorParameters<typeof Rate>)).toString();
  if (value instanceof StaticInstance && value.className === 'Cron')
    return new Cron(...(value.args as ConstructorParameters<typeof Cron>)).toString();
  return undefined;
}

export function isAuthorizerValue(value: unknown): value is StaticInstance | RegistrationRef {
  return (
    value instanceof RegistrationRef || (value instanceof StaticInstance && value.className.endsWith('Authorizer'))
  );
}
