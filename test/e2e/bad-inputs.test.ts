import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { ERROR_FIXTURES_DIR, errorFixtures, FIXTURES_DIR } from '../support/fixtures';
import { runMain } from '../support/run-main';

/**
 * The generated bad-input suite (issue 11): tables of broken command lines, configs, policy files,
 * apps, file system layouts and injected file system faults, each run through the command line in
 * this process. Every variant must end with exit 1 or 2, an APPCnnn diagnostic (or the usage text)
 * that names a location, a path or the argument, no "internal error", no stack trace, and OUT
 * byte-identical to what it was, with nothing left beside it.
 */

interface Case {
  /** The project (a copy of fixtures/hello), OUT (holding a previous output) and their temp directory. */
  project: string;
  out: string;
  dir: string;
}

interface Variant {
  name: string;
  /** The diagnostic code the output must hold; `usage` for the usage text (unknown options and the like). */
  code: `APPC${number}` | 'usage' | RegExp;
  exit: 1 | 2;
  /** Breaks the case; returns the command line (default: package OUT --project-dir project). */
  arrange(c: Case): string[] | void;
  /** An fs call that fails while the command runs. */
  fault?: Fault;
}

interface Fault {
  method:
    | 'mkdtempSync'
    | 'writeFileSync'
    | 'renameSync'
    | 'mkdirSync'
    | 'readFileSync'
    | 'openSync'
    | 'readdirSync'
    | 'statSync'
    | 'realpathSync';
  /** Which call: its first argument ends with this. */
  suffix: string;
  errno: string;
}

const write = (file: string, text: string | Buffer) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const config = (c: Case, text: string) => write(path.join(c.project, '.appc', 'config.json'), text);
const appTs = (c: Case, text: string) => write(path.join(c.project, 'app.ts'), text);
const nested = (depth: number, open: string, close: string, inner = '1') =>
  open.repeat(depth) + inner + close.repeat(depth);

// ---------------------------------------------------------------- command-line arguments
const OUT_ARGS: Array<[string, `APPC${number}`, (c: Case) => string]> = [
  ['OUT empty', 'APPC440', () => ''],
  ['OUT blank', 'APPC440', () => '   '],
  ['OUT a file', 'APPC441', (c) => (write(path.join(c.dir, 'file'), 'x'), path.join(c.dir, 'file'))],
  ['OUT below a file', 'APPC441', (c) => (write(path.join(c.dir, 'file'), 'x'), path.join(c.dir, 'file', 'out'))],
  [
    'OUT two levels below a file',
    'APPC441',
    (c) => (write(path.join(c.dir, 'file'), 'x'), path.join(c.dir, 'file', 'a', 'b')),
  ],
  ['OUT the project directory', 'APPC442', (c) => c.project],
  ['OUT the project directory with a trailing slash', 'APPC442', (c) => `${c.project}/`],
  ['OUT the project directory via ..', 'APPC442', (c) => path.join(c.project, 'lib', '..')],
  ['OUT the parent of the project', 'APPC442', (c) => c.dir],
  ['OUT the file system root', 'APPC442', () => '/'],
  [
    'OUT a symlink to the project',
    'APPC442',
    (c) => (fs.symlinkSync(c.project, path.join(c.dir, 'link')), path.join(c.dir, 'link')),
  ],
  [
    'OUT a symlink to a file',
    'APPC441',
    (c) => (
      write(path.join(c.dir, 'file'), 'x'),
      fs.symlinkSync(path.join(c.dir, 'file'), path.join(c.dir, 'link')),
      path.join(c.dir, 'link')
    ),
  ],
  ['OUT holding a foreign file', 'APPC443', (c) => (write(path.join(c.out, 'notes.txt'), 'mine'), c.out)],
  ['OUT holding a foreign directory', 'APPC443', (c) => (fs.mkdirSync(path.join(c.out, 'assets')), c.out)],
  ['OUT holding a dot file', 'APPC443', (c) => (write(path.join(c.out, '.DS_Store'), ''), c.out)],
  [
    'OUT/deployment.zip a directory',
    'APPC443',
    (c) => (fs.rmSync(path.join(c.out, 'deployment.zip')), fs.mkdirSync(path.join(c.out, 'deployment.zip')), c.out),
  ],
  [
    'OUT/sam.json a directory',
    'APPC443',
    (c) => (fs.rmSync(path.join(c.out, 'sam.json')), fs.mkdirSync(path.join(c.out, 'sam.json')), c.out),
  ],
  [
    'OUT/sam.json a symlink',
    'APPC443',
    (c) => (
      fs.rmSync(path.join(c.out, 'sam.json')),
      fs.symlinkSync('/etc/hostname', path.join(c.out, 'sam.json')),
      c.out
    ),
  ],
  [
    'OUT/swagger.json a dangling symlink',
    'APPC443',
    (c) => (
      fs.rmSync(path.join(c.out, 'swagger.json')),
      fs.symlinkSync(path.join(c.dir, 'nowhere'), path.join(c.out, 'swagger.json')),
      c.out
    ),
  ],
];

