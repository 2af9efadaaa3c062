/**
 * ts-morph's copy of TypeScript (the one compiler appc ships): its module exports the `ts`
 * namespace itself, typed by @ts-morph/common's declarations.
 */
declare module '@ts-morph/common/dist/typescript.js' {
  import { ts } from '@ts-morph/common';
  export = ts;
}
