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

/** Reads a merge template as `appc package` does for a project in the file's directory. */
const read = (file: string) => readMergeTemplate(file, path.dirname(file));

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
      const { template, diagnostics } = read(file);
      expect(diagnostics).to.deep.equal([]);
      expect(template?.value).to.deep.equal({ Outputs: { Url: { Value: 1 } } });
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
      const { template, diagnostics } = read(templateFile('extra.YML', yaml));
      expect(diagnostics).to.deep.equal([]);
      expect(template?.value).to.deep.equal({
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
      const { template, diagnostics } = read(missing);
      expect(template).to.equal(undefined);
      expect(diagnostics.map((d) => [d.code, d.severity, d.message])).to.deep.equal([
        ['APPC411', 'error', `merge template ${missing} not found`],
      ]);
    });

    it('APPC412 for a syntax error, at its line and column in the file', () => {
      for (const [name, text, message, at] of [
        ['bad.json', '{\n  "Resources": {\n    "A": 1,\n  }\n}', 'trailing comma', [3, 11]],
        ['bad.yaml', 'Resources: [a, b\nOther: 1', 'Flow sequence in block collection must be', [2, 1]],
      ] as const) {
        const { template, diagnostics } = read(templateFile(name, text));
        expect(template).to.equal(undefined);
        expect(diagnostics.map((d) => [d.code, d.location?.file, d.location?.line, d.location?.column])).to.deep.equal([
          ['APPC412', name, ...at],
        ]);
        expect(diagnostics[0].message).to.contain(`merge template ${name} cannot be parsed: ${message}`);
        expect(diagnostics[0].message).to.not.match(/\n|position|at line/);
        expect(diagnostics[0].remedy).to.equal('Fix the JSON/YAML syntax of the merge template.');
      }
    });

    it('locates a path in the file: the node, or the nearest ancestor written', () => {
      const json = read(
        templateFile('m.json', '{\n  "Resources": {\n    "Fn": { "Properties": { "MemorySize": "big" } }\n  }\n}'),
      );
      const yaml = read(templateFile('m.yaml', 'Resources:\n  Fn:\n    Properties:\n      MemorySize: big\n'));
      const at = (t: typeof json, p: (string | number)[]) => {
        const { file, line, column, length } = t.template!.locate(p);
        return [file, line, column, length];
      };
      const memory = ['Resources', 'Fn', 'Properties', 'MemorySize'];
      expect(at(json, memory)).to.deep.equal(['m.json', 3, 43, 5]);
      expect(at(yaml, memory)).to.deep.equal(['m.yaml', 4, 19, 3]);
      expect(at(json, [...memory.slice(0, 3), 'Timeout'])).to.deep.equal(['m.json', 3, 27, 23]);
      expect(at(yaml, ['Resources', 'Fn', 'Properties', 'Timeout'])[1]).to.equal(4);
    });

    it('APPC412 for a template that is not an object', () => {
      for (const [name, text] of [
        ['list.json', '[1]'],
        ['null.json', 'null'],
        ['scalar.yaml', 'just text'],
      ]) {
        const { diagnostics } = read(templateFile(name, text));
        expect(diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
          ['APPC412', `merge template ${name} must hold an object`],
        ]);
      }
    });

    it(`APPC412 for a template nested deeper than ${MAX_JSON_DEPTH} levels, and accepts one at the limit`, () => {
      const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
      const deep = read(templateFile('deep.json', nested(MAX_JSON_DEPTH + 1)));
      expect(deep.diagnostics.map((d) => [d.code, d.message])).to.deep.equal([
        ['APPC412', `merge template deep.json is nested deeper than ${MAX_JSON_DEPTH} levels`],
      ]);
      const atLimit = read(templateFile('ok.json', nested(MAX_JSON_DEPTH)));
      expect(atLimit.diagnostics).to.deep.equal([]);
      expect(atLimit.template?.value).to.have.property('a');
    });
  });
});
