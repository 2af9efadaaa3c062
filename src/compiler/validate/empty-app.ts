import { error, type Diagnostic } from '../diagnostics/diagnostic';
import type { AppModel } from '../model/app-model';

/**
 * An app with no route and no function would give a template whose `Resources` is empty:
 * "the only required section is the Resources section, which must declare at least one
 * resource" (AWS CloudFormation User Guide, "Working with CloudFormation templates").
 */
export function validateNotEmpty(model: AppModel): Diagnostic[] {
  if (model.routes.length > 0 || model.functions.length > 0) return [];
  return [
    error(
      'APPC333',
      'the app registers no route and no function, so its template would have no resources, which CloudFormation rejects',
      "Register something, e.g. app.route('/', () => ({ hello: 'world' })); if you did, check that app.ts imports the module that registers it.",
      model.location,
    ),
  ];
}
