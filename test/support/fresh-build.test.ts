import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type BuildLayout, ensureFreshBuild, staleReason } from './fresh-build';

const TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'commonjs', lib: ['ES2022'], types: [], rootDir: 'src', outDir: 'dist' },
  include: ['src'],
};

/** A temporary project laid out like appc's: src/, dist/, tsconfig.build.json. */
function project(files: Record<string, string>): BuildLayout {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-fresh-build-'));
  for (const [file, text] of Object.entries({ 'tsconfig.build.json': JSON.stringify(TSCONFIG), ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return {
    root,
    srcDir: 'src',
    outDir: 'dist',
    tsconfig: 'tsconfig.build.json',
    configFiles: ['tsconfig.build.json'],
    buildInfo: 'cache/build.tsbuildinfo',
  };
}

/** `layout` with a bundle that dist/make-bundle.js makes from dist/a.js. */
function bundled(layout: BuildLayout): BuildLayout {
  const script =
    "const fs = require('fs'); fs.writeFileSync('dist/bundle.js', '// bundle\\n' + fs.readFileSync('dist/a.js'));\n";
  fs.writeFileSync(path.join(layout.root, 'dist', 'make-bundle.js'), script);
  return { ...layout, bundle: { output: 'dist/bundle.js', script: 'dist/make-bundle.js' } };
}

/** Sets a file's modification time to `seconds` after an arbitrary epoch, to order files without sleeping. */
function age(layout: BuildLayout, file: string, seconds: number): void {
  const when = new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
  fs.utimesSync(path.join(layout.root, file), when, when);
}

const read = (layout: BuildLayout, file: string) => fs.readFileSync(path.join(layout.root, file), 'utf8');

describe('test/support/fresh-build', () => {
  describe('staleReason', () => {
    it('names a missing output', () => {
      const layout = project({ 'src/a.ts': '', 'src/lib/b.ts': '', 'dist/a.js': '' });
      expect(staleReason(layout)).to.equal(`dist${path.sep}lib${path.sep}b.js is missing`);
    });

    it('is undefined when every output is at least as new as its source and the settings', () => {
      const layout = project({ 'src/a.ts': '', 'src/types.d.ts': '', 'dist/a.js': '' });
      age(layout, 'tsconfig.build.json', 1);
      age(layout, 'src/a.ts', 2);
      age(layout, 'dist/a.js', 2);
      // A declaration file has no output of its own.
      expect(staleReason(layout)).to.equal(undefined);
    });

    it('names a source newer than its output', () => {
      const layout = project({ 'src/a.ts': '', 'src/b.ts': '', 'dist/a.js': '', 'dist/b.js': '' });
      for (const file of ['tsconfig.build.json', 'src/a.ts', 'dist/a.js', 'dist/b.js']) age(layout, file, 1);
      age(layout, 'src/b.ts', 2);
      expect(staleReason(layout)).to.equal(`src${path.sep}b.ts is newer than dist${path.sep}b.js`);
    });

    it('names a build setting newer than the oldest output', () => {
      const layout = project({ 'src/a.ts': '', 'src/b.ts': '', 'dist/a.js': '', 'dist/b.js': '' });
      for (const file of ['src/a.ts', 'src/b.ts', 'dist/a.js']) age(layout, file, 1);
      age(layout, 'dist/b.js', 3);
      age(layout, 'tsconfig.build.json', 2);
      expect(staleReason(layout)).to.equal('tsconfig.build.json is newer than dist/');
    });

    it('names a missing bundle, then an output newer than the bundle', () => {
      const layout = bundled(project({ 'src/a.ts': '', 'dist/a.js': '', 'dist/bundle.js': '' }));
      for (const file of ['tsconfig.build.json', 'src/a.ts', 'dist/a.js', 'dist/make-bundle.js', 'dist/bundle.js'])
        age(layout, file, 1);
      expect(staleReason(layout)).to.equal(undefined);
      age(layout, 'dist/a.js', 2);
      expect(staleReason(layout)).to.equal(`dist${path.sep}a.js is newer than dist/bundle.js`);
      fs.rmSync(path.join(layout.root, 'dist/bundle.js'));
      expect(staleReason(layout)).to.equal('dist/bundle.js is missing');
    });

    it('names a missing file the bundle script makes alongside the bundle', () => {
      const layout = bundled(
        project({ 'src/a.ts': '', 'dist/a.js': '', 'dist/bundle.js': '', 'dist/vendor/x.js': '' }),
      );
      for (const file of ['tsconfig.build.json', 'src/a.ts', 'dist/a.js', 'dist/make-bundle.js', 'dist/vendor/x.js'])
        age(layout, file, 1);
      age(layout, 'dist/bundle.js', 2);
      const alongside = { ...layout, bundle: { ...layout.bundle!, alongside: ['dist/vendor/x.js'] } };
      expect(staleReason(alongside)).to.equal(undefined);
      fs.rmSync(path.join(layout.root, 'dist/vendor/x.js'));
      expect(staleReason(alongside)).to.equal('dist/vendor/x.js is missing');
    });
  });

  describe('ensureFreshBuild', function () {
    // Each build runs tsc on a two-file project: about a second of CPU.
    this.timeout(120_000);

    it('builds a missing output, then does nothing while the build is fresh', () => {
      const layout = project({ 'src/a.ts': 'export const a: number = 1;\n', 'src/b.ts': 'export const b = 2;\n' });
      expect(ensureFreshBuild(layout).reason).to.equal(`dist${path.sep}a.js is missing`);
      expect(read(layout, 'dist/a.js')).to.contain('exports.a = 1;');
      const builtAt = fs.statSync(path.join(layout.root, 'dist/b.js')).mtimeMs;

      expect(ensureFreshBuild(layout)).to.deep.equal({ tscOutput: '' });
      expect(fs.statSync(path.join(layout.root, 'dist/b.js')).mtimeMs).to.equal(builtAt);
    });

    it('rebuilds an edited source, emitting despite a type error and returning it', () => {
      const layout = project({ 'src/a.ts': 'export const a = 1;\n' });
      ensureFreshBuild(layout);
      fs.writeFileSync(path.join(layout.root, 'src/a.ts'), "export const a: number = 'two';\n");
      age(layout, 'dist/a.js', 0); // older than the edit, whatever the file system's clock resolution

      const result = ensureFreshBuild(layout);
      expect(result.reason).to.equal(`src${path.sep}a.ts is newer than dist${path.sep}a.js`);
      expect(result.tscOutput).to.contain('error TS2322');
      expect(read(layout, 'dist/a.js')).to.contain("exports.a = 'two';");
    });

    it('rebuilds from scratch when the incremental state claims an output tsc did not write', () => {
      const layout = project({ 'src/a.ts': 'export const a = 1;\n' });
      ensureFreshBuild(layout);
      // dist/ replaced behind tsc's back (another build, a checkout): the source is unchanged, so an
      // incremental build alone would emit nothing and leave this output in place.
      fs.writeFileSync(path.join(layout.root, 'dist/a.js'), 'stale');
      age(layout, 'dist/a.js', 0);

      ensureFreshBuild(layout);
      expect(read(layout, 'dist/a.js')).to.contain('exports.a = 1;');
      expect(staleReason(layout)).to.equal(undefined);
    });

    it('makes the bundle after tsc, and again when only the bundle is stale', () => {
      const layout = project({ 'src/a.ts': 'export const a = 1;\n', 'dist/.keep': '' });
      const withBundle = bundled(layout);
      expect(ensureFreshBuild(withBundle).reason).to.equal(`dist${path.sep}a.js is missing`);
      expect(read(layout, 'dist/bundle.js')).to.contain('// bundle').and.contain('exports.a = 1;');

      fs.rmSync(path.join(layout.root, 'dist/bundle.js'));
      const builtAt = fs.statSync(path.join(layout.root, 'dist/a.js')).mtimeMs;
      expect(ensureFreshBuild(withBundle).reason).to.equal('dist/bundle.js is missing');
      expect(read(layout, 'dist/bundle.js')).to.contain('exports.a = 1;');
      expect(fs.statSync(path.join(layout.root, 'dist/a.js')).mtimeMs).to.equal(builtAt);
      expect(staleReason(withBundle)).to.equal(undefined);
    });
  });
});
