import { expect } from 'chai';
import fc from 'fast-check';
import { parseConfig } from '../../../src/compiler/config/load-config';
import { MAX_JSON_DEPTH, parseJson } from '../../../src/compiler/config/json-parser';

const accepts = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('parseJson: a strict JSON parser with positions and a depth limit', () => {
  it('gives the same value as JSON.parse for any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const parsed = parseJson(text);
        expect(parsed.ok).to.equal(true);
        if (parsed.ok) expect(parsed.value).to.deep.equal(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts exactly what JSON.parse accepts, on mutated JSON', () => {
    const mutated = fc
      .tuple(
        fc.json({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom(
          '',
          ',',
          '}',
          ']',
          '"',
          '\\',
          '/',
          ' ',
          'x',
          '\n',
          '\u0001',
          'tru',
          '01',
          '-',
          '.5',
          '1e',
          '\u2028',
        ),
      )
      .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)));
    fc.assert(
      fc.property(mutated, (text) => {
        expect(parseJson(text).ok, JSON.stringify(text)).to.equal(accepts(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a key named __proto__ as a key, as JSON.parse does', () => {
    const parsed = parseJson('{"__proto__": {"polluted": true}}');
    expect(parsed.ok && Object.keys(parsed.value as object)).to.deep.equal(['__proto__']);
    expect(parsed.ok && Object.getPrototypeOf(parsed.value)).to.equal(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it(`stops at ${MAX_JSON_DEPTH} levels of nesting, however deep the text goes`, () => {
    expect(parseJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).to.equal(true);
    for (const depth of [MAX_JSON_DEPTH + 1, 800, 100_000]) {
      const parsed = parseJson('{"a": '.repeat(depth) + '1' + '}'.repeat(depth));
      expect(parsed).to.deep.include({ ok: false, problem: 'depth', offset: MAX_JSON_DEPTH * 6 });
    }
  });

  it('reports a config nested 800 and 100,000 levels deep as APPC113 at the bracket, not a stack overflow', () => {
    for (const depth of [800, 100_000]) {
      const { diagnostics } = parseConfig(`{"stages": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
      expect(diagnostics.map((d) => [d.code, d.message, d.location?.line, d.location?.column])).to.deep.equal([
        ['APPC113', `.appc/config.json is nested deeper than ${MAX_JSON_DEPTH} levels`, 1, 12 + MAX_JSON_DEPTH - 1],
      ]);
    }
  });
});
