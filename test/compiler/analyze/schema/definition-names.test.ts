import { expect } from 'chai';
import { assignNames } from '../../../../src/compiler/analyze/schema/definition-names';
import { convertRoots } from './schema-program';

describe('type -> JSON Schema: definition names', () => {
  it('two different types with one name: the first declared keeps it, the other gets Name2, whatever the route order', () => {
    const files = (roots: string) => ({
      'a/todo.ts': 'export interface Todo { a: string }',
      'b/todo.ts': 'export interface Todo { b: number }',
      'app.ts': `import * as A from './a/todo';\nimport * as B from './b/todo';\ninterface Roots { ${roots} }`,
    });
    const first = convertRoots(files('X: A.Todo; Y: B.Todo'));
    const swapped = convertRoots(files('Y: B.Todo; X: A.Todo'));
    expect(Object.keys(first.definitions)).to.deep.equal(['Todo', 'Todo2']);
    expect(first.definitions.Todo.required).to.deep.equal(['a']);
    expect(first.definitions.Todo2.required).to.deep.equal(['b']);
    expect(swapped.definitions).to.deep.equal(first.definitions);
    expect(first.roots.map((r) => r.schema.$ref)).to.deep.equal(['#/definitions/Todo', '#/definitions/Todo2']);
    expect(swapped.roots.map((r) => r.schema.$ref)).to.deep.equal(['#/definitions/Todo2', '#/definitions/Todo']);
  });

  it('a suffixed name skips a name an app type already has', () => {
    const { definitions } = convertRoots({
      'a.ts': 'export interface Todo { a: string }',
      'b.ts': 'export interface Todo { b: string }',
      'app.ts':
        "import * as A from './a';\nimport * as B from './b';\ninterface Todo2 { c: string }\ninterface Roots { X: A.Todo; Y: B.Todo; Z: Todo2 }",
    });
    expect(Object.keys(definitions)).to.deep.equal(['Todo', 'Todo2', 'Todo3']);
    expect(definitions.Todo2.required).to.deep.equal(['c']);
    expect(definitions.Todo3.required).to.deep.equal(['b']);
  });

  it("an anonymous root takes the caller's name (alphanumeric), after any app type of that name", () => {
    const { definitions, roots } = convertRoots({
      'app.ts':
        'interface CreateTodoBody { x: string }\ninterface Roots { CreateTodoBody: { title: string }; Named: CreateTodoBody; create_todo_Response: string[] }',
    });
    expect(Object.keys(definitions)).to.deep.equal(['CreateTodoBody', 'CreateTodoBody2', 'createtodoResponse']);
    expect(roots.map((r) => r.schema.$ref)).to.deep.equal([
      '#/definitions/CreateTodoBody2',
      '#/definitions/CreateTodoBody',
      '#/definitions/createtodoResponse',
    ]);
  });

  it('generic instantiations concatenate their arguments, two instantiations of one argument name are told apart', () => {
    const { definitions } = convertRoots({
      'a.ts': 'export interface Todo { a: string }',
      'b.ts': 'export interface Todo { b: string }',
      'app.ts':
        "import * as A from './a';\nimport * as B from './b';\ninterface Page<T> { items: T[] }\ntype Pair<K, V> = { k: K; v: V };\n" +
        "interface Roots { X: Page<A.Todo>; Y: Page<B.Todo>; Z: Pair<'on' | 'off', number[]>; W: Page<Record<string, A.Todo>> }",
    });
    expect(Object.keys(definitions)).to.deep.equal([
      'PageRecordStringTodo',
      'PageTodo',
      'PageTodo2',
      'PairOffOrOnNumberArray',
      'Todo',
      'Todo2',
    ]);
    expect(definitions.PageTodo.properties!.items).to.deep.equal({
      type: 'array',
      items: { $ref: '#/definitions/Todo' },
    });
    expect(definitions.PageTodo2.properties!.items).to.deep.equal({
      type: 'array',
      items: { $ref: '#/definitions/Todo2' },
    });
  });

  it('the output is the same for the same program, key order included', () => {
    const files = {
      'app.ts':
        "interface B { z: string; a: number }\ninterface A { b: B; list: B[] }\ninterface Roots { A: A; Lit: 'z' | 'a' }",
    };
    const once = JSON.stringify(convertRoots(files).definitions);
    expect(JSON.stringify(convertRoots(files).definitions)).to.equal(once);
    expect(Object.keys(JSON.parse(once))).to.deep.equal(['A', 'B', 'Lit']);
    expect(Object.keys(JSON.parse(once).B.properties)).to.deep.equal(['z', 'a']);
  });

  it('literal members keep their written order even when the program met them in another order', () => {
    const { definitions } = convertRoots({
      'app.ts': "declare const early: 'high';\ninterface Roots { P: { p: 'low' | 'high' } }",
    });
    expect(definitions.P.properties!.p.enum).to.deep.equal(['low', 'high']);
  });

  it('assignNames: groups by base name, orders each group by its key', () => {
    expect(
      assignNames([
        { base: 'A', order: '2' },
        { base: 'A', order: '1' },
        { base: 'A2', order: '0' },
        { base: 'B', order: '0' },
      ]),
    ).to.deep.equal(['A3', 'A', 'A2', 'B']);
  });
});
