import { REGISTRATIONS, type RegistrationMethod } from '../../runtime/registrations';

/** How many arguments a registration takes: its leading argument, options, handler (src/runtime/registrations.ts). */
export function arity(method: RegistrationMethod): { min: number; max: number } {
  const spec = REGISTRATIONS[method];
  const min = ('leading' in spec ? 1 : 0) + (spec.optionsArgument === 'required' ? 1 : 0) + (spec.handler ? 1 : 0);
  return { min, max: spec.optionsArgument === 'optional' ? min + 1 : min };
}

/** The call as diagnostics show it: `app.route(path, [options,] handler)`. */
export function callShape(method: RegistrationMethod): string {
  const spec = REGISTRATIONS[method];
  const optional = spec.handler ? '[options,] handler' : '[options]';
  const handler = spec.handler ? ['handler'] : [];
  const rest =
    spec.optionsArgument === 'optional'
      ? [optional]
      : spec.optionsArgument === 'none'
        ? handler
        : ['options', ...handler];
  return `app.${method}(${['leading' in spec ? spec.leading : [], rest].flat().join(', ')})`;
}

/** Where the options are among `count` arguments; undefined when an optional options argument is left out. */
export function optionsIndex(method: RegistrationMethod, count: number): number | undefined {
  const spec = REGISTRATIONS[method];
  if (spec.optionsArgument === 'none') return undefined;
  if (spec.optionsArgument === 'optional' && count < arity(method).max) return undefined;
  return 'leading' in spec ? 1 : 0;
}
