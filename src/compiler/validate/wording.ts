/** `'a', 'b', 'c'` for messages. */
export function quoteList(words: readonly string[]): string {
  return words.map((w) => `'${w}'`).join(', ');
}
