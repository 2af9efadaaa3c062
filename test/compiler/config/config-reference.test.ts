import * as fs from 'node:fs';
import { expect } from 'chai';
import { configSchema, knownKeys } from '../../../src/compiler/config/config-schema';
import { CONFIG_REFERENCE_PATH, configReference } from '../../../src/compiler/config/config-reference-source';

describe('docs/config-reference.md, generated from schemas/config.schema.json', () => {
  const markdown = configReference();

  it('is what the generator writes from the schema today', () => {
    // On a failure: npx tsx src/compiler/config/config-reference-source.ts, and commit the result.
    expect(fs.readFileSync(CONFIG_REFERENCE_PATH, 'utf8') === markdown, 'docs/config-reference.md is stale').to.equal(
      true,
    );
  });

  it('documents every key with its type, default, levels, description and an example', () => {
    const { top, stage, function: fn } = knownKeys();
    const keys = [...new Set(['$schema', ...top, ...stage, ...fn])];
    const sections = markdown.split('\n## ').slice(1);
    expect(sections.map((s) => s.split('\n')[0])).to.have.members(keys);
    for (const section of sections) {
      const key = section.split('\n')[0];
      const levels = [top.includes(key) && 'top level', stage.includes(key) && 'stage', fn.includes(key) && 'function'];
      expect(section, key)
        .to.match(/\n- Type: \S/)
        .and.match(/\n- Default: \S/)
        .and.contain(`\n- Set in: ${levels.filter(Boolean).join(', ')}\n`)
        .and.match(new RegExp(`\\n- Example:\\n\\n  \`\`\`json\\n  ${JSON.stringify(key).replace(/[$]/g, '\\$')}: `));
    }
  });

  it("gives each key the schema's type, range and default, and parses every example as the key's value", () => {
    expect(markdown)
      .to.contain(
        '## lambda_timeout\n\nFunction timeout in seconds, 1 to 900 (default 60).\n\n- Type: integer, 1 to 900',
      )
      .and.contain(
        '| [`api_gateway_endpoint_type`](#api_gateway_endpoint_type) | one of `"EDGE"`, `"REGIONAL"`, `"PRIVATE"` | `"EDGE"` | top level, stage |',
      )
      .and.contain('| [`xray`](#xray) | boolean | `false` | top level, stage, function |');
    for (const block of markdown.matchAll(/```json\n([\s\S]*?)\n {2}```/g)) {
      expect(() => JSON.parse(`{${block[1]}}`), block[1]).to.not.throw();
    }
    expect(configSchema().definitions?.lambda_timeout).to.include({ default: 60 });
  });
});