const STAGES = [
  '',
  '../../evil',
  '../../../../evil',
  'a/b',
  'a b',
  'dev.',
  '.',
  '..',
  'é',
  'dev\n',
  'dev;rm -rf',
  '$(id)',
  'x'.repeat(129),
  'prod\u0000',
  '-'.repeat(200),
];

const BAD_ARGS: Array<[string, string[] | ((c: Case) => string[]), `APPC${number}` | 'usage']> = [
  ['no OUT', ['package'], 'usage'],
  ['two OUTs', (c) => ['package', c.out, path.join(c.dir, 'other'), '--project-dir', c.project], 'usage'],
  ['an unknown option', (c) => ['package', c.out, '--project-dir', c.project, '--frobnicate'], 'usage'],
  ['an unknown command', ['frobnicate'], 'usage'],
  ['--template-format xml', (c) => ['package', c.out, '--project-dir', c.project, '--template-format', 'xml'], 'usage'],
  ['--template-format empty', (c) => ['package', c.out, '--project-dir', c.project, '--template-format', ''], 'usage'],
  [
    '--template-format JSON',
    (c) => ['package', c.out, '--project-dir', c.project, '--template-format', 'JSON'],
    'usage',
  ],
  ['--stage without a value', (c) => ['package', c.out, '--project-dir', c.project, '--stage'], 'usage'],
  ['--merge-template empty', (c) => ['package', c.out, '--project-dir', c.project, '--merge-template', ''], 'APPC451'],
  ['--project-dir missing', (c) => ['package', c.out, '--project-dir', path.join(c.dir, 'nowhere')], 'usage'],
  [
    '--project-dir a file',
    (c) => (write(path.join(c.dir, 'file'), 'x'), ['package', c.out, '--project-dir', path.join(c.dir, 'file')]),
    'usage',
  ],
  ['--project-dir empty', (c) => ['package', c.out, '--project-dir', ''], 'usage'],
  ['gen-policy with an argument', (c) => ['gen-policy', 'extra', '--project-dir', c.project], 'usage'],
  ['gen-policy --stage ../x', (c) => ['gen-policy', '--stage', '../x', '--project-dir', c.project], 'APPC446'],
  [
    'local --stage with a slash',
    (c) => ['local', '--stage', 'a/b', '--project-dir', c.project, '--port', '0'],
    'APPC446',
  ],
  ['new-project with an empty name', ['new-project', ''], 'usage'],
  ['new-project with a path as the name', ['new-project', '../../evil'], 'usage'],
  ['generate-pipeline without OUT', ['generate-pipeline'], 'usage'],
  [
    'generate-pipeline --stage empty',
    (c) => ['generate-pipeline', path.join(c.dir, 'pipeline.json'), '--stage', ''],
    'usage',
  ],
];

// ---------------------------------------------------------------- .appc/config.json
const CONFIG_SYNTAX: Array<[string, string]> = [
  ['empty', ''],
  ['only spaces', '   \n'],
  ['an open brace', '{'],
  ['a close brace', '}'],
  ['an open bracket', '['],
  ['a trailing comma in an object', '{"version": "2.0",}'],
  ['a trailing comma in an array', '{"layers": ["a",]}'],
  ['a line comment', '{\n// dev\n"version": "2.0"}'],
  ['a block comment', '{/* dev */ "version": "2.0"}'],
  ['single quotes', "{'version': '2.0'}"],
  ['an unquoted key', '{version: "2.0"}'],
  ['NaN', '{"lambda_timeout": NaN}'],
  ['Infinity', '{"lambda_timeout": -Infinity}'],
  ['a missing colon', '{"version" "2.0"}'],
  ['a missing comma', '{"version": "2.0" "app_name": "x"}'],
  ['a raw tab in a string', '{"app_name": "a\tb"}'],
  ['a bad escape', '{"app_name": "a\\qb"}'],
  ['an unterminated string', '{"app_name": "abc'],
  ['text after the value', '{"version": "2.0"} x'],
  ['two objects', '{}{}'],
  ['a leading zero', '{"lambda_timeout": 030}'],
  ['a hex number', '{"lambda_timeout": 0x1e}'],
  ['undefined', '{"app_name": undefined}'],
  ['binary garbage', '\u0000\u0001\u0002\uffff'],
  ['a BOM and garbage', '\ufeff{,}'],
];

