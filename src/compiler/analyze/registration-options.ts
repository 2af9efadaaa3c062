import {
  REGISTRATIONS,
  type OptionSpec,
  type OptionType,
  type RegistrationMethod,
  type Registrations,
} from '../../runtime/registrations';
import { assertNever } from '../assert-never';
import type { Options } from './options';

type Specs<M extends RegistrationMethod> = Registrations[M]['options'];

type ValueOf<T extends OptionType> = T extends 'string'
  ? string
  : T extends 'number'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'strings'
        ? string[]
        : unknown;

/** A registration's options as read: defaulted options always have a value, the others may be undefined. */
export type OptionValues<M extends RegistrationMethod> = {
  [K in keyof Specs<M>]: Specs<M>[K] extends { type: infer T extends OptionType }
    ? ValueOf<T> | (Specs<M>[K] extends { default: unknown } ? never : undefined)
    : never;
};

/**
 * Reads every option of `method` in the table's order: a value of the option's type (a wrong
 * type is reported), else its default, else undefined (reported when the option is required).
 */
export function readOptions<M extends RegistrationMethod>(method: M, options: Options): OptionValues<M> {
  const values: Record<string, unknown> = {};
  for (const [key, spec] of specEntries(method)) values[key] = readOption(options, key, spec);
  return values as never;
}

/** Each method's option specs as entries, listed once: every registration reads them. */
const entriesByMethod = new Map<RegistrationMethod, ReadonlyArray<[string, OptionSpec]>>();

function specEntries(method: RegistrationMethod): ReadonlyArray<[string, OptionSpec]> {
  let entries = entriesByMethod.get(method);
  if (!entries) {
    const specs: Readonly<Record<string, OptionSpec>> = REGISTRATIONS[method].options;
    entriesByMethod.set(method, (entries = Object.entries(specs)));
  }
  return entries;
}

function readOption(options: Options, key: string, spec: OptionSpec): unknown {
  const value = readTyped(options, key, spec.type);
  if (value !== undefined) return value;
  if (spec.default !== undefined) return Array.isArray(spec.default) ? [...spec.default] : spec.default;
  return spec.required ? options.missing(key) : undefined;
}

function readTyped(options: Options, key: string, type: OptionType): unknown {
  switch (type) {
    case 'string':
      return options.string(key);
    case 'number':
      return options.number(key);
    case 'boolean':
      return options.boolean(key);
    case 'strings':
      return options.strings(key);
    // Checked where they are used: an authorizer or CORS value is a runtime object, a pattern any JSON.
    case 'cors':
    case 'authorizer':
    case 'json':
      return options.raw(key);
    default:
      return assertNever(type);
  }
}
