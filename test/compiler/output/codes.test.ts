import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { OUTPUT_CODES } from '../../../src/compiler/output/codes';

describe('command-line and output diagnostic codes', () => {
  it('titles every APPC440-APPC459 code the command line and the output stage emit, and only those', () => {
    const src = path.resolve(__dirname, '../../../src');
    const used = new Set<string>();
    for (const dir of ['cli', 'compiler/output', 'compiler/config']) {
      for (const file of fs.readdirSync(path.join(src, dir)).filter((f) => f !== 'codes.ts')) {
        for (const match of fs.readFileSync(path.join(src, dir, file), 'utf8').matchAll(/\b(APPC4[45]\d)\b/g))
          used.add(match[1]);
      }
    }
    expect([...used].sort()).to.deep.equal(Object.keys(OUTPUT_CODES));
  });
});