const CONFIG_SCHEMA: Array<[string, unknown, `APPC${number}`]> = [
  ['not an object (array)', [], 'APPC103'],
  ['not an object (number)', 42, 'APPC103'],
  ['not an object (string)', 'dev', 'APPC103'],
  ['null', null, 'APPC103'],
  ['a newer version', { version: '3.0' }, 'APPC104'],
  ['a numeric version', { version: 2 }, 'APPC103'],
  ['app_name a number', { app_name: 42 }, 'APPC103'],
  ['stages an array', { stages: [] }, 'APPC103'],
  ['a stage named ../evil', { stages: { '../evil': {} } }, 'APPC103'],
  ['a stage named empty', { stages: { '': {} } }, 'APPC103'],
  ['a stage named with a space', { stages: { 'a b': {} } }, 'APPC103'],
  ['a stage name of 129 characters', { stages: { ['x'.repeat(129)]: {} } }, 'APPC103'],
  ['a stage that is a string', { stages: { dev: 'x' } }, 'APPC103'],
  ['lambda_memory_size 64', { lambda_memory_size: 64 }, 'APPC103'],
  ['lambda_memory_size "256"', { lambda_memory_size: '256' }, 'APPC103'],
  ['lambda_memory_size 1e9', { lambda_memory_size: 1e9 }, 'APPC103'],
  ['lambda_timeout 0', { lambda_timeout: 0 }, 'APPC103'],
  ['lambda_timeout 901', { lambda_timeout: 901 }, 'APPC103'],
  ['lambda_timeout 1.5', { lambda_timeout: 1.5 }, 'APPC103'],
  ['reserved_concurrency -5', { reserved_concurrency: -5 }, 'APPC103'],
  ['xray "yes"', { xray: 'yes' }, 'APPC103'],
  ['a tag value that is a number', { tags: { team: 1 } }, 'APPC103'],
  ['a tag key aws:x', { tags: { 'aws:x': 'y' } }, 'APPC103'],
  ['an environment variable named 1A', { environment_variables: { '1A': 'x' } }, 'APPC103'],
  ['an environment variable that is a number', { environment_variables: { A1: 1 } }, 'APPC103'],
  ['an environment variable that is an object', { environment_variables: { A1: { deep: true } } }, 'APPC103'],
  ['layers a string', { layers: 'arn' }, 'APPC103'],
  ['an unknown key', { frobnicate: true }, 'APPC102'],
  ['a misspelt key', { lambda_memmory_size: 256 }, 'APPC102'],
  [
    'a Chalice-only key',
    { stages: { dev: { iam_policy_file: 'p.json', lambda_functions: { x: { invalid_key: 1 } } } } },
    'APPC102',
  ],
  ['an endpoint type PUBLIC', { api_gateway_endpoint_type: 'PUBLIC' }, 'APPC103'],
  ['subnets without security groups', { subnet_ids: ['subnet-1'] }, 'APPC106'],
  ['manage_iam_role false without a role', { manage_iam_role: false }, 'APPC105'],
  ['PRIVATE without a vpce or policy', { api_gateway_endpoint_type: 'PRIVATE' }, 'APPC108'],
  [
    'a vpce on a REGIONAL endpoint',
    { api_gateway_endpoint_type: 'REGIONAL', api_gateway_endpoint_vpce: 'vpce-1' },
    'APPC107',
  ],
  ['lambda_functions an array', { lambda_functions: [] }, 'APPC103'],
  ['iam_policy_file leaving the project', { autogen_policy: false, iam_policy_file: '../../etc/passwd' }, 'APPC114'],
  ['iam_policy_file absolute', { autogen_policy: false, iam_policy_file: '/etc/passwd' }, 'APPC114'],
  [
    'a stage iam_policy_file leaving the project',
    { stages: { dev: { autogen_policy: false, iam_policy_file: '../../../x.json' } } },
    'APPC114',
  ],
  [
    'a function iam_policy_file leaving the project',
    { lambda_functions: { api_handler: { iam_policy_file: '../../x.json' } } },
    'APPC114',
  ],
  [
    'api_gateway_policy_file leaving .appc',
    { api_gateway_endpoint_type: 'PRIVATE', api_gateway_policy_file: '../app.ts' },
    'APPC114',
  ],
  ['api_gateway_policy_file absolute', { api_gateway_policy_file: '/etc/passwd' }, 'APPC114'],
  ['iam_policy_file empty', { iam_policy_file: '' }, 'APPC103'],
];

