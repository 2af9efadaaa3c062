import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'fixtures');
export const ERROR_FIXTURES_DIR = path.join(FIXTURES_DIR, '_error_');
/** Third-party reference data lives beside the repo, never inside it. */
export const REFERENCE_DIR = path.resolve(REPO_ROOT, '../shared/reference');

/** `UPDATE_GOLDEN=1 npm test` rewrites golden files instead of comparing; review the diff. */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** Fixture apps (folders with an app.ts), sorted. */
export function fixtureApps(): string[] {
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter((name) => !name.startsWith('_') && fs.existsSync(path.join(FIXTURES_DIR, name, 'app.ts')))
    .sort();
}

export function errorFixtures(): string[] {
  return fs
    .readdirSync(ERROR_FIXTURES_DIR)
    .filter((name) => fs.statSync(path.join(ERROR_FIXTURES_DIR, name)).isDirectory())
    .sort();
}

/** Per-fixture settings from an optional `fixture.json`: the stages to package, whether its handlers may run. */
export interface FixtureSettings {
  stages: string[];
  invoke: boolean;
}

export function fixtureSettings(dir: string): FixtureSettings {
  const file = path.join(dir, 'fixture.json');
  const given = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<FixtureSettings>) : {};
  return { stages: given.stages ?? ['dev'], invoke: given.invoke ?? true };
}

/** Compares `actual` with the golden file, or writes it under UPDATE_GOLDEN. */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE_GOLDEN || !fs.existsSync(file)) {
    if (!UPDATE_GOLDEN)
      throw new Error(
        `golden file ${path.relative(REPO_ROOT, file)} is missing; run UPDATE_GOLDEN=1 npm test and review it`,
      );
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  expect(actual, `differs from ${path.relative(REPO_ROOT, file)}`).to.equal(fs.readFileSync(file, 'utf8'));
}

export function readProjectFile(projectDir: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return fs.readFileSync(path.join(projectDir, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Skips the running test, saying clearly what reference data is missing. */
export function requireReference(context: Mocha.Context, relative: string): string {
  const file = path.join(REFERENCE_DIR, relative);
  if (!fs.existsSync(file)) {
    console.log(`      reference data missing: ${file} (expected ../shared/reference beside the repo); skipping`);
    context.skip();
  }
  return file;
}
