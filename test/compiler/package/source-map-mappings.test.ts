import { expect } from 'chai';
import { dropNames, encodeMappings, encodeVlq } from '../../../src/compiler/package/source-map-mappings';

describe('source map mappings', () => {
  it('encodes numbers as base-64 VLQ, the sign in the lowest bit', () => {
    expect([0, 1, -1, 15, 16, -16, 1000].map(encodeVlq)).to.deep.equal(['A', 'C', 'D', 'e', 'gB', 'hB', 'w+B']);
  });

  it('encodes each field relative to the previous segment, the generated column per line', () => {
    const mappings = encodeMappings([
      [
        { generatedColumn: 0, originalLine: 0, originalColumn: 0 },
        { generatedColumn: 24, originalLine: 0, originalColumn: 2 },
      ],
      [],
      [{ generatedColumn: 3, originalLine: 2, originalColumn: 1 }],
    ]);
    expect(mappings).to.equal('AAAA,wBAAE;;GAED');
  });

  it('drops the name field and keeps the others', () => {
    expect(dropNames(`AAAA${encodeVlq(3)},wBAAE${encodeVlq(-2)};;GAEC;A`)).to.equal('AAAA,wBAAE;;GAEC;A');
  });
});