const CONFIG_DEPTH: Array<[string, string]> = [
  ['101 nested arrays', `{"layers": ${nested(101, '[', ']')}}`],
  ['800 nested arrays', nested(800, '[', ']')],
  ['800 nested objects in a stage', `{"stages": {"dev": ${nested(800, '{"a": ', '}')}}}`],
  ['100,000 nested arrays', nested(100_000, '[', ']')],
  ['100,000 nested objects', nested(100_000, '{"a":', '}')],
  ['100,000 unclosed brackets', '['.repeat(100_000)],
];

const CONFIG_FILES: Array<[string, (c: Case) => void]> = [
  [
    'config.json a directory',
    (c) => void fs.mkdirSync(path.join(c.project, '.appc', 'config.json'), { recursive: true }),
  ],
  ['.appc a file', (c) => write(path.join(c.project, '.appc'), '{}')],
  [
    'config.json a symlink loop',
    (c) => (
      fs.mkdirSync(path.join(c.project, '.appc')),
      fs.symlinkSync('config.json', path.join(c.project, '.appc', 'config.json'))
    ),
  ],
];

// ---------------------------------------------------------------- policy files (autogen_policy: false)
const POLICY_FILES: Array<[string, `APPC${number}`, (c: Case) => void]> = [
  ['the default policy file missing', 'APPC407', () => undefined],
  ['the policy file empty', 'APPC408', (c) => write(path.join(c.project, '.appc', 'policy-dev.json'), '')],
  [
    'the policy file not JSON',
    'APPC408',
    (c) => write(path.join(c.project, '.appc', 'policy-dev.json'), '{"Statement": ['),
  ],
  [
    'the policy file without statements',
    'APPC408',
    (c) => write(path.join(c.project, '.appc', 'policy-dev.json'), '{"Version": "2012-10-17", "Statement": []}'),
  ],
  [
    'the policy file nested 800 deep',
    'APPC113',
    (c) => write(path.join(c.project, '.appc', 'policy-dev.json'), `{"Statement": ${nested(800, '[', ']', '{}')}}`),
  ],
  [
    'the policy file nested 100,000 deep',
    'APPC113',
    (c) =>
      write(
        path.join(c.project, '.appc', 'policy-dev.json'),
        `{"Statement": [{"Condition": ${nested(100_000, '{"a":', '}')}}]}`,
      ),
  ],
  ['the policy file a directory', 'APPC447', (c) => fs.mkdirSync(path.join(c.project, '.appc', 'policy-dev.json'))],
  [
    'the policy file a symlink to /etc/passwd',
    'APPC447',
    (c) => fs.symlinkSync('/etc/passwd', path.join(c.project, '.appc', 'policy-dev.json')),
  ],
  [
    'the policy file a symlink out of the project',
    'APPC447',
    (c) => (
      write(path.join(c.dir, 'outside.json'), '{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}'),
      fs.symlinkSync(path.join(c.dir, 'outside.json'), path.join(c.project, '.appc', 'policy-dev.json'))
    ),
  ],
  [
    'the policy file a symlink loop',
    'APPC447',
    (c) => fs.symlinkSync('policy-dev.json', path.join(c.project, '.appc', 'policy-dev.json')),
  ],
];

