import { expect } from 'chai';
import { validateApp } from '../../../src/compiler/validate';
import { app, brief, config, fn, route } from './builders';

describe('validate: unknown options', () => {
  it('reports unknown route options (APPC315) with a "did you mean"', () => {
    const routes = [route('/a', 3, { unknownOptions: ['metods', 'content_types', 'zzz'] })];
    const diagnostics = validateApp(app({ routes }), config());
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC315', "unknown route option 'metods'", 3],
      ['APPC315', "unknown route option 'content_types'", 3],
      ['APPC315', "unknown route option 'zzz'", 3],
    ]);
    const known = "known options: 'methods', 'name', 'authorizer', 'contentTypes', 'apiKeyRequired', 'cors'";
    expect(diagnostics.map((d) => d.remedy)).to.deep.equal([
      `Did you mean 'methods'? (${known})`,
      `Did you mean 'contentTypes'? (${known})`,
      `Remove it; ${known}.`,
    ]);
  });

  it('reports unknown function options (APPC316) against the options of that kind', () => {
    const functions = [
      fn('sqs', 'worker', 3, { unknownOptions: ['batchsize'] }),
      fn('schedule', 'tick', 5, { unknownOptions: ['batchSize'] }),
    ];
    const diagnostics = validateApp(app({ functions }), config());
    expect(diagnostics.map(brief)).to.deep.equal([
      ['APPC316', "unknown SQS handler option 'batchsize'", 3],
      ['APPC316', "unknown schedule option 'batchSize'", 5],
    ]);
    expect(diagnostics[0].remedy).to.match(/^Did you mean 'batchSize'\?/);
    expect(diagnostics[1].remedy).to.equal("Remove it; known options: 'name', 'description'.");
  });
});
