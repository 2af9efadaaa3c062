import { CheckWriter } from '../../../../src/compiler/package/check-writer';
import type { JsonSchema, SchemaDefinitions } from '../../../../src/compiler/model/json-schema';

/** The generated check of `schema` as a function: the problems it reports for a value. */
export function compileCheck(schema: JsonSchema, definitions: SchemaDefinitions = {}, root = '$') {
  const writer = new CheckWriter(definitions);
  const check = writer.check(schema, root);
  const source = `${writer.preamble()}\nreturn ${check};`;
  // The generated code, run as the bundle runs it.
  const fn = new Function('require', source)(require) as (value: unknown, problems: string[]) => void;
  return (value: unknown): string[] => {
    const problems: string[] = [];
    fn(value, problems);
    return problems;
  };
}