// ---------------------------------------------------------------- app.ts
/** Nesting the analyzer cannot follow: its own diagnostic, or APPC450 (the stack ran out) until it has one. */
const DEEP = /APPC2\d\d|APPC450/;
const APPS: Array<[string, `APPC${number}` | RegExp, (c: Case) => void]> = [
  [
    'app.ts a directory',
    'APPC448',
    (c) => (fs.rmSync(path.join(c.project, 'app.ts')), fs.mkdirSync(path.join(c.project, 'app.ts'))),
  ],
  [
    'app.ts a symlink loop',
    'APPC448',
    (c) => (fs.rmSync(path.join(c.project, 'app.ts')), fs.symlinkSync('app.ts', path.join(c.project, 'app.ts'))),
  ],
  [
    'app.ts a symlink to a directory',
    'APPC448',
    (c) => (fs.rmSync(path.join(c.project, 'app.ts')), fs.symlinkSync('/etc', path.join(c.project, 'app.ts'))),
  ],
  ['app.ts missing', 'APPC201', (c) => fs.rmSync(path.join(c.project, 'app.ts'))],
  ['app.ts empty', 'APPC210', (c) => appTs(c, '')],
  ['app.ts binary garbage', 'APPC2', (c) => appTs(c, '\u0000\u0001\u0002 {{{')],
  [
    'app.ts an unclosed call',
    'APPC2',
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route('/', () => ({})\n",
      ),
  ],
  [
    'a route path from a function call',
    'APPC2',
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route(String(Date.now()), () => ({}));\n",
      ),
  ],
  [
    'a route path without a leading slash',
    'APPC3',
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route('hello', () => ({}));\n",
      ),
  ],
  [
    'a duplicate route',
    'APPC3',
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route('/', () => ({}));\napp.route('/', () => ({}));\n",
      ),
  ],
  [
    'an unknown method',
    'APPC3',
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route('/', { methods: ['FETCH'] }, () => ({}));\n",
      ),
  ],
  [
    'an app name that is a number',
    'APPC2',
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nexport const app = new App({ appName: 42 });\napp.route('/', () => ({}));\n",
      ),
  ],
  [
    'a const nested 800 deep as a route path',
    DEEP,
    (c) =>
      appTs(
        c,
        `import { App } from 'appc';\nconst p = ${nested(800, '[', '][0]', "'/'")};\nexport const app = new App({ appName: 'x' });\napp.route(p, () => ({}));\n`,
      ),
  ],
  [
    'a string concatenation 5,000 terms long',
    DEEP,
    (c) =>
      appTs(
        c,
        `import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route('/' + ${Array(5000).fill("'a'").join(' + ')}, () => ({}));\n`,
      ),
  ],
  [
    '800 nested blocks around a route',
    DEEP,
    (c) =>
      appTs(
        c,
        `import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\n${nested(800, 'if (true) { ', ' }', "app.route('/', () => ({}));")}\n`,
      ),
  ],
  [
    '100,000 nested parentheses',
    DEEP,
    (c) =>
      appTs(
        c,
        `import { App } from 'appc';\nexport const app = new App({ appName: 'x' });\napp.route(${nested(100_000, '(', ')', "'/'")}, () => ({}));\n`,
      ),
  ],
  [
    'an import of a missing module',
    'APPC401',
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nimport { x } from './lib/missing';\nexport const app = new App({ appName: 'x' });\napp.route('/', () => ({ x }));\n",
      ),
  ],
];

// ---------------------------------------------------------------- injected file system faults
const OTHER_COMMANDS: Array<[string, `APPC${number}`, (c: Case) => string[]]> = [
  [
    'generate-pipeline OUT below a file',
    'APPC449',
    (c) => (write(path.join(c.dir, 'file'), 'x'), ['generate-pipeline', path.join(c.dir, 'file', 'pipeline.json')]),
  ],
  ['generate-pipeline OUT a directory', 'APPC449', (c) => ['generate-pipeline', c.out]],
  [
    'gen-policy on app.ts a directory',
    'APPC448',
    (c) => (
      fs.rmSync(path.join(c.project, 'app.ts')),
      fs.mkdirSync(path.join(c.project, 'app.ts')),
      ['gen-policy', '--project-dir', c.project]
    ),
  ],
  [
    'gen-policy on a config nested 100,000 deep',
    'APPC113',
    (c) => (config(c, nested(100_000, '[', ']')), ['gen-policy', '--project-dir', c.project]),
  ],
  [
    'local on app.ts a directory',
    'APPC448',
    (c) => (
      fs.rmSync(path.join(c.project, 'app.ts')),
      fs.mkdirSync(path.join(c.project, 'app.ts')),
      ['local', '--port', '0', '--project-dir', c.project]
    ),
  ],
];

