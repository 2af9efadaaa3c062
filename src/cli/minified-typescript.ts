/**
 * Writes `dist/vendor/typescript.js`: the TypeScript compiler appc analyses apps with (the copy that
 * @ts-morph/common bundles, 9.1 MB) without the parts of its language service appc never calls, and
 * minified by esbuild: about 3 MB. Every `appc package` loads it, and even with V8's code cache
 * (compile-cache.ts) loading costs time in proportion to the source's size: it is read, decoded and
 * kept whole for the functions V8 compiles lazily. The command line's bundle loads it in place of the
 * original (cli-bundle.ts); the sources and their tests use the original.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transform, version as esbuildVersion } from 'esbuild';

import type { ts as TypeScriptApi } from '../compiler/analyze/typescript';

type TypeScript = typeof TypeScriptApi;
type Node = TypeScriptApi.Node;

/** The module the analysis requires (src/compiler/analyze/typescript.ts). */
export const TYPESCRIPT_MODULE = '@ts-morph/common/dist/typescript.js';

/** The minified copy, relative to dist/. */
export const MINIFIED_TYPESCRIPT = path.join('vendor', 'typescript.js');

/** Bump when the way the copy is made changes, so that an old copy is made again. */
const RECIPE = 3;

/**
 * The modules of TypeScript's bundle (each starts at a `// src/<path>` line) left out: the language
 * server, its typings installer, and the language service's code fixes and refactorings, which only
 * an editor asks for. appc uses the compiler (parser, binder, checker, program, module resolution)
 * and, for node methods such as `getText()`, the rest of the language service. The namespaces that
 * name what is left out stay, so that TypeScript's exports are all there; using one of the left-out
 * functions would throw a ReferenceError.
 */
const LEFT_OUT = ['src/server/', 'src/typingsInstallerCore/', 'src/services/codefixes/', 'src/services/refactors/'];

/**
 * Writes the minified copy under `distDir` unless the one there was made from the same TypeScript by
 * the same esbuild and recipe (its first line says which); replaces it in one rename.
 */
export async function writeMinifiedTypescript(distDir: string): Promise<'written' | 'fresh'> {
  const text = fs.readFileSync(require.resolve(TYPESCRIPT_MODULE), 'utf8');
  const stamp = stampOf(text);
  const outfile = path.join(distDir, MINIFIED_TYPESCRIPT);
  if (firstLine(outfile) === stamp) return 'fresh';
  const { code } = await transform(withPlainExports(withoutLeftOut(text), require(TYPESCRIPT_MODULE) as TypeScript), {
    loader: 'js',
    minify: true,
    target: 'node20',
    // ASCII output lets the loader decode it as Latin-1, the fast way (large-source-read.ts).
    charset: 'ascii',
    // TypeScript's licence header (a /*! comment) stays at the top.
    legalComments: 'inline',
  });
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, stamp + code);
    fs.renameSync(temporary, outfile);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return 'written';
}

/** The first line of the copy made from TypeScript's `text` today: what it was made from, and how. */
export function minifiedTypescriptStamp(): string {
  return stampOf(fs.readFileSync(require.resolve(TYPESCRIPT_MODULE), 'utf8'));
}

function stampOf(text: string): string {
  const version = /\bversion = "([^"]+)"/.exec(text)?.[1] ?? 'unknown';
  const sha256 = crypto.createHash('sha256').update(text).digest('hex');
  return `/* appc: ${TYPESCRIPT_MODULE} ${version} (sha256 ${sha256}) minified by esbuild ${esbuildVersion}, recipe ${RECIPE} */\n`;
}

/** The file's first line with its newline, or undefined when it cannot be read. */
export function firstLine(file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(512);
    const text = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8');
    const end = text.indexOf('\n');
    return end < 0 ? undefined : text.slice(0, end + 1);
  } finally {
    fs.closeSync(fd);
  }
}

/** `text` less the modules in LEFT_OUT; throws when it does not have them all, as a different bundle would. */
export function withoutLeftOut(text: string): string {
  const kept: string[] = [];
  const found = new Set<string>();
  let leaving = false;
  for (const line of text.split('\n')) {
    const module = /^\/\/ (src\/\S+)$/.exec(line)?.[1];
    const prefix = module === undefined ? undefined : LEFT_OUT.find((left) => module.startsWith(left));
    if (module !== undefined) leaving = prefix !== undefined;
    if (prefix) found.add(prefix);
    if (!leaving) kept.push(line);
  }
  const missing = LEFT_OUT.filter((prefix) => !found.has(prefix));
  if (missing.length > 0) throw new Error(`${TYPESCRIPT_MODULE} has no modules under ${missing.join(', ')}`);
  // The bundle's closing lines follow its last module: it must be one that stays.
  if (leaving) throw new Error(`${TYPESCRIPT_MODULE} ends with a module under ${LEFT_OUT.join(', ')}`);
  return kept.join('\n');
}

/**
 * `text` with TypeScript's exports as plain values where that changes nothing. The bundle (made by
 * esbuild) defines each of its 2,248 exports as a getter of a variable, `__export(typescript_exports,
 * { name: () => name, ... })`, so that an export follows its variable when TypeScript assigns it
 * again. Defining those getters costs about a third of running the bundle's top level. A variable
 * declared at the top level and never assigned again (no `=`, `++` or destructuring names it
 * anywhere, inner scopes included; a `var` in a function declares its own) holds the same value
 * once the bundle has run, since only a function can run after the top level: its export is
 * assigned as a value at the end of the bundle. The others (`sys`, which `setSys` replaces, and the
 * like), and any whose variable is not declared (left out above), stay getters, defined where they
 * were. Throws when the bundle's shape is not the one this expects.
 */
