import { spawnSync } from 'node:child_process';

/** AWS's own tools the suite runs (the README's "Tests" says how to install them). */
export type ToolName = 'cfn-lint' | 'aws-sam-translator' | 'aws' | 'moto_server';

interface Probe {
  command: string;
  args: string[];
  install: string;
}

const PROBES: Record<ToolName, Probe> = {
  'cfn-lint': { command: 'cfn-lint', args: ['--version'], install: 'pip install cfn-lint' },
  // cfn-lint's managed-policy map is the translator's policy loader (sam-translate.py).
  'aws-sam-translator': {
    command: 'python3',
    args: ['-c', 'import samtranslator, cfnlint.data.Serverless'],
    install: 'pip install aws-sam-translator cfn-lint',
  },
  aws: { command: 'aws', args: ['--version'], install: 'pip install awscli' },
  moto_server: { command: 'moto_server', args: ['--help'], install: "pip install 'moto[server]'" },
};

const found = new Map<ToolName, string | undefined>();

/** Why the tool cannot run, or undefined when it can. */
export function toolProblem(tool: ToolName): string | undefined {
  if (!found.has(tool)) {
    const probe = PROBES[tool];
    const run = spawnSync(probe.command, probe.args, { encoding: 'utf8', timeout: 60000 });
    const problem = run.error
      ? `\`${probe.command}\` cannot be started (${run.error.message})`
      : run.status !== 0
        ? `\`${[probe.command, ...probe.args].join(' ')}\` exited ${run.status}: ${run.stderr.trim().split('\n').pop()}`
        : undefined;
    found.set(tool, problem && `${problem}; install it with \`${probe.install}\``);
  }
  return found.get(tool);
}

/**
 * Makes sure the tools can run before a test (or hook) that needs them. With CI=true a
 * missing tool fails the run; elsewhere the test is skipped, saying which tool and why.
 */
export function requireTools(context: Mocha.Context, tools: ToolName[], purpose: string): void {
  const problems = tools.flatMap((tool) => {
    const problem = toolProblem(tool);
    return problem ? [`${tool}: ${problem}`] : [];
  });
  if (problems.length > 0) missingTool(context, `${purpose} needs AWS's own tools, and ${problems.join('; ')}`);
}

/** A tool a test needs cannot run: with CI=true that fails the run; elsewhere the test is skipped, saying why. */
export function missingTool(context: Mocha.Context, message: string): never {
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: a missing tool fails the run)`);
  console.log(`      skipped: ${message}`);
  context.skip();
}
