import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { LOCAL_CODES } from '../../src/local/codes';

describe('appc local diagnostic codes', () => {
  it('titles every code local mode emits, and only those', () => {
    const dir = path.resolve(__dirname, '../../src/local');
    const used = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => f !== 'codes.ts')) {
      for (const match of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/'(APPC\d{3})'/g)) used.add(match[1]);
    }
    expect([...used].sort()).to.deep.equal(Object.keys(LOCAL_CODES));
  });
});
