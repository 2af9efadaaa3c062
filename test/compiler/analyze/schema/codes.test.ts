import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_CODES } from '../../../../src/compiler/analyze/schema/codes';

describe('type -> JSON Schema diagnostic codes', () => {
  it('titles every code the conversion and the route models emit, and only those, all in the reserved APPC260-APPC279', () => {
    const analyze = path.resolve(__dirname, '../../../../src/compiler/analyze');
    const used = new Set<string>();
    for (const dir of ['schema', 'models'].map((d) => path.join(analyze, d))) {
      for (const file of fs.readdirSync(dir).filter((f) => f !== 'codes.ts')) {
        for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/'(APPC\d{3})'/g))
          used.add(match[1]);
      }
    }
    expect([...used].sort()).to.deep.equal(Object.keys(SCHEMA_CODES));
    for (const code of Object.keys(SCHEMA_CODES)) expect(Number(code.slice(4))).to.be.within(260, 279);
  });
});
