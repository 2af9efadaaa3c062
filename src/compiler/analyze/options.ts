import { ts } from './typescript';
import { error, withRelated, type Diagnostic } from '../diagnostics/diagnostic';
import type { AuthorizerUse, CorsModel } from '../model/app-model';
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
    return this.typed(
      key,
      'an array of strings',
      (v): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string'),
    );
  }
  raw(key: string): unknown {
    return this.values[key];
  }

  /** Reports a wrong type at the property's node. */
  wrongType(key: string, expected: string): undefined {
    this.report(
      error(
        'APPC213',
        `option '${key}' must be ${expected}`,
        `Give '${key}' ${expected} known at compile time.`,
        locationOf(this.propertyNode(key), this.projectDir),
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

  propertyNode(key: string): ts.Node {
    if (ts.isObjectLiteralExpression(this.node)) {
      const property = this.node.properties.find(
        (p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === key,
      );
      if (property) return ts.isPropertyAssignment(property) ? property.initializer : property;
    }
    return this.node;
  }
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
