import type { ts } from '../typescript';
import { error, withRelated, type Diagnostic } from '../../diagnostics/diagnostic';
import type { JsonSchema } from '../../model/json-schema';
import { locationOf } from '../locations';
import type { SchemaCode } from './codes';

/** A named type on its way to `definitions`; its name is chosen once every type is known. */
export interface Definition {
  /** The TypeScript name (`Page` for `Page<Todo>`). */
  symbolName: string;
  /** The type arguments of a generic instantiation (none otherwise). */
  args: readonly ts.Type[];
  /** Where it is declared (`file:offset`), to order types sharing a name. */
  declaredAt: string;
  /** Filled once the type's body is converted (after its references, for recursive types). */
  schema: JsonSchema;
  /** Every `{ $ref }` pointing at it, completed when names are assigned. */
  refs: JsonSchema[];
}

/** The root being converted: diagnostics in shared types point back at it. */
export interface RootSite {
  name: string;
  node: ts.Node;
}

/** What every conversion step reads and appends to. One per `createSchemaBuilder`. */
export interface SchemaContext {
  checker: ts.TypeChecker;
  program: ts.Program;
  projectDir: string;
  diagnostics: Diagnostic[];
  /** `code@file:line:column` of each diagnostic, so a type used twice is reported once. */
  reported: Set<string>;
  definitions: Map<ts.Type, Definition>;
  /** Anonymous object types being converted: meeting one again is a recursion with no name to refer to. */
  anonymousInProgress: Set<ts.Type>;
  root: RootSite | undefined;
  /** The conversion itself, for the steps that recurse (objects, arrays, unions). */
  convert(type: ts.Type, node: ts.Node): JsonSchema;
}

/** Appends an error at `node` (once per code and place), pointing back at the root that uses it. */
export function report(ctx: SchemaContext, code: SchemaCode, message: string, remedy: string, node: ts.Node): void {
  const location = locationOf(node, ctx.projectDir);
  const key = `${code}@${location.file}:${location.line}:${location.column}`;
  if (ctx.reported.has(key)) return;
  ctx.reported.add(key);
  const diagnostic = error(code, message, remedy, location);
  const root = ctx.root && locationOf(ctx.root.node, ctx.projectDir);
  const elsewhere =
    root && (root.file !== location.file || root.line !== location.line || root.column !== location.column);
  const related = elsewhere ? [{ message: `the ${ctx.root!.name} schema uses it here`, location: root }] : [];
  ctx.diagnostics.push(withRelated(diagnostic, related));
}

/** The source text of `node` on one line, for messages. */
export function textOf(node: ts.Node): string {
  return node.getText().replace(/\s+/g, ' ');
}
