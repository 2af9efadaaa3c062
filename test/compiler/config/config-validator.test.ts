import * as fs from 'node:fs';
import { expect } from 'chai';
import { CONFIG_SCHEMA_PATH } from '../../../src/compiler/config/config-schema';
import { CONFIG_VALIDATOR_PATH, configValidatorSource } from '../../../src/compiler/config/config-validator-source';

describe('the precompiled config validator (config-validator.ts)', () => {
  it('is what ajv generates from schemas/config.schema.json today', () => {
    // On a failure: npx tsx src/compiler/config/config-validator-source.ts, and commit the result.
    expect(
      fs.readFileSync(CONFIG_VALIDATOR_PATH, 'utf8') === configValidatorSource(),
      'config-validator.ts is stale',
    ).to.equal(true);
  });

  it('follows the schema it is generated from', () => {
    const schema = JSON.parse(fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as { properties: Record<string, unknown> };
    const edited = { ...schema, properties: { ...schema.properties, extra_key: { type: 'string' } } };
    expect(configValidatorSource(JSON.stringify(edited)))
      .to.contain('extra_key')
      .and.not.equal(configValidatorSource());
  });
});
