import { checkProject } from './check-project';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics/diagnostic';
import { bundleTarget } from './config/lambda-runtimes';
import { emitSam } from './emit/sam';
import { functionRuntimes } from './emit/sam-plan';
import { serializeTemplate } from './emit/serialize-template';
import { emitSwagger } from './emit/swagger';
import { isYamlFile, mergeTemplates, readMergeTemplate } from './output/merge-template';
import { policyInput, resourcePolicy } from './output/policy-input';
import type { OutputFile } from './output/write-output';
import { buildDeploymentZip } from './package/build-deployment-zip';
import { startBundler } from './package/bundle-app';
import type { Exclusion } from './package/project-files';
import { appcVersion } from './version';

export interface PackageOptions {
  projectDir: string;
  stage: string;
  templateFormat: 'json' | 'yaml';
  /** `--merge-template`: a JSON or YAML template deep-merged over sam (it wins). */
  mergeTemplate?: string;
  /** `--typecheck`: fail on the app's type errors too. */
  typecheck?: boolean;
  /** OUT, so that it is never packed into deployment.zip (it may be inside lib/ or vendor/). */
  outDir?: string;
  /** The day Lambda's runtime calendar is checked against (the CLI passes the real date); default now. */
  today?: Date;
}

export interface PackageResult {
  /** The files of OUT, in memory; absent when there are errors. */
  files?: OutputFile[];
  diagnostics: Diagnostic[];
  timings: Array<[string, number]>;
  /** What deployment.zip left out of lib/, vendor/ and the dependencies, and why (`--verbose`). */
  excluded?: Exclusion[];
}

/** The handler module inside deployment.zip: SAM Handlers are `app.<LogicalId>`. */
const HANDLER_MODULE = 'app';

/**
 * `appc package`, stage by stage (nothing here writes to disk; `writeOutput` does):
 *   check    config + analysis + validation  -> AppModel, ResolvedConfig (see checkProject)
 *   policy   config, policy files            -> the roles' policy input
 *   emit     model + config                  -> swagger, sam (pure)
 *   zip      model + project files           -> deployment.zip bytes (esbuild bundle + dependencies)
 *   merge    --merge-template                -> final template text, JSON or YAML
 */
export async function packageProject(options: PackageOptions): Promise<PackageResult> {
  startBundler();
  const checked = checkProject({ ...options, today: options.today ?? new Date() });
  const timings = [...checked.timings];
  const { model, config } = checked;
  if (!model || !config) return { diagnostics: checked.diagnostics, timings };
  const policy = policyInput(options.projectDir, model, config);
  const apiPolicy = resourcePolicy(options.projectDir, config);
  const merge = options.mergeTemplate ? readMergeTemplate(options.mergeTemplate) : { diagnostics: [] };
  const diagnostics = [...checked.diagnostics, ...policy.diagnostics, ...apiPolicy.diagnostics, ...merge.diagnostics];
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), timings };

  let start = performance.now();
  const swagger = emitSwagger(model, config, { resourcePolicy: apiPolicy.policy });
  const sam = emitSam({
    model,
    config,
    swagger,
    appcVersion: appcVersion(),
    handlerModule: HANDLER_MODULE,
    policy: policy.policy,
  });
  const template = 'template' in merge && merge.template ? mergeTemplates(sam, merge.template) : sam;
  const yaml =
    options.templateFormat === 'yaml' || (options.mergeTemplate !== undefined && isYamlFile(options.mergeTemplate));
  // yaml is loaded only for YAML output (~50 ms saved on every JSON run).
  const files: OutputFile[] = [
    yaml
      ? { name: 'sam.yaml', data: (await import('yaml')).stringify(template, { aliasDuplicateObjects: false }) }
      : { name: 'sam.json', data: serializeTemplate(template) },
  ];
  if (model.routes.length > 0) files.push({ name: 'swagger.json', data: serializeTemplate(swagger) });
  timings.push(['Emitting the SAM template and swagger', performance.now() - start]);

  if (model.routes.length > 0 || model.functions.length > 0) {
    start = performance.now();
    const target = bundleTarget(functionRuntimes(model, config));
    const zip = await buildDeploymentZip({
      projectDir: options.projectDir,
      model,
      bundleAwsSdk: config.bundleAwsSdk,
      outDir: options.outDir,
      target,
    });
    timings.push(['Building deployment.zip', performance.now() - start]);
    diagnostics.push(...zip.diagnostics);
    if (hasErrors(zip.diagnostics))
      return { diagnostics: sortDiagnostics(diagnostics), timings, excluded: zip.excluded };
    files.push({ name: 'deployment.zip', data: zip.zip });
    return { files, diagnostics: sortDiagnostics(diagnostics), timings, excluded: zip.excluded };
  }
  return { files, diagnostics: sortDiagnostics(diagnostics), timings };
}
