import { expect } from 'chai';
import { closestName, editDistance } from '../../../src/compiler/config/did-you-mean';

describe('closestName', () => {
  const keys = ['lambda_timeout', 'lambda_memory_size', 'layers', 'xray', 'tags'];

  it('finds a near miss', () => {
    expect(closestName('lamda_timeout', keys)).to.equal('lambda_timeout');
    expect(closestName('lambda_memmory_size', keys)).to.equal('lambda_memory_size');
  });

  it('ignores case, hyphens and camelCase', () => {
    expect(closestName('lambdaMemorySize', keys)).to.equal('lambda_memory_size');
    expect(closestName('Lambda-Timeout', keys)).to.equal('lambda_timeout');
  });

  it('finds a unique key the name is the tail of', () => {
    expect(closestName('timeout', keys)).to.equal('lambda_timeout');
  });

  it('suggests nothing for an unrelated name', () => {
    expect(closestName('region', keys)).to.equal(undefined);
    expect(closestName('ab', keys)).to.equal(undefined);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('xray', 'xary')).to.equal(1);
    expect(editDistance('kitten', 'sitting')).to.equal(3);
  });
});