const FAULTS: Array<[string, `APPC${number}`, Fault]> = [
  [
    'OUT not writable (EACCES creating the new OUT)',
    'APPC444',
    { method: 'mkdtempSync', suffix: '.appc-new-', errno: 'EACCES' },
  ],
  ['OUT on a read-only file system', 'APPC444', { method: 'mkdtempSync', suffix: '.appc-new-', errno: 'EROFS' }],
  [
    'the disk full writing deployment.zip',
    'APPC444',
    { method: 'writeFileSync', suffix: 'deployment.zip', errno: 'ENOSPC' },
  ],
  ['the quota exceeded writing sam.json', 'APPC444', { method: 'writeFileSync', suffix: 'sam.json', errno: 'EDQUOT' }],
  ['EISDIR writing sam.json', 'APPC444', { method: 'writeFileSync', suffix: 'sam.json', errno: 'EISDIR' }],
  ['EEXIST creating the new OUT', 'APPC444', { method: 'mkdtempSync', suffix: '.appc-new-', errno: 'EEXIST' }],
  ['the lock not creatable (EACCES)', 'APPC444', { method: 'mkdirSync', suffix: '.appc-lock', errno: 'EACCES' }],
  ['renaming the new OUT into place fails', 'APPC444', { method: 'renameSync', suffix: 'out', errno: 'EBUSY' }],
  ['app.ts unreadable (EACCES)', 'APPC448', { method: 'openSync', suffix: 'app.ts', errno: 'EACCES' }],
  ['config.json unreadable (EACCES)', 'APPC101', { method: 'readFileSync', suffix: 'config.json', errno: 'EACCES' }],
  ['a file in lib/ unreadable (EACCES)', 'APPC4', { method: 'readFileSync', suffix: 'data.txt', errno: 'EACCES' }],
  ['lib/ unreadable (EACCES)', 'APPC4', { method: 'readdirSync', suffix: `${path.sep}lib`, errno: 'EACCES' }],
];

// ---------------------------------------------------------------- project layouts
const LAYOUTS: Array<[string, `APPC${number}` | RegExp, (c: Case) => void]> = [
  [
    'a symlink loop in lib/',
    'APPC4',
    (c) => (
      write(path.join(c.project, 'lib', 'data.txt'), 'x'),
      fs.symlinkSync('loop', path.join(c.project, 'lib', 'loop'))
    ),
  ],
  [
    'a symlink in lib/ to /etc',
    'APPC422',
    (c) => (fs.mkdirSync(path.join(c.project, 'lib')), fs.symlinkSync('/etc', path.join(c.project, 'lib', 'etc'))),
  ],
  [
    "a symlink in lib/ to the project's parent",
    'APPC422',
    (c) => (fs.mkdirSync(path.join(c.project, 'lib')), fs.symlinkSync('../..', path.join(c.project, 'lib', 'up'))),
  ],
  [
    'a symlink in vendor/ to a file outside',
    'APPC422',
    (c) => (
      write(path.join(c.dir, 'secret.txt'), 'x'),
      fs.mkdirSync(path.join(c.project, 'vendor')),
      fs.symlinkSync(path.join(c.dir, 'secret.txt'), path.join(c.project, 'vendor', 'secret.txt'))
    ),
  ],
  [
    'a symlink loop in vendor/',
    'APPC423',
    (c) => (
      fs.mkdirSync(path.join(c.project, 'vendor')),
      fs.symlinkSync('a', path.join(c.project, 'vendor', 'b')),
      fs.symlinkSync('b', path.join(c.project, 'vendor', 'a'))
    ),
  ],
  [
    'an import not in package.json dependencies',
    /APPC401|APPC420/,
    (c) =>
      appTs(
        c,
        "import { App } from 'appc';\nimport YAML from 'yaml';\nexport const app = new App({ appName: 'x' });\napp.route('/', () => ({ y: YAML.stringify(1) }));\n",
      ),
  ],
  ['package.json not JSON', 'APPC405', (c) => write(path.join(c.project, 'package.json'), '{ "name": ')],
  [
    'a dependency that is not installed',
    'APPC402',
    (c) =>
      write(
        path.join(c.project, 'package.json'),
        '{"name": "x", "version": "1.0.0", "dependencies": {"left-pad-not-installed": "1.0.0"}}',
      ),
  ],
  ['a merge template missing', 'APPC411', () => undefined],
  [
    'a merge template nested 100,000 deep',
    'APPC412',
    (c) => write(path.join(c.dir, 'merge.json'), `{"Resources": ${nested(100_000, '[', ']')}}`),
  ],
  [
    'a YAML merge template nested 100,000 deep',
    'APPC412',
    (c) => write(path.join(c.dir, 'merge.yaml'), `Resources: ${nested(100_000, '[', ']')}`),
  ],
  ['a merge template that is a list', 'APPC412', (c) => write(path.join(c.dir, 'merge.json'), '[]')],
  ['a merge template with a trailing comma', 'APPC412', (c) => write(path.join(c.dir, 'merge.json'), '{"a": 1,}')],
  [
    'a YAML merge template with an unclosed list',
    'APPC412',
    (c) => write(path.join(c.dir, 'merge.yaml'), 'a: [1\nb: 2'),
  ],
  [
    'a merge template giving a property the wrong type',
    'APPC410',
    (c) =>
      write(path.join(c.dir, 'merge.json'), '{"Resources": {"APIHandler": {"Properties": {"MemorySize": "big"}}}}'),
  ],
  [
    'a YAML merge template with a resource missing a required property',
    'APPC410',
    (c) => write(path.join(c.dir, 'merge.yaml'), 'Resources:\n  Perm:\n    Type: AWS::Lambda::Permission\n'),
  ],
];

