import { ts } from 'ts-morph';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { FunctionModel, HandlerModel, RouteModel } from '../model/app-model';
import { RegistrationRef, StaticInstance, type Evaluator } from './evaluate';
import type { Registration } from './collect';
import { describeHandler } from './handler';
import { locationOf } from './locations';
import { authorizerUse, corsModel, evaluateOptions, isAuthorizerValue, notKnown, notStatic, Options, scheduleExpression } from './options';

const ROUTE_OPTIONS = ['methods', 'name', 'authorizer', 'contentTypes', 'apiKeyRequired', 'cors'];

/** A route whose built-in authorizer is still a reference to the registration that made it. */
export interface PendingRoute {
  route: RouteModel;
  authorizerRef?: RegistrationRef;
}

export interface Interpreted {
  routes: PendingRoute[];
  functions: FunctionModel[];
}

/** Turns registration calls into model entries (paths and names before blueprint prefixes). */
export class Interpreter {
  constructor(
    private readonly evaluator: Evaluator,
    private readonly checker: ts.TypeChecker,
    private readonly projectDir: string,
    private readonly report: (d: Diagnostic) => void,
  ) {}

  route(reg: Registration): PendingRoute | undefined {
    const args = this.arity(reg, 2, 3, 'app.route(path, [options,] handler)');
    if (!args) return undefined;
    const path = this.staticString(args[0], 'route path');
    const options = args.length === 3 ? this.options(args[1]) : this.emptyOptions(reg.call);
    const handler = this.handler(args[args.length - 1], reg);
    if (path === undefined || !options || !handler) return undefined;
    const rawAuthorizer = options.raw('authorizer');
    if (rawAuthorizer !== undefined && !isAuthorizerValue(rawAuthorizer)) options.wrongType('authorizer', 'an authorizer (new IAMAuthorizer(), a Cognito/Custom authorizer, or the result of app.authorizer)');
    const cors = options.raw('cors') === undefined ? null : corsModel(options.raw('cors'));
    if (cors === undefined) options.wrongType('cors', 'true, false or new CORSConfig({...})');
    const route: RouteModel = {
      path,
      methods: options.strings('methods') ?? ['GET'],
      name: options.string('name') ?? handler.ownName,
      contentTypes: options.strings('contentTypes') ?? ['application/json'],
      apiKeyRequired: options.boolean('apiKeyRequired') ?? false,
      cors: cors ?? null,
      authorizer: rawAuthorizer instanceof StaticInstance ? (authorizerUse(rawAuthorizer) ?? null) : null,
      handler,
      location: locationOf(reg.call, this.projectDir),
      unknownOptions: options.unknown(ROUTE_OPTIONS),
    };
    return { route, authorizerRef: rawAuthorizer instanceof RegistrationRef ? rawAuthorizer : undefined };
  }

  function(reg: Registration): FunctionModel | undefined {
    switch (reg.method) {
      case 'authorizer': return this.withOptionalOptions(reg, 'app.authorizer([options,] handler)', ['name', 'ttlSeconds', 'executionRole', 'header'], (o, base) => ({
        ...base, kind: 'authorizer', header: o.string('header') ?? 'Authorization',
        ...defined({ ttlSeconds: o.number('ttlSeconds'), executionRole: o.string('executionRole') }),
      }));
      case 'lambdaFunction': return this.withOptionalOptions(reg, 'app.lambdaFunction([options,] handler)', ['name'], (_o, base) => ({ ...base, kind: 'lambda' }));
      case 'schedule': return this.schedule(reg);
      default: return this.eventSource(reg);
    }
  }

  private schedule(reg: Registration): FunctionModel | undefined {
    const args = this.arity(reg, 2, 3, 'app.schedule(expression, [options,] handler)');
    if (!args) return undefined;
    const evaluated = this.evaluator.evaluate(args[0]);
    if (!evaluated.ok) return void this.report(notStatic(evaluated, this.projectDir));
    const expression = scheduleExpression(evaluated.value);
    if (expression === undefined) {
      return void this.report(error('APPC213', 'a schedule must be a string, new Rate(...) or new Cron(...)', "Write 'rate(1 hour)', new Rate(5, Rate.MINUTES) or new Cron(...).", locationOf(args[0], this.projectDir)));
    }
    const options = args.length === 3 ? this.options(args[1]) : this.emptyOptions(reg.call);
    const handler = this.handler(args[args.length - 1], reg);
    if (!options || !handler) return undefined;
    return { ...this.base(reg, options, handler, ['name', 'description']), kind: 'schedule', expression, ...defined({ description: options.string('description') }) };
  }

