import type { AppModel } from '../model/app-model';
import { error, type Diagnostic } from '../diagnostics/diagnostic';
import { baseMimeType } from '../../runtime/binary';
import { optionLocation } from './part-locations';
import { quoteList } from './wording';

/** Chalice's `validate_route_content_types`: a route's content types are all binary or all not. */
export function validateContentTypes(model: AppModel): Diagnostic[] {
  const binary = new Set(model.binaryTypes.map(baseMimeType));
  return model.routes.flatMap((route) => {
    const isBinary = (type: string) => binary.has(baseMimeType(type));
    const binaryTypes = route.contentTypes.filter(isBinary);
    const textTypes = route.contentTypes.filter((type) => !isBinary(type));
    if (binaryTypes.length === 0 || textTypes.length === 0) return [];
    return [
      error(
        'APPC314',
        `route '${route.path}' accepts binary content types [${quoteList(binaryTypes)}] and non-binary ones [${quoteList(textTypes)}]`,
        'Register binary and non-binary content types on separate routes, or add all of them to app.api.binaryTypes.',
        optionLocation(route, 'contentTypes'),
      ),
    ];
  });
}
