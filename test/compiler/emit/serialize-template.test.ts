import { expect } from 'chai';
import { serializeTemplate, serializeTemplateWith } from '../../../src/compiler/emit/serialize-template';

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

describe('serializeTemplateWith', () => {
  const doc = { swagger: '2.0', paths: { '/caf\u00e9': { get: { parameters: [{ in: 'path' }], tags: [] } } }, e: {} };
  const template = (body: unknown) => ({
    Resources: { A: { Type: 'X' }, RestAPI: { Properties: { StageName: 'api', DefinitionBody: body, Z: [1] } } },
    Outputs: {},
  });
  const path = ['Resources', 'RestAPI', 'Properties', 'DefinitionBody'];

  it('writes what serializeTemplate writes, with the part taken from its text', () => {
    const whole = template(doc);
    const text = serializeTemplate(doc);
    expect(serializeTemplateWith(whole, { path, value: doc, text })).to.equal(serializeTemplate(whole));
    // The part's text is used as given: a changed text shows in the output.
    const marked = serializeTemplateWith(whole, { path, value: doc, text: text.replace('2.0', '9.9') });
    expect(marked).to.equal(serializeTemplate(template({ ...doc, swagger: '9.9' })));
  });

  it('serializes the whole template when the value at the path is not the part', () => {
    const copy = structuredClone(doc);
    const text = serializeTemplate(doc).replace('2.0', '9.9');
    expect(serializeTemplateWith(template(copy), { path, value: doc, text })).to.equal(
      serializeTemplate(template(copy)),
    );
    expect(serializeTemplateWith({ Resources: [] }, { path, value: doc, text })).to.equal(
      serializeTemplate({ Resources: [] }),
    );
  });

  it('serializes the whole template when a string in it reads like the placeholder', () => {
    const whole = { ...template(doc), Description: 'appc:serialized-part' };
    const text = serializeTemplate(doc).replace('2.0', '9.9');
    expect(serializeTemplateWith(whole, { path, value: doc, text })).to.equal(serializeTemplate(whole));
  });
});
