/** Ends an exhaustive `switch`: the compiler proves it unreachable. */
export function assertNever(value: never): never {
  throw new Error(`appc internal error: unexpected value ${JSON.stringify(value)}`);
}
