/**
 * The user guide stays true to the repository: its links resolve to files of the repository, and
 * docs/cli.md documents every command and every option that `appc <command> --help` lists.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from 'chai';
import { COMMAND_SUMMARIES } from '../src/cli/usage';
import { REPO_ROOT } from './support/fixtures';

const APPC = path.join(REPO_ROOT, 'bin', 'appc.js');

function guideFiles(): string[] {
  const docs = fs
    .readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name));
  return ['README.md', ...docs.sort()];
}

/** The targets of the Markdown links `[text](target)` of `markdown`, code spans and blocks left out. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

/** The section of docs/cli.md about `command`: from its `## \`appc command\`` heading to the next heading. */
function cliSection(markdown: string, command: string): string | undefined {
  const start = markdown.indexOf(`\n## \`appc ${command}\`\n`);
  if (start < 0) return undefined;
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

describe('the user guide', () => {
  describe('links', () => {
    it('finds the targets of Markdown links, not those quoted as code', () => {
      expect(
        linkTargets('See [a](docs/a.md#x) and `[b](nope.md)`.\n```\n[c](no.md)\n```\n[d](https://x.y)'),
      ).to.deep.equal(['docs/a.md#x', 'https://x.y']);
    });

    for (const file of guideFiles()) {
      it(`${file}: every relative link names a file of the repository`, () => {
        const markdown = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
        const broken = linkTargets(markdown)
          .filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'))
          .filter((target) => {
            const resolved = path.resolve(REPO_ROOT, path.dirname(file), target.split('#')[0]);
            const inside = !path.relative(REPO_ROOT, resolved).startsWith('..');
            return !inside || !fs.existsSync(resolved);
          });
        expect(broken, `links of ${file} outside the repository or to missing files`).to.deep.equal([]);
      });
    }
  });

  describe('docs/cli.md', () => {
    const markdown = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'cli.md'), 'utf8');

    for (const [command] of COMMAND_SUMMARIES) {
      it(`documents appc ${command} and every option its --help lists`, () => {
        const section = cliSection(markdown, command);
        expect(section, `docs/cli.md has no section "## \`appc ${command}\`"`).to.be.a('string');
        const help = execFileSync(process.execPath, [APPC, command, '--help'], { encoding: 'utf8' });
        const options = [...new Set([...help.matchAll(/^\s+(?:-[a-z], )?(--[a-z-]+)/gm)].map((match) => match[1]))];
        expect(options, `options of appc ${command} --help`).to.include('--help');
        // Options every command shares (--stage, --project-dir, --quiet) are described once, above the commands.
        const shared = markdown.slice(0, markdown.indexOf('\n## '));
        const missing = options.filter(
          (option) => option !== '--help' && !section!.includes(option) && !shared.includes(`**\`${option}\``),
        );
        expect(missing, `options of appc ${command} missing from docs/cli.md`).to.deep.equal([]);
      });
    }
  });
});
