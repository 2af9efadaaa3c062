import { ts } from '../typescript';
import { handlerNode } from '../handler';
import type { AppModel, SdkUsage } from '../../model/app-model';
import { CallSites } from './call-sites';
import { Reachability } from './reachability';
import { SdkCallFinder } from './sdk-call-finder';
import { SdkValues } from './sdk-values';
import { appNames } from './syntax';

export interface SdkAnalysisInput {
  checker: ts.TypeChecker;
  /** The app's own modules. */
  files: readonly ts.SourceFile[];
  /** The analysed app: its registered handlers are where requests and events enter. */
  model: Pick<AppModel, 'routes' | 'functions' | 'middleware'>;
  projectDir: string;
  /** `app.route(...)` and the other registrations, skipped as top-level code. */
  isRegistrationCall: (node: ts.Node) => boolean;
}

/**
 * Part of the analysis stage: the AWS SDK calls in code that can run (module top-level
 * code and everything registered handlers reach), as plain data for the policy stage.
 * Undefined when the app makes none; apps that never mention an AWS SDK cost nothing.
 *
 * The walk starts at the handler expressions the analysis described (`handlerNode`);
 * src/compiler/policy maps the plain result to IAM actions without reading TypeScript.
 */
export function analyzeSdkUsage(input: SdkAnalysisInput): SdkUsage | undefined {
  const { checker, files, model, projectDir } = input;
  if (!files.some((file) => file.text.includes('aws-sdk'))) return undefined;
  const names = appNames(files);
  const finder = new SdkCallFinder(
    new SdkValues(checker, new CallSites(checker, files, names.functions), names),
    projectDir,
  );
  const reachability = new Reachability(
    checker,
    (node) => finder.visit(node),
    input.isRegistrationCall,
    new Set(files),
    names.functions,
  );
  for (const file of files) reachability.addModule(file);
  for (const handler of [...model.routes, ...model.functions, ...(model.middleware ?? [])].map((r) => r.handler)) {
    const node = handlerNode(handler);
    if (node) reachability.addHandler(node);
  }
  reachability.run();
  const usage = finder.result();
  return usage.calls.length > 0 || usage.unresolved.length > 0 ? usage : undefined;
}
