/**
 * Type -> JSON Schema, construct by construct (README "Models"). Each case is an
 * app.ts (and the modules it imports) whose `interface Roots` lists the types to convert.
 */
export const CONSTRUCT_CASES: Record<string, Record<string, string>> = {
  primitives: {
    'app.ts': `interface Roots {
  Str: string; Num: number; Bool: boolean; Nul: null; Obj: object;
  Template: \`id-\${number}\`; Unknown: unknown; Any: any; Void: void; MaybeStr: string | undefined;
}`,
  },
  literals: {
    'app.ts': `interface Roots {
  One: 'only'; Num: 42; Yes: true;
  Priority: 'low' | 'medium' | 'high';
  Mixed: 'auto' | 0 | 100 | false;
  Nullable: 'a' | 'b' | null;
  Negative: -1 | 1;
}`,
  },
  enums: {
    'app.ts': `/** How urgent. */
enum Priority { Low = 'low', High = 'high', Medium = 'medium' }
enum Level { Debug, Info = 10, Warn }
interface Task { priority: Priority; level: Level; onlyHigh: Priority.High; maybe: Level | null }
interface Roots { Task: Task }`,
  },
  arrays: {
    'app.ts': `interface Item { id: string }
interface Roots {
  Strings: string[]; Numbers: Array<number>; Frozen: readonly boolean[];
  Grid: number[][]; Items: Item[]; Mixed: (string | number)[];
}`,
  },
  tuples: {
    'app.ts': `interface Roots {
  Pair: [string, number];
  Optional: [name: string, age?: number];
  Rest: [string, ...number[]];
  ReadonlyPair: readonly [boolean, null];
}`,
  },
  interfaces: {
    'app.ts': `/** Something with an id. */
interface Entity {
  /** Unique. */
  id: string;
  createdAt?: string;
}
interface Named { name: string }
/** A user. */
interface User extends Entity, Named { email: string; nickname?: string | undefined; age: number | undefined }
interface Roots { User: User; Entity: Entity }`,
  },
  aliases: {
    'app.ts': `type Point = { x: number; y: number };
type Shape = { kind: 'circle'; radius: number } | { kind: 'square'; side: number };
/** An e-mail address. @format email */
type Email = string;
/** @minItems 1 */
type Tags = string[];
type Alias = Point;
interface Contact { email: Email; tags: Tags; at: Alias }
interface Roots { Point: Point; Shape: Shape; Contact: Contact }`,
  },
  'object-literals': {
    'app.ts': `interface Roots {
  Inline: { name: string; address: { street: string; zip?: string }; empty: {} };
}`,
  },
  nullable: {
    'app.ts': `interface Todo { id: string }
interface Roots {
  Wrapper: { str: string | null; todo: Todo | null; list: string[] | null; flag: boolean | null; both: string | number | null };
  NullableTodo: Todo | null;
}`,
  },
  'index-signatures': {
    'app.ts': `interface Counts { [word: string]: number }
interface ByIndex { [i: number]: string }
interface HttpHeaders { host: string; [name: string]: string }
interface Roots {
  Counts: Counts; ByIndex: ByIndex; Headers: HttpHeaders;
  Scores: Record<string, number>; Fixed: Record<'a' | 'b', boolean>;
}`,
  },
  'mapped-types': {
    'app.ts': `interface Todo { id: string; title: string; done?: boolean }
interface Roots {
  Patch: Partial<Todo>; Full: Required<Todo>; Summary: Pick<Todo, 'id' | 'title'>; NoId: Omit<Todo, 'id'>; Frozen: Readonly<Todo>;
}`,
  },
  intersections: {
    'app.ts': `interface A { a: string }
interface B { b?: number }
type AB = A & B;
type UserId = string & { readonly __brand: 'UserId' };
interface Roots { AB: AB; Inline: A & { c: boolean }; Id: { id: UserId }; Text: Lowercase<string> & \`a\${string}\` }`,
  },
  unions: {
    'app.ts': `interface Cat { meow: boolean }
interface Dog { bark: boolean }
interface Roots {
  Pet: Cat | Dog; StrOrNum: string | number; BoolOrStr: boolean | string; Pets: (Cat | Dog)[];
}`,
  },
  generics: {
    'app.ts': `interface Todo { id: string }
/** A page of results. */
interface Page<T> { items: T[]; next?: string }
type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };
interface Roots {
  Todos: Page<Todo>; Names: Page<string>; Nested: Page<Page<Todo>>; Lists: Page<Todo[]>;
  Outcome: Result<Todo>; Both: { a: Page<Todo>; b: Page<Todo> };
}`,
  },
  recursion: {
    'app.ts': `interface Tree { value: number; children: Tree[] }
interface Folder { name: string; files: Doc[] }
interface Doc { name: string; parent: Folder }
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface Linked<T> { value: T; next: Linked<T> | null }
interface Roots { Tree: Tree; Folder: Folder; Json: Json; Linked: Linked<string> }`,
  },
  imports: {
    'models/todo.ts': `/** A todo. */
export interface Todo { id: string; owner: import('./user').User }`,
    'models/user.ts': `export interface User { name: string }`,
    'models/index.ts': `export * from './todo';\nexport { User as Person } from './user';`,
    'app.ts': `import { Todo, Person } from './models';
import type { Todo as Renamed } from './models/todo';
interface Roots { Todo: Todo; Person: Person; Renamed: Renamed[] }`,
  },
  dependencies: {
    'node_modules/shapes/package.json': '{"name":"shapes","version":"1.0.0","types":"index.d.ts"}',
    'node_modules/shapes/index.d.ts': `/** A point from a package. */
export interface Point { /** @minimum 0 */ x: number; y: number }
export declare type Polygon = { points: Point[] };`,
    'app.ts': `import type { Point, Polygon } from 'shapes';
interface Roots { Point: Point; Polygon: Polygon }`,
  },
  jsdoc: {
    'app.ts': `/**
 * A product.
 *
 * Sold by the unit.
 */
interface Product {
  /** The name. @minLength 1 @maxLength 80 @pattern ^[A-Za-z ]+$ */
  name: string;
  /**
   * Price in cents.
   * @minimum 0
   * @maximum 1000000
   * @multipleOf 5
   * @default 100
   * @example 2500
   */
  price: number;
  /** @minItems 1 @maxItems 10 @uniqueItems */
  tags: string[];
  /** @format uuid @example "0b7e1f4a-7c62-4b2e-9d1e-2f1f2a3b4c5d" */
  id: string;
  /** @default medium */
  size: 'small' | 'medium';
  /** @default {"a": [1, null]} */
  extra?: Record<string, unknown>;
  /** @uniqueItems false */
  codes: number[];
}
interface Roots { Product: Product }`,
  },
  roots: {
    'app.ts': `interface Todo { id: string }
interface Roots { Named: Todo; Optional: Todo | undefined; List: Todo[]; Nothing: unknown; NoBody: undefined; Str: string }`,
  },
  'class-data': {
    'app.ts': `class Point { x = 0; y?: number; #secret = 1; static origin = 0 }
interface Roots { Point: Point }`,
  },
};
