import { expect } from 'chai';
import { convertRoots } from './schema-program';

/** app.ts with one property `p` of type `type`, documented by `doc`. */
function appWith(doc: string, type: string): string {
  return `interface Thing {\n  /** ${doc} */\n  p: ${type};\n}\ninterface Roots { Thing: Thing }\n`;
}

function propertyOf(doc: string, type: string) {
  const { definitions, diagnostics, text } = convertRoots({ 'app.ts': appWith(doc, type) });
  return { schema: definitions.Thing.properties!.p, diagnostics, text };
}

describe('type -> JSON Schema: JSDoc', () => {
  it('turns each constraint tag into the keyword of the same name', () => {
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['@minLength 2 @maxLength 5', 'string', { minLength: 2, maxLength: 5 }],
      ['@pattern ^\\d{3}-[a-z]+$', 'string', { pattern: '^\\d{3}-[a-z]+$' }],
      ['@format date-time', 'string', { format: 'date-time' }],
      ['@minimum -1.5 @maximum 1e3 @multipleOf 0.5', 'number', { minimum: -1.5, maximum: 1000, multipleOf: 0.5 }],
      ['@minItems 0 @maxItems 3 @uniqueItems', 'string[]', { minItems: 0, maxItems: 3, uniqueItems: true }],
      ['@uniqueItems true', 'number[]', { uniqueItems: true }],
      ['@default "x" @example "y"', 'string', { default: 'x', example: 'y' }],
      ['@default plain text', 'string', { default: 'plain text' }],
      ['@default [1, 2]', 'number[]', { default: [1, 2] }],
      ['@example null', 'string | null', { example: null }],
      ['@minLength 1', 'string | null', { minLength: 1 }],
      ['@maximum 10', 'number | undefined', { maximum: 10 }],
    ];
    for (const [doc, type, keywords] of cases) {
      const { schema, text } = propertyOf(doc, type);
      expect(text, doc).to.equal('\n\nFound 0 errors.\n');
      expect(schema, doc).to.deep.include(keywords);
    }
  });

  it('puts the text before the tags into description, on properties and types', () => {
    const { definitions } = convertRoots({
      'app.ts':
        '/**\n * A thing.\n * Second line.\n * @deprecated use Other\n */\ninterface Thing {\n  /** The p. @minLength 1 */\n  p: string;\n}\ninterface Roots { Thing: Thing }\n',
    });
    expect(definitions.Thing.description).to.equal('A thing.\nSecond line.');
    expect(definitions.Thing.properties!.p).to.deep.equal({ description: 'The p.', type: 'string', minLength: 1 });
  });

  const bad: Array<[string, string, string, string, RegExp]> = [
    // [doc, type, code, where (the tag), message]
    ['@minLength abc', 'string', 'APPC270', '@minLength', /^@minLength abc: expects a non-negative integer$/],
    ['@maxLength -1', 'string', 'APPC270', '@maxLength', /expects a non-negative integer/],
    ['@minItems 1.5', 'string[]', 'APPC270', '@minItems', /expects a non-negative integer/],
    ['@minimum ten', 'number', 'APPC270', '@minimum', /^@minimum ten: expects a number$/],
    ['@multipleOf 0', 'number', 'APPC270', '@multipleOf', /expects a number greater than 0/],
    ['@pattern [a-z', 'string', 'APPC270', '@pattern', /^@pattern \[a-z: expects a valid regular expression \(.+\)$/],
    ['@pattern', 'string', 'APPC270', '@pattern', /expects a regular expression/],
    ['@uniqueItems maybe', 'string[]', 'APPC270', '@uniqueItems', /expects true, false or nothing/],
    ['@default {oops', 'number', 'APPC270', '@default', /^@default \{oops: expects a JSON value$/],
    ['@format Date Time', 'string', 'APPC270', '@format', /expects a format name/],
    ['@minLength 1', 'number', 'APPC271', '@minLength', /^@minLength applies to strings, and this is number$/],
    ['@minimum 0', 'string | null', 'APPC271', '@minimum', /^@minimum applies to numbers, and this is string$/],
    ['@maxItems 2', 'string', 'APPC271', '@maxItems', /applies to arrays, and this is string/],
    ['@format date-tme', 'string', 'APPC272', '@format', /^@format date-tme: not a format the validators know$/],
    [
      '@minLength 5 @maxLength 2',
      'string',
      'APPC273',
      '@maxLength',
      /^@maxLength 2 is below @minLength 5: no value can satisfy both$/,
    ],
    ['@minimum 10 @maximum 1', 'number', 'APPC273', '@maximum', /below @minimum 10/],
  ];
  for (const [doc, type, code, tag, message] of bad) {
    it(`${doc} on ${type}: ${code} at the tag`, () => {
      const app = appWith(doc, type);
      const { schema, diagnostics, text } = propertyOf(doc, type);
      expect(
        diagnostics.map((d) => d.code),
        text,
      ).to.deep.equal([code]);
      const [d] = diagnostics;
      expect(d.message).to.match(message);
      expect(d.remedy).to.be.a('string').and.not.equal('');
      const lineText = app.split('\n')[1];
      expect([d.location?.file, d.location?.line, d.location?.column], text).to.deep.equal([
        'app.ts',
        2,
        lineText.indexOf(tag) + 1,
      ]);
      const name = tag.slice(1);
      expect(schema, 'the bad tag is left out').not.to.have.property(name);
    });
  }

  it('suggests the format meant', () => {
    const { diagnostics } = propertyOf('@format date-tme', 'string');
    expect(diagnostics[0].remedy).to.match(/^Did you mean date-time\? Known formats: date, date-time, /);
  });

  it('reads the JSDoc of an alias the checker does not keep (type Email = string)', () => {
    const { definitions, text } = convertRoots({
      'app.ts':
        '/** An address. @format email @maxLength 254 */\ntype Email = string;\ninterface Roots { Contact: { email: Email } }\n',
    });
    expect(text).to.equal('\n\nFound 0 errors.\n');
    expect(definitions.Contact.properties!.email).to.deep.equal({
      description: 'An address.',
      type: 'string',
      format: 'email',
      maxLength: 254,
    });
  });

  it('reports a bad tag on an alias once, at the alias, however many properties use it', () => {
    const app = '/** @minLength x */\ntype Name = string;\ninterface Roots { A: { first: Name; last: Name } }\n';
    const { diagnostics } = convertRoots({ 'app.ts': app });
    expect(diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).to.deep.equal([['APPC270', 1, 5]]);
  });
});
