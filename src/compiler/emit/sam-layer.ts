/**
 * `automatic_layer` (as in `chalice package`): `ManagedLayer`, the AWS::Serverless::LayerVersion
 * holding the production dependencies (layer-deployment.zip), shared by every function.
 */
import type { LambdaNodeRuntime } from '../config/lambda-runtimes';
import { ref, type JsonObject, type ResourceEntry } from './cfn';

export const MANAGED_LAYER_ID = 'ManagedLayer';

/** Chalice's layer: named `<app>-<stage>-managed-layer`, compatible with the runtimes the functions use. */
export function managedLayerEntry(
  appName: string,
  stage: string,
  runtimes: readonly LambdaNodeRuntime[],
): ResourceEntry {
  return {
    id: MANAGED_LAYER_ID,
    resource: {
      Type: 'AWS::Serverless::LayerVersion',
      Properties: {
        CompatibleRuntimes: [...new Set(runtimes)].sort(),
        ContentUri: './layer-deployment.zip',
        LayerName: `${appName}-${stage}-managed-layer`,
      },
    },
  };
}

/** A function's `Layers`: the managed layer first, then the configured ARNs, as Chalice lists them. */
export function functionLayers(managed: boolean, configured: readonly string[]): Array<string | JsonObject> {
  return [...(managed ? [ref(MANAGED_LAYER_ID)] : []), ...configured];
}
