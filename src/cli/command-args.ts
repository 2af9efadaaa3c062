import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from '../compiler/config/did-you-mean';
import { UsageError } from './usage';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: T; strict: true }>
>;

/**
 * `parseArgs` for one command, positionals allowed, whose mistakes are usage errors in appc's
 * words (Node's own messages quote unevenly and suggest `--` for a typo): an unknown option with
 * the nearest known one, an option missing its value, a flag given a value.
 * @example parseCommandArgs(['--stgae', 'prod'], { stage: { type: 'string' } }) // throws: did you mean --stage?
 */
export function parseCommandArgs<T extends Options>(args: string[], options: T): Parsed<T> {
  checkTokens(args, options);
  return parseArgs({ args, allowPositionals: true, options, strict: true });
}

function checkTokens(args: string[], options: Options): void {
  const { tokens } = parseArgs({ args, allowPositionals: true, options, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) throw unknownOption(token.rawName, options);
    if (option.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    if (option.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`${token.rawName} is a flag and takes no value (got ${token.rawName}=${token.value})`);
  }
}

function unknownOption(rawName: string, options: Options): UsageError {
  const names = Object.keys(options);
  const nearest = closestName(rawName.replace(/^-+/, ''), names);
  const hint = nearest ? `; did you mean --${nearest}?` : '';
  return new UsageError(`unknown option ${rawName}${hint}`);
}