function variants(): Variant[] {
  const list: Variant[] = [];
  const add = (name: string, code: Variant['code'], exit: 1 | 2, arrange: Variant['arrange'], fault?: Fault) =>
    list.push({ name, code, exit, arrange, fault });
  for (const [name, code, outOf] of OUT_ARGS)
    add(`cli: ${name}`, code, 2, (c) => ['package', outOf(c), '--project-dir', c.project]);
  for (const stage of STAGES)
    add(`cli: --stage ${JSON.stringify(stage.length > 20 ? `${stage.slice(0, 20)}...` : stage)}`, 'APPC446', 2, (c) => [
      'package',
      c.out,
      '--project-dir',
      c.project,
      `--stage=${stage}`,
    ]);
  for (const [name, args, code] of BAD_ARGS)
    add(`cli: ${name}`, code, 2, (c) => (typeof args === 'function' ? args(c) : args));
  for (const [name, text] of CONFIG_SYNTAX) add(`config: ${name}`, 'APPC101', 1, (c) => config(c, text));
  for (const [name, value, code] of CONFIG_SCHEMA)
    add(`config: ${name}`, code, 1, (c) => config(c, JSON.stringify(value, null, 2)));
  for (const [name, text] of CONFIG_DEPTH) add(`config: ${name}`, 'APPC113', 1, (c) => config(c, text));
  for (const [name, arrange] of CONFIG_FILES) add(`config: ${name}`, 'APPC101', 1, (c) => void arrange(c));
  for (const [name, code, arrange] of POLICY_FILES) {
    add(`policy: ${name}`, code, 1, (c) => void (config(c, '{"autogen_policy": false}'), arrange(c)));
  }
  add(
    'policy: --stage ../../../../evil with autogen_policy false',
    'APPC446',
    2,
    (c) => (
      config(c, '{"autogen_policy": false}'),
      ['package', c.out, '--project-dir', c.project, '--stage', '../../../../evil']
    ),
  );
  for (const [name, code, arrange] of APPS) add(`app: ${name}`, code, 1, (c) => void arrange(c));
  for (const [name, code, arrange] of OTHER_COMMANDS) add(`cli: ${name}`, code, 1, arrange);
  for (const [name, code, fault] of FAULTS) {
    add(`fault: ${name}`, code, 1, (c) => void write(path.join(c.project, 'lib', 'data.txt'), 'x'), fault);
  }
  for (const [name, code, arrange] of LAYOUTS) {
    add(
      `layout: ${name}`,
      code,
      1,
      (c) => (arrange(c), ['package', c.out, '--project-dir', c.project, ...mergeFlags(name, c)]),
    );
  }
  for (const fixture of errorFixtures()) {
    const dir = path.join(ERROR_FIXTURES_DIR, fixture);
    const { code, flags } = errorFixtureExpectation(dir);
    add(`error fixture: ${fixture}`, code, 1, (c) => ['package', c.out, '--project-dir', dir, ...flags]);
  }
  return list;
}

/** A layout named for a (YAML) merge template passes it with --merge-template. */
function mergeFlags(name: string, c: Case): string[] {
  const merge = /merge template/.test(name) ? (/YAML/.test(name) ? 'merge.yaml' : 'merge.json') : undefined;
  return merge ? ['--merge-template', path.join(c.dir, merge)] : [];
}

