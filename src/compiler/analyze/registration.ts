import type { ts } from './typescript';
import type { RegistrationMethod } from '../../runtime/registrations';

/** The registrations that add a Lambda function (all but `route`, `middleware` and `registerBlueprint`). */
export type FunctionMethod = Exclude<RegistrationMethod, 'route' | 'registerBlueprint' | 'middleware'>;

/** One registration call found as a top-level statement. */
export interface Registration<M extends RegistrationMethod = RegistrationMethod> {
  type: 'registration';
  method: M;
  call: ts.CallExpression;
  statement: ts.Statement;
  /** The App or Blueprint instance it registers on (its `const` declaration). */
  target: ts.VariableDeclaration;
  /** `const x = app.schedule(...)` -> `x`. */
  constName: string | null;
}

/** A top-level assignment or push to `app.debug` / `app.api.cors` / `app.api.binaryTypes`. */
export interface Setting {
  type: 'setting';
  setting: 'debug' | 'cors' | 'binaryTypes' | 'binaryTypes.push';
  value: ts.Expression[];
  target: ts.VariableDeclaration;
}

/** What the analyzer collects from a module's top-level statements, in evaluation order. */
export type CollectedItem = Registration | Setting;
