import { expect } from 'chai';
import {
  REGISTRATIONS,
  optionNames,
  type RegistrationMethod,
  type RegistrationSpec,
} from '../../../src/runtime/registrations';
import { arity, callShape } from '../../../src/compiler/analyze/call-shape';
import { minimalOptions } from '../../support/minimal-options';
import { analyzeFiles, appTs } from './analyze-files';

const FUNCTION_METHODS = (Object.keys(REGISTRATIONS) as RegistrationMethod[]).filter(
  (m) => m !== 'route' && m !== 'registerBlueprint' && m !== 'middleware',
);
type Specs = Record<string, { default?: unknown; required?: true }>;

function leading(method: RegistrationMethod): string[] {
  return method === 'schedule' ? ["'rate(1 hour)'"] : [];
}

/** The options argument as written, none for a registration that takes none (websocket handlers). */
function optionsArgument(method: RegistrationMethod, options: string): string[] {
  const spec: RegistrationSpec = REGISTRATIONS[method];
  return spec.optionsArgument === 'none' ? [] : [options];
}

/** One registration of every function kind, with only the options it needs. */
function minimalApp(extra: Record<string, unknown> = {}): string {
  return appTs(
    FUNCTION_METHODS.map((method) => {
      const options = JSON.stringify({ ...minimalOptions(method), ...extra });
      const args = [...leading(method), ...optionsArgument(method, options), `function ${method}Handler() {}`];
      return `app.${method}(${args.join(', ')});`;
    }).join('\n') + "\napp.route('/', () => ({}));",
  );
}

describe('analyze: registrations per the table', () => {
  it("applies the table's defaults to every option left out", () => {
    const { model, diagnostics } = analyzeFiles({ 'app.ts': minimalApp() });
    expect(diagnostics).to.deep.equal([]);
    expect(model?.functions.map((fn) => fn.kind)).to.deep.equal(FUNCTION_METHODS.map((m) => REGISTRATIONS[m].kind));
    FUNCTION_METHODS.forEach((method, i) => {
      const fn = model!.functions[i] as unknown as Record<string, unknown>;
      for (const [key, spec] of Object.entries(REGISTRATIONS[method].options as Specs)) {
        if (spec.default !== undefined) expect(fn[key], `${method} ${key}`).to.deep.equal(spec.default);
      }
    });
    const [route] = model!.routes;
    const defaults = REGISTRATIONS.route.options;
    expect(route).to.deep.include({
      methods: defaults.methods.default,
      contentTypes: defaults.contentTypes.default,
      apiKeyRequired: defaults.apiKeyRequired.default,
    });
  });

  it('records the options the table does not list as unknown, and only those', () => {
    const { model } = analyzeFiles({ 'app.ts': minimalApp({ bogus: 1 }) });
    const takeOptions = FUNCTION_METHODS.filter((m) => optionsArgument(m, '{}').length > 0);
    expect(model!.functions).to.have.length(FUNCTION_METHODS.length);
    for (const fn of model!.functions) {
      const expected = takeOptions.some((m) => REGISTRATIONS[m].kind === fn.kind) ? ['bogus'] : [];
      expect(fn.unknownOptions, fn.kind).to.deep.equal(expected);
    }
  });

  it('reports every required option left out', () => {
    const call = (m: RegistrationMethod) =>
      `app.${m}(${[...leading(m), ...optionsArgument(m, '{}'), `function ${m}H() {}`].join(', ')});`;
    const app = appTs(FUNCTION_METHODS.map(call).join('\n'));
    const required = FUNCTION_METHODS.flatMap((m) =>
      Object.entries(REGISTRATIONS[m].options as Specs)
        .filter(([, o]) => o.required)
        .map(([key]) => key),
    );
    const { diagnostics } = analyzeFiles({ 'app.ts': app });
    expect(diagnostics.map((d) => d.message)).to.deep.equal(required.map((key) => `option '${key}' is required`));
  });

  it('derives each call shape and arity from the table', () => {
    expect(callShape('route')).to.equal('app.route(path, [options,] handler)');
    expect(callShape('onS3Event')).to.equal('app.onS3Event(options, handler)');
    expect(callShape('registerBlueprint')).to.equal('app.registerBlueprint(blueprint, [options])');
    expect(arity('schedule')).to.deep.equal({ min: 2, max: 3 });
    expect(arity('lambdaFunction')).to.deep.equal({ min: 1, max: 2 });
    expect(callShape('onWsMessage')).to.equal('app.onWsMessage(handler)');
    expect(arity('onWsMessage')).to.deep.equal({ min: 1, max: 1 });
    expect(optionNames('route')).to.deep.equal([
      'methods',
      'name',
      'authorizer',
      'contentTypes',
      'apiKeyRequired',
      'cors',
    ]);
  });
});