/** The code an error fixture's expected.txt names, and the flags its args.json asks for. */
function errorFixtureExpectation(dir: string): { code: `APPC${number}`; flags: string[] } {
  const code = /error (APPC\d{3})/.exec(fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8'))![1] as `APPC${number}`;
  const argsFile = path.join(dir, 'args.json');
  const args = fs.existsSync(argsFile)
    ? (JSON.parse(fs.readFileSync(argsFile, 'utf8')) as { stage?: string; typecheck?: boolean })
    : {};
  const flags = [...(args.stage ? ['--stage', args.stage] : []), ...(args.typecheck ? ['--typecheck'] : [])];
  return { code, flags };
}

/** Every file under `target` (or `target` itself) as a hash; symlinks by their target. */
function snapshot(target: string): unknown {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return null;
  if (stat.isSymbolicLink()) return `link:${fs.readlinkSync(target)}`;
  if (stat.isFile()) return createHash('sha256').update(fs.readFileSync(target)).digest('hex');
  if (!stat.isDirectory()) return 'other';
  return Object.fromEntries(
    fs
      .readdirSync(target)
      .sort()
      .map((name) => [name, snapshot(path.join(target, name))]),
  );
}

/** Makes one fs method throw `errno` when its first argument ends with `suffix`, until the returned undo. */
function inject(fault: Fault): () => void {
  const real = require('node:fs') as Record<string, unknown>;
  const original = real[fault.method] as (...args: unknown[]) => unknown;
  real[fault.method] = function injected(this: unknown, ...args: unknown[]) {
    const target = String(args[0]);
    if (target.endsWith(fault.suffix) || (fault.method === 'mkdtempSync' && target.includes(fault.suffix))) {
      throw Object.assign(new Error(`${fault.errno}: injected, ${fault.method} '${target}'`), {
        errno: -13,
        code: fault.errno,
        syscall: fault.method.replace(/Sync$/, ''),
        path: target,
      });
    }
    return original.apply(this, args);
  };
  return () => {
    real[fault.method] = original;
  };
}

const STACK_FRAME = /\n\s+at /;
/** `file:line:col - error APPCnnn`, or a diagnostic/usage line naming a path, OUT or an option. */
const LOCATED =
  /\S+:\d+:\d+ - error APPC\d{3}|error APPC\d{3}: [^\n]*(\/|\.(ts|json|zip|yaml)\b|\bOUT\b|--[a-z-]+|\b(lib|vendor|node_modules)\b)|^appc: [^\n]+\n\n(Usage: appc |appc: AWS Chalice)/m;

describe('bad inputs: every broken command line, config, app and file system is a clean diagnostic', function () {
  this.timeout(120000);
  const all = variants();
  let root: string;
  const started = performance.now();
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'appc-bad-'));
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    // The figure the issue asks for: the whole table, in process.
    console.log(`      ${all.length} bad-input variants in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  it('has at least 150 variants', () => {
    expect(all.length).to.be.at.least(150);
  });

  all.forEach((variant, i) => {
    it(variant.name, async () => {
      const dir = path.join(root, String(i));
      const c: Case = { dir, project: path.join(dir, 'project'), out: path.join(dir, 'out') };
      fs.cpSync(path.join(FIXTURES_DIR, 'hello'), c.project, {
        recursive: true,
        filter: (src) => !src.includes(`${path.sep}expected`),
      });
      write(path.join(c.out, 'sam.json'), '{"previous": true}');
      write(path.join(c.out, 'swagger.json'), '{"previous": true}');
      write(path.join(c.out, 'deployment.zip'), Buffer.from([0x50, 0x4b, 5, 6, ...Array(18).fill(0)]));
      const args = variant.arrange(c) ?? ['package', c.out, '--project-dir', c.project];
      const before = snapshot(dir);
      const undo = variant.fault ? inject(variant.fault) : () => undefined;
      let result;
      try {
        result = await runMain(args);
      } finally {
        undo();
      }
      const output = `${result.stderr}\n${result.stdout}`;
      if (process.env.APPC_SHOW_BAD_INPUTS === '1')
        console.log(`----- ${variant.name}: exit ${result.status}\n${result.stderr}`);
      expect(result.status, output).to.equal(variant.exit);
      expect(output).to.not.match(/internal error/i);
      expect(output).to.not.match(STACK_FRAME);
      if (variant.code === 'usage')
        expect(result.stderr).to.match(/^appc: [^\n]+\n\n(Usage: appc [a-z-]+ |appc: AWS Chalice)/);
      else if (variant.code instanceof RegExp)
        expect(result.stderr, output).to.match(new RegExp(`error (${variant.code.source})`));
      else expect(result.stderr, output).to.contain(`error ${variant.code}`);
      expect(result.stderr, 'names a location, a path or the argument').to.match(LOCATED);
      expect(snapshot(dir), 'OUT, the project and everything beside them are as they were').to.deep.equal(before);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});
