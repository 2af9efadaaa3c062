/** Every type -> JSON Schema diagnostic code with a one-line title (APPC260-APPC279 are reserved for it). */
export const SCHEMA_CODES = {
  APPC260: 'a function type has no JSON form',
  APPC261: 'a symbol has no JSON form',
  APPC262: 'a bigint has no JSON form',
  APPC263: 'a Date has no JSON form',
  APPC264: 'a class instance with methods has no JSON form',
  APPC265: 'a built-in object type (Map, Set, Promise, ...) has no JSON form',
  APPC266: 'a generic or conditional type is not resolved to a concrete type',
  APPC267: 'a type could not be resolved',
  APPC268: 'an anonymous type refers to itself',
  APPC269: 'an intersection has no JSON form',
  APPC270: 'a JSDoc constraint tag has a malformed value',
  APPC271: 'a JSDoc constraint tag does not apply to the type',
  APPC272: 'a @format names no known format',
  APPC273: 'JSDoc constraint tags contradict each other',
  APPC274: 'a query parameter has no query string form (an object, nested array, null)',
  APPC275: 'the query type of Request<TBody, TQuery> is not an object type',
} as const;

export type SchemaCode = keyof typeof SCHEMA_CODES;
