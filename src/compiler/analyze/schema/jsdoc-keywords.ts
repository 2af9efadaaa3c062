import { ts } from '../typescript';
import { closestName } from '../../config/did-you-mean';
import type { JsonSchema, JsonSchemaType } from '../../model/json-schema';
import { report, type SchemaContext } from './schema-context';
import { BOUNDS, KNOWN_FORMATS, TAG_SPECS, type TagTarget } from './tag-values';

const TARGET_TYPES: Record<Exclude<TagTarget, 'any'>, { types: JsonSchemaType[]; noun: string }> = {
  string: { types: ['string'], noun: 'strings' },
  number: { types: ['number', 'integer'], noun: 'numbers' },
  array: { types: ['array'], noun: 'arrays' },
};

/**
 * `schema` with the JSDoc of `symbol` (a property, a type alias, an interface): its text
 * as `description`, its constraint tags (`@minLength 1`) as the keywords of the same name.
 * A malformed value, a tag on a type it does not apply to, an unknown `@format` and
 * crossed bounds are diagnostics at the tag; the tag is then left out.
 */
export function withDocs(ctx: SchemaContext, schema: JsonSchema, symbol: ts.Symbol | undefined): JsonSchema {
  if (!symbol || !mayHaveDocs(symbol)) return schema;
  const description = ts.displayPartsToString(symbol.getDocumentationComment(ctx.checker)).trim();
  const keywords = tagKeywords(ctx, schema, symbol);
  if (description === '' && Object.keys(keywords).length === 0) return schema;
  return { ...schema, ...(description ? { description } : {}), ...keywords };
}

/**
 * False when `symbol` has no JSDoc and none to inherit: `getDocumentationComment` looks
 * for inherited docs through the checker, which is most of a model's conversion time
 * when asked of every property of hundreds of types.
 */
function mayHaveDocs(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((d) => ts.getJSDocCommentsAndTags(d).length > 0 || inherits(d.parent));
}

function inherits(node: ts.Node | undefined): boolean {
  const heritage = node && (ts.isInterfaceDeclaration(node) || ts.isClassLike(node)) && node.heritageClauses;
  return !!heritage && heritage.length > 0;
}

function tagKeywords(ctx: SchemaContext, schema: JsonSchema, symbol: ts.Symbol): Record<string, unknown> {
  const keywords: Record<string, unknown> = {};
  const at: Record<string, ts.JSDocTag> = {};
  for (const tag of (symbol.declarations ?? []).flatMap((d) => ts.getJSDocTags(d))) {
    const keyword = tagKeyword(ctx, schema, tag);
    if (!keyword) continue;
    keywords[keyword.name] = keyword.value;
    at[keyword.name] = tag;
  }
  dropCrossedBounds(ctx, keywords, at);
  return keywords;
}

/** The keyword a constraint tag sets; undefined for other tags and (reported) bad ones. */
function tagKeyword(
  ctx: SchemaContext,
  schema: JsonSchema,
  tag: ts.JSDocTag,
): { name: string; value: unknown } | undefined {
  const name = tag.tagName.text;
  const spec = TAG_SPECS[name];
  if (!spec) return undefined;
  const text = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
  if (!applies(ctx, spec.applies, schema, name, tag)) return undefined;
  const parsed = spec.parse(text, schemaTypes(schema)?.includes('string') ?? true);
  if (!parsed.ok) {
    report(
      ctx,
      'APPC270',
      `@${name} ${text}: expects ${parsed.expected}`,
      `Write @${name} followed by ${parsed.expected}.`,
      tag,
    );
    return undefined;
  }
  if (name === 'format' && !KNOWN_FORMATS.includes(parsed.value as string)) {
    const near = closestName(parsed.value as string, KNOWN_FORMATS);
    report(
      ctx,
      'APPC272',
      `@format ${text}: not a format the validators know`,
      `${near ? `Did you mean ${near}? ` : ''}Known formats: ${KNOWN_FORMATS.join(', ')}.`,
      tag,
    );
    return undefined;
  }
  return { name, value: parsed.value };
}

/** `@minimum 5 @maximum 1`: reported at the upper bound, and both left out. */
function dropCrossedBounds(ctx: SchemaContext, keywords: Record<string, unknown>, at: Record<string, ts.JSDocTag>) {
  for (const [low, high] of BOUNDS) {
    if (typeof keywords[low] === 'number' && typeof keywords[high] === 'number' && keywords[low] > keywords[high]) {
      report(
        ctx,
        'APPC273',
        `@${high} ${keywords[high]} is below @${low} ${keywords[low]}: no value can satisfy both`,
        `Make @${low} at most @${high}.`,
        at[high],
      );
      delete keywords[low];
      delete keywords[high];
    }
  }
}

/** Whether a tag applies to the schema's types; a reference or an unconstrained schema takes any tag. */
function applies(ctx: SchemaContext, target: TagTarget, schema: JsonSchema, name: string, tag: ts.JSDocTag): boolean {
  const types = schemaTypes(schema);
  if (target === 'any' || types === undefined) return true;
  const { types: wanted, noun } = TARGET_TYPES[target];
  if (types.some((t) => wanted.includes(t))) return true;
  const actual = types.filter((t) => t !== 'null').join(' | ') || 'null';
  report(
    ctx,
    'APPC271',
    `@${name} applies to ${noun}, and this is ${actual}`,
    `Remove @${name}, or put it on a property of a type it constrains.`,
    tag,
  );
  return false;
}

function schemaTypes(schema: JsonSchema): JsonSchemaType[] | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}
