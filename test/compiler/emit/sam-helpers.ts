/** Runs both emitters the way `appc package` does, with test defaults. */
import type { ResolvedConfig } from '../../../src/compiler/config/resolved-config';
import type { AppModel } from '../../../src/compiler/model/app-model';
import { emitSam, type PolicyInput, type SamInput } from '../../../src/compiler/emit/sam';
import { emitSwagger } from '../../../src/compiler/emit/swagger';
import { rolePolicyDocument } from '../../../src/compiler/policy/generated-policy';
import { resolvedConfig } from './builders';
import type { JsonDoc } from '../../support/json-doc';

export type Doc = Record<string, JsonDoc>;

export function samFor(
  model: AppModel,
  config: ResolvedConfig = resolvedConfig(model),
  extra: Partial<SamInput> = {},
): Doc {
  const policy: PolicyInput = { mode: 'autogen', document: rolePolicyDocument(model, config, []) };
  return emitSam({
    model,
    config,
    swagger: emitSwagger(model, config),
    appcVersion: '0.1.0',
    handlerModule: 'appc_entry',
    policy,
    ...extra,
  });
}
