import { expect } from 'chai';
import { arity, callShape, optionsIndex } from '../../../src/compiler/analyze/call-shape';

describe('analysis: registration call shapes (from src/runtime/registrations.ts)', () => {
  it('route: a path, optional options, a handler', () => {
    expect(arity('route')).to.deep.equal({ min: 2, max: 3 });
    expect(callShape('route')).to.equal('app.route(path, [options,] handler)');
    expect([optionsIndex('route', 2), optionsIndex('route', 3)]).to.deep.equal([undefined, 1]);
  });

  it('schedule: an expression, optional options, a handler', () => {
    expect(arity('schedule')).to.deep.equal({ min: 2, max: 3 });
    expect(callShape('schedule')).to.equal('app.schedule(expression, [options,] handler)');
    expect(optionsIndex('schedule', 3)).to.equal(1);
  });

  it('event sources: options required, then a handler', () => {
    expect(arity('onSqsMessage')).to.deep.equal({ min: 2, max: 2 });
    expect(callShape('onSqsMessage')).to.equal('app.onSqsMessage(options, handler)');
    expect(optionsIndex('onSqsMessage', 2)).to.equal(0);
  });

  it('lambdaFunction and authorizer: optional options, a handler', () => {
    expect(arity('lambdaFunction')).to.deep.equal({ min: 1, max: 2 });
    expect(callShape('authorizer')).to.equal('app.authorizer([options,] handler)');
    expect([optionsIndex('authorizer', 1), optionsIndex('authorizer', 2)]).to.deep.equal([undefined, 0]);
  });

  it('registerBlueprint: a blueprint, optional options, no handler', () => {
    expect(arity('registerBlueprint')).to.deep.equal({ min: 1, max: 2 });
    expect(callShape('registerBlueprint')).to.equal('app.registerBlueprint(blueprint, [options])');
    expect(optionsIndex('registerBlueprint', 2)).to.equal(1);
  });
});
