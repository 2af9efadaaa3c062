import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_JSON_DEPTH } from '../../../src/compiler/config/json-parser';
import { isYamlFile, mergeTemplates, readMergeTemplate } from '../../../src/compiler/output/merge-template';

/** Writes `text` to a new temporary file named `name`; returns its path. */
function templateFile(name: string, text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'appc-merge-')), name);
  fs.writeFileSync(file, text);
  return file;
}

describe('merge-template', () => {
  describe('mergeTemplates', () => {
    it('merges objects key by key, recursively, the overlay winning', () => {
      const base = {
        Resources: { Fn: { Type: 'AWS::Serverless::Function', Properties: { MemorySize: 128, Timeout: 60 } } },
      };
      const overlay = {
        Resources: { Fn: { Properties: { MemorySize: 512 } }, Table: { Type: 'AWS::DynamoDB::Table' } },
      };
      expect(mergeTemplates(base, overlay)).to.deep.equal({
        Resources: {
          Fn: { Type: 'AWS::Serverless::Function', Properties: { MemorySize: 512, Timeout: 60 } },
          Table: { Type: 'AWS::DynamoDB::Table' },
        },
      });
    });

    it('replaces lists and scalars whole, and an object by a non-object', () => {
      expect(mergeTemplates({ a: [1, 2, 3], b: 'x', c: { d: 1 } }, { a: [9], b: 2, c: null })).to.deep.equal({
        a: [9],
        b: 2,
        c: null,
      });
      expect(mergeTemplates({ a: 1 }, [1])).to.deep.equal([1]);
      expect(mergeTemplates([1], { a: 1 })).to.deep.equal({ a: 1 });
    });

    it('leaves both inputs as they were', () => {
      const base = { Resources: { Fn: { Properties: { MemorySize: 128 } } } };
      const overlay = { Resources: { Fn: { Properties: { Timeout: 3 } } } };
      const before = JSON.stringify([base, overlay]);
      mergeTemplates(base, overlay);
      expect(JSON.stringify([base, overlay])).to.equal(before);
    });
  });

  it('isYamlFile: .yaml and .yml in any case', () => {
    expect(['t.yaml', 't.YML', 'dir.json/t.yml'].map(isYamlFile)).to.deep.equal([true, true, true]);
    expect(['t.json', 't.yaml.json', 'yaml'].map(isYamlFile)).to.deep.equal([false, false, false]);
  });

  describe('readMergeTemplate', () => {
    it('reads a JSON template', () => {
      const file = templateFile('extra.json', '{"Outputs": {"Url": {"Value": 1}}}');
      expect(readMergeTemplate(file)).to.deep.equal({ template: { Outputs: { Url: { Value: 1 } } }, diagnostics: [] });
    });

    it("reads YAML with CloudFormation's short-form intrinsics as their long form", () => {
      const yaml = [
        'Resources:',
        '  Topic:',
        '    Properties:',
        '      Name: !Ref TopicName',
        '      Arn: !GetAtt Queue.Arn',
        '      Nested: !GetAtt Stack.Outputs.Url',
        '      Url: !Sub "https://${Api}.example.com"',
        '      Joined: !Join [",", [a, b]]',
        '      Pick: !If [IsProd, !Ref Prod, !Ref AWS::NoValue]',
        '      Encoded: !Base64 {"Fn::Sub": "x"}',
        '    Condition: !Condition IsProd',
      ].join('\n');
      const { template, diagnostics } = readMergeTemplate(templateFile('extra.YML', yaml));
      expect(diagnostics).to.deep.equal([]);
      expect(template).to.deep.equal({
        Resources: {
          Topic: {
            Properties: {
              Name: { Ref: 'TopicName' },
              Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] },
              Nested: { 'Fn::GetAtt': ['Stack', 'Outputs.Url'] },
              Url: { 'Fn::Sub': 'https://${Api}.example.com' },
              Joined: { 'Fn::Join': [',', ['a', 'b']] },
              Pick: { 'Fn::If': ['IsProd', { Ref: 'Prod' }, { Ref: 'AWS::NoValue' }] },
              Encoded: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
            },
            Condition: { Condition: 'IsProd' },
          },
        },
      });
    });

    it('APPC411 for a missing file, naming the path as given', () => {
      const missing = path.join(os.tmpdir(), 'appc-no-such-dir', 'extra.json');
      const { template, diagnostics } = readMergeTemplate(missing);
      expect(template).to.equal(undefined);
      expect(diagnostics.map((d) => [d.code, d.severity, d.message])).to.deep.equal([
        ['APPC411', 'error', `merge template ${missing} not found`],
      ]);
    });

    it('APPC412 for a syntax error, with the first line of the parser message', () => {
      for (const [name, text] of [
        ['bad.json', '{"Resources": '],
        ['bad.yaml', 'Resources: [a, b\nOther: 1'],
      ]) {
        const { template, diagnostics } = readMergeTemplate(templateFile(name, text));
        expect(template).to.equal(undefined);
        expect(diagnostics).to.have.length(1);
        expect(diagnostics[0].code).to.equal('APPC412');
        expect(diagnostics[0].message).to.match(new RegExp(`^merge template ${name} cannot be parsed: [^\\n]+$`));
        expect(diagnostics[0].remedy).to.equal('Fix the JSON/YAML syntax of the merge template.');
      }
    });

    it('APPC412 for a template that is not an object', () => {
      for (const [name, text] of [
        ['list.json', '[1]'],
        ['null.json', 'null'],
        ['scalar.yaml', 'just text'],
      ]) {
        const { diagnostics } = readMergeTemplate(templateFile(name, text));
        expect(diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
          ['APPC412', `merge template ${name} must hold an object`],
        ]);
      }
    });

    it(`APPC412 for a template nested deeper than ${MAX_JSON_DEPTH} levels, and accepts one at the limit`, () => {
      const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
      const deep = readMergeTemplate(templateFile('deep.json', nested(MAX_JSON_DEPTH + 1)));
      expect(deep.diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
        ['APPC412', `merge template deep.json is nested deeper than ${MAX_JSON_DEPTH} levels`],
      ]);
      const atLimit = readMergeTemplate(templateFile('ok.json', nested(MAX_JSON_DEPTH)));
      expect(atLimit.diagnostics).to.deep.equal([]);
      expect(atLimit.template).to.have.property('a');
    });
  });
});
