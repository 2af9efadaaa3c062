import { expect } from 'chai';
import { App, Blueprint } from '../../src/runtime';
import type { FunctionEntry } from '../../src/runtime/functions';
import { Registrar } from '../../src/runtime/registrar';
import {
  REGISTRATIONS,
  isRegistrationMethod,
  methodOf,
  optionNames,
  type RegisteredFunctionKind,
  type RegistrationMethod,
  type Registrations,
  type RegistrationSpec,
} from '../../src/runtime/registrations';
import { minimalOptions } from '../support/minimal-options';

const METHODS = Object.keys(REGISTRATIONS) as RegistrationMethod[];
type FunctionMethod = Exclude<RegistrationMethod, 'route' | 'registerBlueprint' | 'middleware'>;
const FUNCTION_METHODS = METHODS.filter(
  (m): m is FunctionMethod => m !== 'route' && m !== 'registerBlueprint' && m !== 'middleware',
);

/** Registers `method` on a fresh blueprint with its minimal options; the entry the runtime records. */
function registerMinimal(method: FunctionMethod): FunctionEntry {
  const bp = new Blueprint();
  const handler = function handlerName() {};
  const register = bp[method] as (...args: unknown[]) => unknown;
  const leading = method === 'schedule' ? ['rate(1 hour)'] : [];
  const spec: RegistrationSpec = REGISTRATIONS[method];
  register.call(bp, ...leading, ...(spec.optionsArgument === 'none' ? [] : [minimalOptions(method)]), handler);
  expect(bp.pendingFunctions).to.have.length(1);
  return bp.pendingFunctions[0];
}

type Entry = Record<string, unknown> & { authorizer?: Record<string, unknown> };

function registrarMethods(prototype: object): string[] {
  const notRegistrations = ['constructor', 'addRoute', 'addFunction', 'addMiddleware'];
  return Object.getOwnPropertyNames(prototype).filter((name) => !notRegistrations.includes(name));
}

describe('registrations table', () => {
  it('lists every registration method of the Registrar, and nothing else shared by App and Blueprint', () => {
    const shared = METHODS.filter((m) => REGISTRATIONS[m].receivers === 'App and Blueprint');
    expect(registrarMethods(Registrar.prototype).sort()).to.deep.equal([...shared].sort());
  });

  it("lists registerBlueprint as the App's alone, and the App has no other registration method", () => {
    const appOnly = METHODS.filter((m) => REGISTRATIONS[m].receivers === 'App');
    expect(appOnly).to.deep.equal(['registerBlueprint']);
    expect(typeof App.prototype.registerBlueprint).to.equal('function');
    expect('registerBlueprint' in Blueprint.prototype).to.equal(false);
    const isMethod = (name: string) =>
      typeof Object.getOwnPropertyDescriptor(App.prototype, name)?.value === 'function';
    const appMethods = registrarMethods(App.prototype).filter(isMethod);
    expect(appMethods).to.deep.equal(['registerBlueprint']);
  });

  it("names each function kind once, matching the runtime entries' kinds", () => {
    const kinds = FUNCTION_METHODS.map((m) => REGISTRATIONS[m].kind);
    expect(new Set(kinds).size).to.equal(kinds.length);
    for (const method of FUNCTION_METHODS) {
      expect(registerMinimal(method).kind, method).to.equal(REGISTRATIONS[method].kind);
      expect(methodOf(REGISTRATIONS[method].kind)).to.equal(method);
    }
  });

  it("agrees with the runtime's registrar on every function option default", () => {
    for (const method of FUNCTION_METHODS) {
      const entry = registerMinimal(method) as unknown as Entry;
      const specs = REGISTRATIONS[method].options as Record<string, { default?: unknown }>;
      for (const [key, spec] of Object.entries(specs)) {
        if (spec.default === undefined) continue;
        const actual = key in entry ? entry[key] : entry.authorizer?.[key];
        expect(actual, `${method} ${key}`).to.deep.equal(spec.default);
      }
    }
  });

  it("agrees with the runtime's registrar on the route defaults", () => {
    const bp = new Blueprint();
    bp.route('/', () => ({}));
    const defaults = REGISTRATIONS.route.options;
    expect(bp.pendingRoutes.map((r) => r.method)).to.deep.equal(defaults.methods.default);
    expect(bp.pendingRoutes[0]).to.deep.include({
      contentTypes: defaults.contentTypes.default,
      apiKeyRequired: defaults.apiKeyRequired.default,
    });
  });

  it('requires what the runtime requires: an SQS queue given one way, exactly', () => {
    const bp = new Blueprint();
    const [queue, queueArn] = REGISTRATIONS.onSqsMessage.exactlyOneOf;
    expect(() => bp.onSqsMessage({} as never, () => {})).to.throw(`exactly one of { ${queue} } and { ${queueArn} }`);
    expect(() => bp.onSqsMessage({ queue: 'q', queueArn: 'arn' } as never, () => {})).to.throw('exactly one of');
  });

  it('prefixes the functions the table says a namePrefix applies to, as the App does', () => {
    const bp = new Blueprint();
    for (const method of FUNCTION_METHODS) {
      const register = bp[method] as (...args: unknown[]) => unknown;
      const leading = method === 'schedule' ? ['rate(1 hour)'] : [];
      const spec: RegistrationSpec = REGISTRATIONS[method];
      const options = spec.optionsArgument === 'none' ? [] : [{ ...minimalOptions(method), name: method }];
      register.call(bp, ...leading, ...options, () => {});
    }
    const app = new App({ appName: 'a' });
    app.registerBlueprint(bp, { namePrefix: 'p_' });
    for (const method of FUNCTION_METHODS) {
      const spec: RegistrationSpec = REGISTRATIONS[method];
      const name = spec.functionName ?? (spec.namePrefix ? `p_${method}` : method);
      expect(app.functions.has(name), method).to.equal(true);
    }
  });

  it('answers which names are registration methods', () => {
    expect(METHODS.every(isRegistrationMethod)).to.equal(true);
    const others = ['toString', 'constructor', 'addRoute', 'debug', 'hasOwnProperty'];
    expect(others.some(isRegistrationMethod)).to.equal(false);
    expect(optionNames('onSqsMessage')).to.deep.equal([
      'name',
      'queue',
      'queueArn',
      'batchSize',
      'maximumBatchingWindowInSeconds',
      'maximumConcurrency',
    ]);
  });
});

// Compile-time checks (`npm run typecheck` fails when the table and the runtime's types disagree).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type KeysOf<T> = T extends unknown ? keyof T : never;
type OptionsArgument<M extends RegistrationMethod> = NonNullable<
  Parameters<App[M]>[Registrations[M] extends { leading: string } ? 1 : 0]
>;
type OptionTypesMatch<M extends RegistrationMethod> = Same<
  KeysOf<OptionsArgument<M>>,
  keyof Registrations[M]['options']
>;
const optionTypesMatch: { [M in RegistrationMethod]: OptionTypesMatch<M> } = {
  route: true,
  authorizer: true,
  schedule: true,
  lambdaFunction: true,
  onSnsMessage: true,
  onSqsMessage: true,
  onCWEvent: true,
  onKinesisRecord: true,
  onDynamoDBRecord: true,
  onS3Event: true,
  onWsConnect: true,
  onWsMessage: true,
  onWsDisconnect: true,
  middleware: true,
  registerBlueprint: true,
};
const kindsMatch: Same<RegisteredFunctionKind, FunctionEntry['kind']> = true;
void [optionTypesMatch, kindsMatch];
