import * as path from 'node:path';
import { expect } from 'chai';
import { expectGolden } from '../../../support/fixtures';
import { CONSTRUCT_CASES } from './construct-cases';
import { convertRoots } from './schema-program';

/** Each construct case's definitions and roots, compared with goldens/<case>.json. */
const GOLDENS = path.join(__dirname, 'goldens');

describe('type -> JSON Schema: constructs (golden schemas)', () => {
  for (const [name, files] of Object.entries(CONSTRUCT_CASES)) {
    it(name, () => {
      const { definitions, roots, diagnostics, text } = convertRoots(files);
      expect(diagnostics, text).to.deep.equal([]);
      expectGolden(path.join(GOLDENS, `${name}.json`), `${JSON.stringify({ definitions, roots }, null, 2)}\n`);
    });
  }
});
