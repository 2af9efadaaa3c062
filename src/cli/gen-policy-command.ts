import { generateProjectPolicy } from '../compiler/compile';
import { appFileDiagnostic } from './app-file';
import { printDiagnostics } from './print-diagnostics';
import { serializeTemplate } from '../compiler/emit/serialize-template';
import { parseCommandArgs } from './command-args';
import type { Io } from './package-command';
import { projectDirOption, stageOption, UsageError } from './usage';

export const GEN_POLICY_HELP = `Usage: appc gen-policy [options]

Prints the IAM policy appc generates for the app: the actions of the AWS SDK calls that
registered handlers and module top-level code can reach, then CloudWatch Logs and what the
stage's VPC, X-Ray and event sources need. It is the DefaultRole's policy of \`appc package\`,
whatever .appc/config.json says about roles, so it can seed .appc/policy-<stage>.json.
Diagnostics (calls appc cannot map) go to stderr.

Options:
  --stage NAME          stage of .appc/config.json (default: dev)
  --project-dir DIR     the project directory (default: .)
  -h, --help            show this help
`;

/** `appc gen-policy`: the policy JSON on stdout; returns the exit code (0 ok, 1 project errors). */
export async function genPolicyCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    stage: { type: 'string', default: 'dev' },
    'project-dir': { type: 'string', default: '.' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(GEN_POLICY_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`appc gen-policy takes no arguments (got ${positionals.join(' ')})`);
  const projectDir = projectDirOption(values['project-dir']);

  const appFile = appFileDiagnostic(projectDir);
  if (appFile) {
    printDiagnostics(io.stderr, projectDir, [appFile]);
    return 1;
  }
  const { document, diagnostics } = generateProjectPolicy({ projectDir, stage: stageOption(values.stage) });
  if (diagnostics.length > 0) printDiagnostics(io.stderr, projectDir, diagnostics);
  if (!document) return 1;
  io.stdout.write(serializeTemplate(document));
  return 0;
}
