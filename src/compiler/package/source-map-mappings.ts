/**
 * The `mappings` field of a source map (revision 3): segments of base-64 VLQ numbers, `,` between the
 * segments of a generated line and `;` between lines. https://tc39.es/ecma426/#sec-mappings
 */

/** One segment: a generated column (0-based) mapped to a line and column (0-based) of source 0. */
export interface Segment {
  generatedColumn: number;
  originalLine: number;
  originalColumn: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One signed number as base-64 VLQ: the sign in the lowest bit, then 5 bits a digit, a continuation bit above. */
export function encodeVlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let text = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    text += BASE64[digit];
  } while (rest > 0);
  return text;
}

/**
 * The mappings of a single-source map from each generated line's segments (in column order): each field is relative
 * to the same field of the previous segment, the generated column restarting at each line.
 * @example encodeMappings([[{ generatedColumn: 0, originalLine: 0, originalColumn: 0 }]]) // 'AAAA'
 */
export function encodeMappings(lines: readonly (readonly Segment[])[]): string {
  let line = 0;
  let column = 0;
  return lines
    .map((segments) => {
      let generated = 0;
      return segments
        .map((segment) => {
          const text =
            encodeVlq(segment.generatedColumn - generated) +
            encodeVlq(0) +
            encodeVlq(segment.originalLine - line) +
            encodeVlq(segment.originalColumn - column);
          generated = segment.generatedColumn;
          line = segment.originalLine;
          column = segment.originalColumn;
          return text;
        })
        .join(',');
    })
    .join(';');
}

/** The numbers of one segment's base-64 VLQ text. */
function decodeVlqs(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

/**
 * `mappings` without the segments' name field (the fifth). Each field is relative to the same field of the previous
 * segment, so the others keep their values.
 * @example dropNames('AAAAA,CAACC') // 'AAAA,CAAC'
 */
export function dropNames(mappings: string): string {
  return mappings
    .split(';')
    .map((line) =>
      line
        .split(',')
        .map((segment) => (segment === '' ? '' : decodeVlqs(segment).slice(0, 4).map(encodeVlq).join('')))
        .join(','),
    )
    .join(';');
}
