import { expect } from 'chai';
import { fromProxyResult } from '../../src/local/http-answer';

describe('local: proxy results into HTTP answers', () => {
  it('merges headers and multi-value headers (multi-value wins) and adds JSON as the default type', () => {
    const answer = fromProxyResult({
      statusCode: 201,
      headers: { A: '1', B: '2' },
      multiValueHeaders: { B: ['3', '4'] },
      body: 'x',
    });
    expect(answer).to.deep.equal({
      statusCode: 201,
      headers: { A: '1', B: ['3', '4'], 'Content-Type': 'application/json' },
      body: Buffer.from('x'),
    });
  });

  it('decodes a base64 body only when isBase64Encoded is true', () => {
    expect(fromProxyResult({ statusCode: 200, body: 'AAEC', isBase64Encoded: true })?.body).to.deep.equal(
      Buffer.from([0, 1, 2]),
    );
    expect(fromProxyResult({ statusCode: 200, body: 'AAEC' })?.body.toString()).to.equal('AAEC');
    expect(fromProxyResult({ statusCode: 204 })?.body.length).to.equal(0);
  });

  it('refuses what is not a proxy result (API Gateway then answers 502)', () => {
    for (const result of [
      undefined,
      null,
      'text',
      {},
      { statusCode: '200' },
      { statusCode: 42 },
      { statusCode: 200, body: { a: 1 } },
    ]) {
      expect(fromProxyResult(result), JSON.stringify(result)).to.equal(undefined);
    }
  });
});
