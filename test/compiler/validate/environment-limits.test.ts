import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import { app, brief, config, fn, functionConfig, route } from './builders';

const env = (bytes: number) => ({ BIG: 'x'.repeat(bytes), SMALL: 'y' });
/** `{"BIG":"…","SMALL":"y"}` is 21 bytes of JSON around the BIG value. */
const OVERHEAD = JSON.stringify(env(0)).length;

describe('validate: environment variables within Lambda 4 KB', () => {
  it('accepts exactly 4096 bytes of JSON, and rejects 4097 (APPC336) with the size and the largest variable', () => {
    const at = (bytes: number) =>
      validateApp(
        app({ routes: [route('/', 3)] }),
        config({ api_handler: functionConfig({ environmentVariables: env(bytes) }) }),
      );
    expect(at(4096 - OVERHEAD)).to.deep.equal([]);
    const [d, ...rest] = at(4097 - OVERHEAD);
    expect(rest).to.deep.equal([]);
    expect(brief(d)).to.deep.equal([
      'APPC336',
      ".appc/config.json gives function 'api_handler' 4097 bytes of environment variables; Lambda allows 4096 bytes (4 KB) per function, all variables together",
      undefined,
    ]);
    expect(d.severity).to.equal('error');
    expect(d.remedy).to.match(/^Shrink them \(the largest is 'BIG', 4075 bytes\)/);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const variables = { EMOJI: '\u{1F600}'.repeat(1100) }; // 2,200 UTF-16 units, 4,400 bytes
    const found = validateApp(
      app({ routes: [route('/', 3)] }),
      config({ api_handler: functionConfig({ environmentVariables: variables }) }),
    );
    expect(found.map((d) => d.code)).to.deep.equal(['APPC336']);
    expect(found[0].message).to.contain('4412 bytes');
  });

  it('reports functions sharing one map once, and each function of its own', () => {
    const shared = functionConfig({ environmentVariables: { V: 'v'.repeat(5000) } });
    const own = functionConfig({ environmentVariables: { W: 'w'.repeat(6000) } });
    const model = app({
      routes: [route('/', 3)],
      functions: [fn('lambda', 'worker', 4), fn('lambda', 'cron', 5), fn('lambda', 'small', 6)],
    });
    const found = validateApp(
      model,
      config({ api_handler: shared, worker: shared, cron: own, small: functionConfig() }, shared),
    );
    expect(found.map((d) => d.message.split(' bytes')[0])).to.deep.equal([
      ".appc/config.json gives functions 'api_handler', 'worker' 5008",
      ".appc/config.json gives function 'cron' 6008",
    ]);
  });

  it('does not count the API handler of an app without routes', () => {
    const big = functionConfig({ environmentVariables: env(5000) });
    expect(
      validateApp(
        app({ functions: [fn('lambda', 'small', 4)] }),
        config({ api_handler: big, small: functionConfig() }),
      ),
    ).to.deep.equal([]);
  });
});
