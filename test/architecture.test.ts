import { expect } from 'chai';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The layering docs/architecture.md describes, read from the import lines of src/: only analysis reads
 * TypeScript, folders depend on each other in one direction, the runtime stands alone.
 */
const SRC = path.join(__dirname, '..', 'src');
const TS_PACKAGES = ['typescript', 'ts-morph', '@ts-morph/'];

interface SourceImports {
  /** POSIX path relative to src/, e.g. `compiler/analyze/collect.ts`. */
  file: string;
  /** Relative imports, resolved to POSIX paths relative to src/. */
  local: string[];
  /** Package (and `node:`) specifiers. */
  packages: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): SourceImports {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const specifiers = info.importedFiles.map((f) => f.fileName);
  const relative = (p: string) => path.relative(SRC, p).split(path.sep).join('/');
  return {
    file: relative(file),
    local: specifiers.filter((s) => s.startsWith('.')).map((s) => relative(path.resolve(path.dirname(file), s))),
    packages: specifiers.filter((s) => !s.startsWith('.')),
  };
}

/** A file's node: its folder under src/compiler (a file directly there is its own node), else its src/ folder. */
function nodeOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'compiler') return parts[0];
  return parts.length > 2 ? `compiler/${parts[1]}` : `compiler/${parts[1].replace(/\.ts$/, '')}`;
}

function folderGraph(all: readonly SourceImports[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const { file, local } of all) {
    const from = nodeOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    for (const target of local.map(nodeOf)) if (target !== from) edges.add(target);
    graph.set(from, edges);
  }
  return graph;
}

/** One cycle of the graph as a path `a -> b -> a`, or undefined when it has none. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    const open = stack.indexOf(node);
    if (open !== -1) return [...stack.slice(open), node];
    if (done.has(node)) return undefined;
    stack.push(node);
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    done.add(node);
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('architecture: the imports of src/', () => {
  const all = sourceFiles(SRC).map(importsOf);

  it('reads the import lines it checks', () => {
    const typescript = all.find((f) => f.file === 'compiler/analyze/typescript.ts');
    expect(typescript?.packages).to.include('@ts-morph/common/dist/typescript.js');
    expect(nodeOf('compiler/compile.ts')).to.equal('compiler/compile');
  });

  it('lets only src/compiler/analyze import TypeScript (ts-morph, typescript)', () => {
    const readsTs = (specifier: string) => TS_PACKAGES.some((t) => specifier === t || specifier.startsWith(t));
    const readers = all.filter(({ file, packages }) => !file.startsWith('compiler/analyze/') && packages.some(readsTs));
    expect(readers.map((f) => f.file)).to.deep.equal([]);
  });

  it('has no import cycle between the folders of src/compiler, src/cli, src/local and src/runtime', () => {
    const cycle = findCycle(folderGraph(all));
    if (cycle) expect.fail(`folder import cycle: ${cycle.join(' -> ')}`);
  });

  it('keeps src/runtime free of imports from outside it and of packages other than node: builtins', () => {
    const runtime = all.filter((f) => f.file.startsWith('runtime/'));
    expect(runtime.length).to.be.greaterThan(0);
    const outside = runtime.flatMap(({ file, local, packages }) => [
      ...local.filter((target) => !target.startsWith('runtime/')).map((target) => `${file} imports ${target}`),
      ...packages.filter((p) => !p.startsWith('node:')).map((p) => `${file} imports ${p}`),
    ]);
    expect(outside).to.deep.equal([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(graph)).to.deep.equal(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).to.equal(undefined);
  });
});
