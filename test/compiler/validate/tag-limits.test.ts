import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import { app, brief, config, fn, functionConfig, route } from './builders';

const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`team${i}`, 'x']));

describe('validate: tags within Lambda 50 per function', () => {
  it('accepts 48 configured tags and rejects 49 (APPC337): appc and SAM add one tag each', () => {
    const check = (count: number) =>
      validateApp(app({ routes: [route('/', 3)] }), config({ api_handler: functionConfig({ tags: tags(count) }) })).map(
        brief,
      );
    expect(check(48)).to.deep.equal([]);
    expect(check(49)).to.deep.equal([
      [
        'APPC337',
        ".appc/config.json gives function 'api_handler' 49 tags; Lambda allows 50 per function, and appc's 'appc' tag and SAM's 'lambda:createdBy' tag take two of them",
        undefined,
      ],
    ]);
  });

  it("checks each function's merged tags, and does not count a configured 'appc' (appc's own replaces it)", () => {
    const model = app({ functions: [fn('lambda', 'worker', 4), fn('lambda', 'cron', 5)] });
    const found = validateApp(
      model,
      config({
        worker: functionConfig({ tags: { ...tags(48), appc: 'mine' } }),
        cron: functionConfig({ tags: tags(60) }),
      }),
    );
    expect(found.map((d) => d.message.split(' tags;')[0])).to.deep.equal([
      ".appc/config.json gives function 'cron' 60",
    ]);
  });
});
