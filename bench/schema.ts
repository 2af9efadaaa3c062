/**
 * Type -> JSON Schema benchmark (issue 13): the cost of converting the models of a
 * 200-route app with a request and a response model on every route.
 *
 * The generated app (temp dir, 20 files of 10 routes): per route an interface body type
 * (strings with JSDoc constraints, a literal union, an optional array of a shared
 * `Address`, a nullable number, a `Record`) and a `Page<Item>` response, so named types,
 * generics, shared definitions and tags are all exercised. Each run, in this process:
 *   program   ts.createProgram over the app with TypeScript's lib files (es2022, from
 *             @ts-morph/common's in-memory copy, as `appc package --typecheck` loads them)
 *   noLibs    the same program without lib files (what the analysis loads today), for the delta
 *   convert   createSchemaBuilder + add() of 400 roots + finish(): checker work included
 *   gateway   gatewayModelDefinitions over the result
 * Run: `npm run build`, then `npx tsx bench/schema.ts [--routes 200] [--runs 5]`. Prints medians (ms)
 * and which build it measured (dist/ if built: rebuild after changing src/).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from 'ts-morph';
import type * as BuilderModule from '../src/compiler/analyze/schema/schema-builder';
import type * as GatewayModule from '../src/compiler/model/gateway-model-schema';

/**
 * dist/ when built (what `appc package` runs), else src/ through tsx (its source-map hooks slow the conversion about
 * 3x).
 */
const COMPILED = path.join(__dirname, '..', 'dist', 'compiler', 'analyze', 'schema', 'schema-builder.js');
const FROM = fs.existsSync(COMPILED)
  ? path.join(__dirname, '..', 'dist', 'compiler')
  : path.join(__dirname, '..', 'src', 'compiler');
const { createSchemaBuilder } = require(path.join(FROM, 'analyze', 'schema', 'schema-builder')) as typeof BuilderModule;
const { gatewayModelDefinitions } = require(path.join(FROM, 'model', 'gateway-model-schema')) as typeof GatewayModule;

const flag = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const ROUTES = flag('--routes', 200);
const RUNS = flag('--runs', 5);
const FILES = 20;

function routeModel(r: number): string {
  return `/** Body of route ${r}. */
export interface Create${r}Body {
  /** Name. @minLength 1 @maxLength 80 */
  name: string;
  /** @format email */
  email?: string;
  kind: 'a' | 'b' | 'c${r}';
  /** @minimum 0 @maximum 100 */
  score: number | null;
  addresses?: Address[];
  labels: Record<string, string>;
}
export interface Item${r} extends Create${r}Body { id: string; createdAt: string }
export function route${r}(body: Create${r}Body): Page<Item${r}> { return { items: [], next: body.name }; }
`;
}

function writeApp(dir: string): void {
  fs.writeFileSync(
    path.join(dir, 'shared.ts'),
    `export interface Address { street: string; /** @pattern ^[0-9]{5}$ */ zip: string }
/** A page. */
export interface Page<T> { items: T[]; next?: string }
`,
  );
  const perFile = Math.ceil(ROUTES / FILES);
  const imports: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const routes = Array.from({ length: perFile }, (_, i) => f * perFile + i).filter((r) => r < ROUTES);
    fs.writeFileSync(
      path.join(dir, `routes-${f}.ts`),
      `import { Address, Page } from './shared';\n${routes.map(routeModel).join('\n')}`,
    );
    imports.push(`export * from './routes-${f}';`);
  }
  fs.writeFileSync(path.join(dir, 'app.ts'), `${imports.join('\n')}\n`);
}

const LIBS = new Map(getLibFiles().map((lib) => [path.posix.join(libFolderInMemoryPath, lib.fileName), lib.text]));

function createProgram(dir: string, withLibs: boolean): ts.Program {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  if (withLibs) {
    const { getSourceFile, fileExists, readFile } = host;
    host.getDefaultLibLocation = () => libFolderInMemoryPath;
    host.getDefaultLibFileName = (o) => path.posix.join(libFolderInMemoryPath, ts.getDefaultLibFileName(o));
    host.fileExists = (file) => LIBS.has(file) || fileExists.call(host, file);
    host.readFile = (file) => LIBS.get(file) ?? readFile.call(host, file);
    host.getSourceFile = (file, language, ...rest) => {
      const text = LIBS.get(file);
      return text !== undefined
        ? ts.createSourceFile(file, text, language)
        : getSourceFile.call(host, file, language, ...rest);
    };
  }
  return ts.createProgram({ rootNames: [path.join(dir, 'app.ts')], options, host });
}

/** The roots as the analyzer will find them: each route function's parameter type and return type. */
function convertAll(program: ts.Program, dir: string) {
  const checker = program.getTypeChecker();
  const builder = createSchemaBuilder(program, dir);
  for (const file of program.getSourceFiles().filter((f) => f.fileName.includes('routes-'))) {
    for (const statement of file.statements) {
      if (!ts.isFunctionDeclaration(statement) || !statement.name || !statement.type) continue;
      const param = statement.parameters[0].type!;
      builder.add(checker.getTypeFromTypeNode(param), param, `${statement.name.text}Body`);
      builder.add(checker.getTypeFromTypeNode(statement.type), statement.type, `${statement.name.text}Response`);
    }
  }
  return builder.finish();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
};

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-schema-bench-'));
  try {
    writeApp(dir);
    const samples = {
      program: [] as number[],
      noLibs: [] as number[],
      convert: [] as number[],
      gateway: [] as number[],
    };
    let summary = '';
    for (let run = 0; run < RUNS; run++) {
      const [, noLibs] = time(() => createProgram(dir, false).getTypeChecker());
      const [program, programMs] = time(() => {
        const p = createProgram(dir, true);
        p.getTypeChecker();
        return p;
      });
      const [built, convertMs] = time(() => convertAll(program, dir));
      const [, gatewayMs] = time(() => gatewayModelDefinitions(built.definitions));
      samples.program.push(programMs);
      samples.noLibs.push(noLibs);
      samples.convert.push(convertMs);
      samples.gateway.push(gatewayMs);
      summary = `${built.roots.length} roots, ${Object.keys(built.definitions).length} definitions, ${built.diagnostics.length} diagnostics, ${JSON.stringify(built.definitions).length} bytes of definitions`;
    }
    console.log(
      `schema bench (${path.relative(path.join(__dirname, '..'), FROM)}): ${ROUTES} routes, ${summary}; median of ${RUNS} runs`,
    );
    for (const [name, values] of Object.entries(samples))
      console.log(
        `  ${name.padEnd(8)} ${median(values).toFixed(1)} ms  (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`,
      );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
