import { warning, type Diagnostic } from '../diagnostics/diagnostic';
import { closestName } from './did-you-mean';
import type { JsonDocument } from './json-document';
import { DEFAULT_STAGE, type RawConfig } from './raw-config';

/**
 * APPC119: the stage being built has no block in `stages` although the file configures some. As in
 * Chalice the top-level settings apply, so the run goes on; but a typo (`--stage prdo`) would
 * otherwise package silently without the stage's settings. A file without `stages` warns nothing,
 * nor does the default stage: many projects configure only the stages they deploy.
 */
export function unknownStageDiagnostics(document: JsonDocument, raw: RawConfig, stage: string): Diagnostic[] {
  const stages = Object.keys(raw.stages ?? {});
  if (stage === DEFAULT_STAGE || stages.length === 0 || stages.includes(stage)) return [];
  const nearest = closestName(stage, stages);
  const listed = stages.map((name) => `'${name}'`).join(', ');
  return [
    warning(
      'APPC119',
      `stage '${stage}' is not in stages (${listed}); it gets the top-level settings only`,
      nearest
        ? `Did you mean --stage ${nearest}? Otherwise add '${stage}' to stages.`
        : `Pass one of ${listed} to --stage, or add '${stage}' to stages.`,
      document.locate(['stages'], 'key'),
    ),
  ];
}