export function withPlainExports(text: string, ts: TypeScript): string {
  const file = ts.createSourceFile('typescript.js', text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const body = bundleBody(file, ts);
  const call = body.statements.find((statement) => exportsCall(statement, ts) !== undefined);
  const exported = call && exportsCall(call, ts);
  if (!call || !exported) throw new Error(`${TYPESCRIPT_MODULE} has no __export(typescript_exports, { ... }) call`);
  // The values assigned at the end reach the module's exports only if they are that very object.
  const sameObject =
    text.includes('\nmodule.exports = typescript_exports;') ||
    (text.includes('\nmodule.exports = __toCommonJS(typescript_exports);') &&
      text.includes('\nvar __toCommonJS = (mod) => (__copyProps, mod);'));
  if (!sameObject) throw new Error(`${TYPESCRIPT_MODULE} does not export typescript_exports itself`);
  const declared = topLevelNames(body, ts);
  const assigned = assignedNames(file, ts);
  const plain = exported.filter(([, variable]) => declared.has(variable) && !assigned.has(variable));
  const kept = new Set(plain);
  const live = exported.filter((entry) => !kept.has(entry));
  const properties = (entries: [string, string][], getter: boolean) =>
    entries.map(([name, variable]) => `  ${name}: ${getter ? '() => ' : ''}${variable}`).join(',\n');
  const end = body.getEnd() - 1;
  return [
    text.slice(0, call.getStart(file)),
    live.length > 0 ? `__export(typescript_exports, {\n${properties(live, true)}\n});` : '',
    text.slice(call.getEnd(), end),
    `Object.assign(typescript_exports, {\n${properties(plain, false)}\n});\n`,
    text.slice(end),
  ].join('');
}

/** The body of the bundle's `((module) => { ... })(...)`, the second statement after `var ts = {};`. */
function bundleBody(file: TypeScriptApi.SourceFile, ts: TypeScript) {
  const statement = file.statements[1];
  const call = statement && ts.isExpressionStatement(statement) ? statement.expression : undefined;
  let callee: TypeScriptApi.Expression | undefined = call && ts.isCallExpression(call) ? call.expression : undefined;
  while (callee && ts.isParenthesizedExpression(callee)) callee = callee.expression;
  if (!callee || !ts.isArrowFunction(callee) || !ts.isBlock(callee.body))
    throw new Error(`${TYPESCRIPT_MODULE} is not one ((module) => { ... })(...) after var ts`);
  return callee.body;
}

/** The `[export name, variable]` pairs of `__export(typescript_exports, { name: () => variable })`. */
function exportsCall(statement: Node, ts: TypeScript): [string, string][] | undefined {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return undefined;
  const { expression: callee, arguments: args } = statement.expression;
  if (!ts.isIdentifier(callee) || callee.text !== '__export') return undefined;
  const [target, all] = args;
  if (!target || !ts.isIdentifier(target) || target.text !== 'typescript_exports') return undefined;
  if (!all || !ts.isObjectLiteralExpression(all)) return undefined;
  return all.properties.map((property) => {
    const getter = ts.isPropertyAssignment(property) ? property.initializer : undefined;
    if (
      !ts.isPropertyAssignment(property) ||
      !ts.isIdentifier(property.name) ||
      !getter ||
      !ts.isArrowFunction(getter) ||
      getter.parameters.length > 0 ||
      !ts.isIdentifier(getter.body)
    )
      throw new Error(`${TYPESCRIPT_MODULE}: an export of typescript_exports is not name: () => variable`);
    return [property.name.text, getter.body.text];
  });
}

/** The variables, functions and classes the bundle's body declares at its top level. */
function topLevelNames(body: TypeScriptApi.Block, ts: TypeScript): Set<string> {
  const names = new Set<string>();
  for (const statement of body.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** Every name an assignment, `++`/`--` or `for (name of ...)` writes to, in any scope of the file. */
function assignedNames(file: Node, ts: TypeScript): Set<string> {
  const names = new Set<string>();
  const { SyntaxKind } = ts;
  const targets = (node: Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    else if (ts.isShorthandPropertyAssignment(node)) names.add(node.name.text);
    else if (ts.isPropertyAssignment(node)) targets(node.initializer);
    else if (ts.isParenthesizedExpression(node) || ts.isSpreadElement(node) || ts.isSpreadAssignment(node))
      targets(node.expression);
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken) targets(node.left);
    else if (ts.isObjectLiteralExpression(node)) node.properties.forEach(targets);
    else if (ts.isArrayLiteralExpression(node)) node.elements.forEach(targets);
  };
  const visit = (node: Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= SyntaxKind.LastAssignment
    )
      targets(node.left);
    else if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === SyntaxKind.PlusPlusToken || node.operator === SyntaxKind.MinusMinusToken)
    )
      targets(node.operand);
    else if (
      (ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
      !ts.isVariableDeclarationList(node.initializer)
    )
      targets(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}
