import { REGISTRATIONS, type RegistrationMethod, type Registrations } from '../../src/runtime/registrations';

/** The options a registration needs: its required ones and the first of an exactly-one-of group. */
export function minimalOptions(method: RegistrationMethod): Record<string, unknown> {
  const spec: Registrations[RegistrationMethod] = REGISTRATIONS[method];
  const given = Object.entries(spec.options).filter(([, o]) => 'required' in o && o.required);
  const values = given.map(([key, o]) => [key, o.type === 'json' ? { source: ['aws.ec2'] } : `${key}-value`]);
  const oneOf = 'exactlyOneOf' in spec ? [[spec.exactlyOneOf[0], 'one-value']] : [];
  return Object.fromEntries([...values, ...oneOf]);
}