  private eventSource(reg: Registration): FunctionModel | undefined {
    const args = this.arity(reg, 2, 2, `app.${reg.method}(options, handler)`);
    const options = args && this.options(args[0]);
    const handler = args && this.handler(args[1], reg);
    if (!options || !handler) return undefined;
    const base = (known: string[]) => this.base(reg, options, handler, ['name', ...known]);
    const batching = (batchSize: number) => ({
      batchSize: options.number('batchSize') ?? batchSize,
      maximumBatchingWindowInSeconds: options.number('maximumBatchingWindowInSeconds') ?? 0,
    });
    switch (reg.method) {
      case 'onSnsMessage':
        return { ...base(['topic']), kind: 'sns', topic: this.required(options, 'topic') ?? '' };
      case 'onSqsMessage':
        return { ...base(['queue', 'queueArn', 'batchSize', 'maximumBatchingWindowInSeconds', 'maximumConcurrency']), kind: 'sqs', ...batching(1),
          ...defined({ queue: options.string('queue'), queueArn: options.string('queueArn'), maximumConcurrency: options.number('maximumConcurrency') }) };
      case 'onCWEvent':
        return { ...base(['eventPattern']), kind: 'cw-event', eventPattern: options.raw('eventPattern') ?? this.missing(options, 'eventPattern') };
      case 'onKinesisRecord':
        return { ...base(['stream', 'batchSize', 'startingPosition', 'maximumBatchingWindowInSeconds']), kind: 'kinesis',
          stream: this.required(options, 'stream') ?? '', startingPosition: options.string('startingPosition') ?? 'LATEST', ...batching(100) };
      case 'onDynamoDBRecord':
        return { ...base(['streamArn', 'batchSize', 'startingPosition', 'maximumBatchingWindowInSeconds']), kind: 'dynamodb',
          streamArn: this.required(options, 'streamArn') ?? '', startingPosition: options.string('startingPosition') ?? 'LATEST', ...batching(100) };
      case 'onS3Event':
        return { ...base(['bucket', 'events', 'prefix', 'suffix']), kind: 's3', bucket: this.required(options, 'bucket') ?? '',
          events: options.strings('events') ?? ['s3:ObjectCreated:*'], ...defined({ prefix: options.string('prefix'), suffix: options.string('suffix') }) };
      default:
        throw new Error(`unexpected registration method ${reg.method}`);
    }
  }

  private withOptionalOptions(reg: Registration, shape: string, known: string[], build: (o: Options, base: ReturnType<Interpreter['base']>) => FunctionModel): FunctionModel | undefined {
    const args = this.arity(reg, 1, 2, shape);
    if (!args) return undefined;
    const options = args.length === 2 ? this.options(args[0]) : this.emptyOptions(reg.call);
    const handler = this.handler(args[args.length - 1], reg);
    return options && handler ? build(options, this.base(reg, options, handler, known)) : undefined;
  }

  /** Name per DESIGN.md §2: options.name, the handler's own name, the const it is assigned to. */
  private base(reg: Registration, options: Options, handler: HandlerModel, known: string[]) {
    const name = options.string('name') ?? handler.ownName ?? reg.constName;
    return { name, localName: name, handler, location: locationOf(reg.call, this.projectDir), unknownOptions: options.unknown(known) };
  }

  blueprintOptions(reg: Registration): { urlPrefix?: string; namePrefix?: string } | undefined {
    const args = this.arity(reg, 1, 2, 'app.registerBlueprint(blueprint, [options])');
    if (!args) return undefined;
    const options = args.length === 2 ? this.options(args[1]) : this.emptyOptions(reg.call);
    return options && defined({ urlPrefix: options.string('urlPrefix'), namePrefix: options.string('namePrefix') });
  }

  private arity(reg: Registration, min: number, max: number, shape: string): readonly ts.Expression[] | undefined {
    const args = reg.call.arguments;
    if (args.length >= min && args.length <= max && !args.some(ts.isSpreadElement)) return args;
    this.report(error('APPC208', `${reg.call.expression.getText()}() takes ${min === max ? min : `${min} or ${max}`} arguments, got ${args.length}`, `Call it as ${shape}.`, locationOf(reg.call, this.projectDir)));
    return undefined;
  }

  private staticString(node: ts.Expression, what: string): string | undefined {
    const result = this.evaluator.evaluate(node);
    if (!result.ok) return void this.report(notKnown(result, 'APPC203', `${what} must be a string known at compile time`, 'Use a string literal, a const, or a template literal of consts.', this.projectDir));
    if (typeof result.value !== 'string') return void this.report(error('APPC203', `${what} must be a string`, 'Use a string literal, a const, or a template literal of consts.', locationOf(node, this.projectDir)));
    return result.value;
  }

  private options(node: ts.Expression): Options | undefined {
    return evaluateOptions(node, this.evaluator, this.report, this.projectDir);
  }

  private emptyOptions(call: ts.CallExpression): Options {
    return new Options({}, call, this.report, this.projectDir);
  }

  private handler(node: ts.Expression, reg: Registration): HandlerModel | undefined {
    const handler = describeHandler(node, reg.statement, this.checker, this.projectDir);
    if (!handler) this.report(error('APPC207', 'the handler must be a function: an arrow function, a function expression, or the name of a function declared in the app', 'Pass the handler function itself, not the result of a call.', locationOf(node, this.projectDir)));
    return handler;
  }

  private required(options: Options, key: string): string | undefined {
    return options.string(key) ?? this.missing(options, key);
  }

  private missing(options: Options, key: string): undefined {
    this.report(error('APPC213', `option '${key}' is required`, `Add ${key}: ... to the options.`, locationOf(options.propertyNode(key), this.projectDir)));
    return undefined;
  }
}

/** The object without its undefined properties (so the model's JSON has no `undefined` keys). */
export function defined<T extends Record<string, unknown>>(object: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as never;
}
