/**
 * Writes docs/config-reference.md, the reference of `.appc/config.json`, from schemas/config.schema.json: every
 * key with its type, default, where it may be set, description and an example. Regenerate after editing the
 * schema:
 *   npx tsx src/compiler/config/config-reference-source.ts
 * test/compiler/config/config-reference.test.ts fails while the checked-in file is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_SCHEMA_PATH } from './config-schema';

export const CONFIG_REFERENCE_PATH = path.join(__dirname, '../../../docs/config-reference.md');

/** The parts of the schema the reference reads. */
interface Node {
  type?: string | string[];
  description?: string;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxItems?: number;
  patternErrorMessage?: string;
  items?: Node;
  properties?: Record<string, Node>;
  additionalProperties?: Node | boolean;
  required?: string[];
  definitions?: Record<string, Node>;
  $ref?: string;
}

/** Where a key may be written. */
type Level = 'top level' | 'stage' | 'function';

/** The reference's Markdown text. */
export function configReference(schemaText = fs.readFileSync(CONFIG_SCHEMA_PATH, 'utf8')): string {
  const schema = JSON.parse(schemaText) as Node;
  const keys = referenceKeys(schema);
  return [
    '# `.appc/config.json` reference',
    '',
    '<!-- Generated from schemas/config.schema.json by src/compiler/config/config-reference-source.ts; do not edit.',
    '     Regenerate: npx tsx src/compiler/config/config-reference-source.ts -->',
    '',
    schema.description ?? '',
    '',
    'Where a key may be set: **top level** (the file itself), **stage** (`stages.<stage>`), **function**',
    '(`lambda_functions.<function>` and `stages.<stage>.lambda_functions.<function>`). Editors check the file',
    'against the same schema when it names it: `"$schema": "../node_modules/appc/schemas/config.schema.json"`.',
    '',
    '| Key | Type | Default | Set in |',
    '| --- | --- | --- | --- |',
    ...keys.map(
      ({ key, node, levels }) =>
        `| [\`${key}\`](#${anchor(key)}) | ${typeOf(node)} | ${defaultOf(node)} | ${levels.join(', ')} |`,
    ),
    '',
    ...keys.flatMap(({ key, node, levels }) => keySection(key, node, levels)),
  ].join('\n');
}

/** Every key of the file, in the schema's order, with the levels that allow it. */
function referenceKeys(schema: Node): Array<{ key: string; node: Node; levels: Level[] }> {
  const definitions = schema.definitions ?? {};
  const at = (node: Node | undefined) => Object.keys(node?.properties ?? {});
  const top = at(schema);
  const stage = at(definitions.stage);
  const fn = at(definitions.function);
  const all = [...new Set([...top, ...stage, ...fn])];
  return all.map((key) => {
    const levels: Level[] = [];
    if (top.includes(key)) levels.push('top level');
    if (stage.includes(key)) levels.push('stage');
    if (fn.includes(key)) levels.push('function');
    return {
      key,
      node: resolve(schema, schema.properties?.[key] ?? definitions.stage?.properties?.[key] ?? {}),
      levels,
    };
  });
}

/** GitHub's heading anchor: lower case, punctuation but `-` and `_` dropped (`$schema` -> `schema`). */
function anchor(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

function resolve(schema: Node, node: Node): Node {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  return schema.definitions?.[name] ?? {};
}

function keySection(key: string, node: Node, levels: Level[]): string[] {
  const lines = [`## ${key}`, '', node.description ?? '', ''];
  lines.push(`- Type: ${typeOf(node)}`);
  lines.push(`- Default: ${defaultOf(node)}`);
  lines.push(`- Set in: ${levels.join(', ')}`);
  const example = node.examples?.[0];
  if (example !== undefined) lines.push('- Example:', '', '  ```json', ...exampleLines(key, example), '  ```');
  const nested = Object.entries(node.properties ?? {});
  if (nested.length > 0) {
    lines.push('', '| Property | Type | Description |', '| --- | --- | --- |');
    for (const [name, child] of nested) {
      const required = node.required?.includes(name) ? ' (required)' : '';
      lines.push(`| \`${name}\`${required} | ${typeOf(child)} | ${cell(child.description ?? '')} |`);
    }
  }
  lines.push('');
  return lines;
}

/** `"key": value` as it is written in the file, indented under the list item. */
function exampleLines(key: string, example: unknown): string[] {
  const text = `${JSON.stringify(key)}: ${JSON.stringify(example, null, 2)}`;
  return text.split('\n').map((line) => `  ${line}`);
}

/** `integer, 1 to 900`, `one of "EDGE", "REGIONAL", "PRIVATE"`, `array of strings (at most 5)`, `object`. */
function typeOf(node: Node): string {
  const types = (Array.isArray(node.type) ? node.type : node.type ? [node.type] : []).filter((t) => t !== 'null');
  if (node.enum)
    return `one of ${node.enum
      .filter((v) => v !== null)
      .map((v) => code(v))
      .join(', ')}`;
  const described = types.map((type) => describeType(type, node));
  return cell(described.join(' or ') || 'any');
}

function describeType(type: string, node: Node): string {
  switch (type) {
    case 'integer':
    case 'number':
      return `${type}${range(node)}`;
    case 'array': {
      const items = node.items?.type ? `${String(node.items.type)}s` : 'values';
      return `array of ${items}${node.maxItems === undefined ? '' : ` (at most ${node.maxItems})`}`;
    }
    case 'object': {
      const values = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
      if (values?.$ref) return 'object: a name to its settings';
      return values?.type ? `object: names to ${String(values.type)}s` : 'object';
    }
    default:
      return type;
  }
}

function range(node: Node): string {
  if (node.minimum !== undefined && node.maximum !== undefined) return `, ${node.minimum} to ${node.maximum}`;
  if (node.minimum !== undefined) return `, at least ${node.minimum}`;
  return node.maximum === undefined ? '' : `, at most ${node.maximum}`;
}

function defaultOf(node: Node): string {
  return node.default === undefined ? 'unset' : code(node.default);
}

function code(value: unknown): string {
  return `\`${JSON.stringify(value)}\``;
}

/** Text safe in a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

if (require.main === module) {
  fs.writeFileSync(CONFIG_REFERENCE_PATH, configReference());
  console.log(`wrote ${path.relative(process.cwd(), CONFIG_REFERENCE_PATH)}`);
}
