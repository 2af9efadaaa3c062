import { ts } from './typescript';
import { optionNames, REGISTRATIONS, type RegistrationSpec } from '../../runtime/registrations';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { FunctionModel, HandlerModel, MiddlewareModel, RouteModel } from '../model/app-model';
import { arity, callShape, optionsIndex } from './call-shape';
import { defined } from './defined';
import { RegistrationRef, StaticInstance, type Evaluator } from './evaluate';
import { functionModel } from './function-model';
import { describeHandler } from './handler';
import { locationOf } from './locations';
import { convertedMiddleware, middlewareKind } from './middleware-model';
import {
  authorizerUse,
  corsModel,
  evaluateOptions,
  isAuthorizerValue,
  notKnown,
  notStatic,
  Options,
  scheduleExpression,
} from './options';
import type { FunctionMethod, Registration } from './registration';
import { readOptions } from './registration-options';

const AUTHORIZER_VALUE =
  'an authorizer (new IAMAuthorizer(), a Cognito/Custom authorizer, or the result of app.authorizer)';

/** A route whose built-in authorizer is still a reference to the registration that made it. */
export interface PendingRoute {
  route: RouteModel;
  authorizerRef?: RegistrationRef;
}

/** Turns registration calls into model entries (paths and names before blueprint prefixes). */
export class Interpreter {
  constructor(
    private readonly evaluator: Evaluator,
    private readonly checker: ts.TypeChecker,
    private readonly projectDir: string,
    private readonly report: (d: Diagnostic) => void,
  ) {}

  route(reg: Registration<'route'>): PendingRoute | undefined {
    const args = this.arity(reg);
    if (!args) return undefined;
    const path = this.staticString(args[0], 'route path');
    const options = this.optionsArgument(reg, args);
    const handler = this.handler(args[args.length - 1], reg);
    if (path === undefined || !options || !handler) return undefined;
    const rawAuthorizer = options.raw('authorizer');
    if (rawAuthorizer !== undefined && !isAuthorizerValue(rawAuthorizer)) {
      options.wrongType('authorizer', AUTHORIZER_VALUE);
    }
    const cors = options.raw('cors') === undefined ? null : corsModel(options.raw('cors'));
    if (cors === undefined) options.wrongType('cors', 'true, false or new CORSConfig({...})');
    const { methods, name, contentTypes, apiKeyRequired } = readOptions(reg.method, options);
    const route: RouteModel = {
      path,
      methods,
      name: name ?? handler.ownName,
      contentTypes,
      apiKeyRequired,
      cors: cors ?? null,
      authorizer: rawAuthorizer instanceof StaticInstance ? (authorizerUse(rawAuthorizer) ?? null) : null,
      handler,
      location: locationOf(reg.call, this.projectDir),
      parts: { argument: locationOf(args[0], this.projectDir), ...options.locations() },
      unknownOptions: options.unknown(optionNames(reg.method)),
    };
    return { route, authorizerRef: rawAuthorizer instanceof RegistrationRef ? rawAuthorizer : undefined };
  }

  /** A function registration; the schedule's expression is read before its options, as it comes first. */
  function(reg: Registration<FunctionMethod>): FunctionModel | undefined {
    const args = this.arity(reg);
    if (!args) return undefined;
    const expression = reg.method === 'schedule' ? this.schedule(args[0]) : '';
    if (expression === undefined) return undefined;
    const options = this.optionsArgument(reg, args);
    const handler = this.handler(args[args.length - 1], reg);
    if (!options || !handler) return undefined;
    const location = locationOf(reg.call, this.projectDir);
    const argument = reg.method === 'schedule' ? locationOf(args[0], this.projectDir) : undefined;
    const parts = { ...defined({ argument }), ...options.locations() };
    const unknownOptions = options.unknown(optionNames(reg.method));
    // docs/api.md "Names": options.name, the handler's own name, the const it is assigned to.
    const spec: RegistrationSpec = REGISTRATIONS[reg.method];
    const constName = spec.names === 'function' ? reg.constName : null;
    const base = (given: string | undefined) => {
      // A fixed name is the runtime's own: the handler needs no mark.
      if (spec.functionName !== undefined)
        return { name: spec.functionName, localName: null, handler, location, parts, unknownOptions };
      const name = given ?? handler.ownName ?? constName;
      return { name, localName: name, handler, location, parts, unknownOptions };
    };
    return functionModel(reg.method, options, base, expression);
  }

