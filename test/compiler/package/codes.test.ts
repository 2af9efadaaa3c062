import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_CODES } from '../../../src/compiler/package/codes';

describe('packaging diagnostic codes', () => {
  it('titles every code the package stage emits, and only those', () => {
    const dir = path.resolve(__dirname, '../../../src/compiler/package');
    const used = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f !== 'codes.ts')) {
      for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/'(APPC\d{3})'/g)) used.add(match[1]);
    }
    expect([...used].sort()).to.deep.equal(Object.keys(PACKAGE_CODES));
  });
});
