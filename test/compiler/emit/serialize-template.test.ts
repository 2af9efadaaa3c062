import { expect } from 'chai';
import { serializeTemplate } from '../../../src/compiler/emit/serialize-template';

describe('serializeTemplate', () => {
  it('indents by two spaces, keeps key order and ends with a newline', () => {
    expect(serializeTemplate({ b: 1, a: [true, null], c: {}, d: [] })).to.equal(
      '{\n  "b": 1,\n  "a": [\n    true,\n    null\n  ],\n  "c": {},\n  "d": []\n}\n',
    );
  });

  it('escapes non-ASCII as \\uXXXX, astral characters as surrogate pairs, like Python', () => {
    expect(serializeTemplate({ k: 'caf\u00e9 \u2603 \u{1F600}' })).to.equal(
      '{\n  "k": "caf\\u00e9 \\u2603 \\ud83d\\ude00"\n}\n',
    );
  });

  it('escapes control characters and leaves slashes and DEL alone', () => {
    expect(serializeTemplate(['a/b\n\t\u0001\u007f'])).to.equal('[\n  "a/b\\n\\t\\u0001\u007f"\n]\n');
  });
});