  /** `app.middleware(kind, handler)`: a kind Chalice knows, and a function or a `ConvertToMiddleware(...)` call. */
  middleware(reg: Registration<'middleware'>): MiddlewareModel | undefined {
    const args = this.arity(reg);
    if (!args) return undefined;
    const kind = middlewareKind(args[0], this.evaluator, this.projectDir);
    if (typeof kind !== 'string') this.report(kind);
    const node = args[1];
    const handler =
      convertedMiddleware(node, reg.statement, this.checker, this.projectDir) ??
      this.handler(
        node,
        reg,
        'Pass the middleware function itself, or ConvertToMiddleware(wrapper) for a Lambda wrapper.',
      );
    if (typeof kind !== 'string' || !handler) return undefined;
    return { kind, handler, location: locationOf(reg.call, this.projectDir) };
  }

  private schedule(node: ts.Expression): string | undefined {
    const evaluated = this.evaluator.evaluate(node);
    if (!evaluated.ok) return void this.report(notStatic(evaluated, this.projectDir));
    const expression = scheduleExpression(evaluated.value);
    if (expression !== undefined) return expression;
    this.report(
      error(
        'APPC213',
        'a schedule must be a string, new Rate(...) or new Cron(...)',
        "Write 'rate(1 hour)', new Rate(5, Rate.MINUTES) or new Cron(...).",
        locationOf(node, this.projectDir),
      ),
    );
    return undefined;
  }

  blueprintOptions(reg: Registration<'registerBlueprint'>): { urlPrefix?: string; namePrefix?: string } | undefined {
    const args = this.arity(reg);
    const options = args && this.optionsArgument(reg, args);
    return options && defined(readOptions(reg.method, options));
  }

  /** The arguments, when their number fits the registration's call shape (src/runtime/registrations.ts). */
  private arity(reg: Registration): readonly ts.Expression[] | undefined {
    const args = reg.call.arguments;
    const { min, max } = arity(reg.method);
    if (args.length >= min && args.length <= max && !args.some(ts.isSpreadElement)) return args;
    const count = min === max ? min : `${min} or ${max}`;
    this.report(
      error(
        'APPC208',
        `${reg.call.expression.getText()}() takes ${count} arguments, got ${args.length}`,
        `Call it as ${callShape(reg.method)}.`,
        locationOf(reg.call, this.projectDir),
      ),
    );
    return undefined;
  }

  /** The options argument, or empty options when the call leaves them out. */
  private optionsArgument(reg: Registration, args: readonly ts.Expression[]): Options | undefined {
    const index = optionsIndex(reg.method, args.length);
    if (index === undefined) return new Options({}, reg.call, this.report, this.projectDir);
    return evaluateOptions(args[index], this.evaluator, this.report, this.projectDir);
  }

  private staticString(node: ts.Expression, what: string): string | undefined {
    const result = this.evaluator.evaluate(node);
    if (!result.ok)
      return void this.report(
        notKnown(
          result,
          'APPC203',
          `${what} must be a string known at compile time`,
          'Use a string literal, a const, or a template literal of consts.',
          this.projectDir,
        ),
      );
    if (typeof result.value !== 'string')
      return void this.report(
        error(
          'APPC203',
          `${what} must be a string`,
          'Use a string literal, a const, or a template literal of consts.',
          locationOf(node, this.projectDir),
        ),
      );
    return result.value;
  }

  private handler(
    node: ts.Expression,
    reg: Registration,
    remedy = 'Pass the handler function itself, not the result of a call.',
  ): HandlerModel | undefined {
    const handler = describeHandler(node, reg.statement, this.checker, this.projectDir);
    if (!handler)
      this.report(
        error(
          'APPC207',
          'the handler must be a function: an arrow function, a function expression, or the name of a function declared in the app',
          remedy,
          locationOf(node, this.projectDir),
        ),
      );
    return handler;
  }
}
