import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostics } from '../../src/compiler/diagnostics/format';
import { packageProject } from '../../src/compiler/compile';
import { FIXTURES_DIR, fixtureApps, fixtureSettings, readProjectFile } from './fixtures';

/** One `appc package` run the e2e tests check: a fixture app and one of its stages. */
export interface FixtureStage {
  name: string;
  stage: string;
  dir: string;
  /** `hello (stage dev)`, as test titles say. */
  label: string;
}

/** Every fixture app under fixtures/ and every stage its fixture.json packages. */
export function fixtureStages(): FixtureStage[] {
  return fixtureApps().flatMap((name) => {
    const dir = path.join(FIXTURES_DIR, name);
    return fixtureSettings(dir).stages.map((stage) => ({ name, stage, dir, label: `${name} (stage ${stage})` }));
  });
}

const packaged = new Map<string, Promise<Map<string, Uint8Array | string>>>();

/**
 * The files `appc package` writes for a fixture stage (sam.json, swagger.json,
 * deployment.zip), packaged once per mocha run and shared by every e2e test file.
 * Rejects with the formatted diagnostics when packaging reports an error.
 */
export function packagedFixture(fixture: FixtureStage): Promise<Map<string, Uint8Array | string>> {
  const key = `${fixture.dir}\0${fixture.stage}`;
  if (!packaged.has(key)) packaged.set(key, packageOnce(fixture));
  return packaged.get(key)!;
}

async function packageOnce(fixture: FixtureStage): Promise<Map<string, Uint8Array | string>> {
  const result = await packageProject({ projectDir: fixture.dir, stage: fixture.stage, templateFormat: 'json' });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.files) {
    throw new Error(
      `appc package of ${fixture.label} failed:\n${formatDiagnostics(errors, { color: false, readSource: readProjectFile(fixture.dir) })}`,
    );
  }
  return new Map(result.files.map((f) => [f.name, f.data]));
}

/** Writes a packaged fixture's files into `dir` (created), as `appc package DIR` would. */
export function writePackaged(files: Map<string, Uint8Array | string>, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, data] of files) fs.writeFileSync(path.join(dir, name), data);
}
