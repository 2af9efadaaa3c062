/**
 * The one list of files that never go into deployment.zip, wherever they are: lib/,
 * vendor/ and every dependency's published files (README "appc package"). Secrets first (key
 * material, credentials, tokens, environment files), then junk (version control,
 * OS and editor files, build info, logs). A rule matches one path segment: a
 * directory rule leaves out everything below it.
 *
 * Trade-off, on purpose: a dependency that publishes a `*.pem` CA bundle loses it too;
 * `appc package --verbose` lists every file left out, with the rule that did it.
 */
export interface DenyRule {
  /** Matched against one segment of the path (a file or directory name). */
  pattern: RegExp;
  /** Why it is left out, for `--verbose` and diagnostics: `private key`, `log file`, ... */
  reason: string;
  /** A directory rule (`.git`) matches directories only; a file rule matches files only. */
  on: 'file' | 'dir';
}

const file = (pattern: RegExp, reason: string): DenyRule => ({ pattern, reason, on: 'file' });
const dir = (pattern: RegExp, reason: string): DenyRule => ({ pattern, reason, on: 'dir' });

export const DENY_RULES: readonly DenyRule[] = [
  file(/^id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\.pub)?$/i, 'SSH key'),
  file(/\.(pem|key|p12|pfx|jks|keystore|ppk|gpg|kdbx|ovpn)$/i, 'key or certificate material'),
  dir(/^\.(ssh|gnupg|aws|azure|docker|kube)$/, 'credentials directory'),
  file(
    /^\.(npmrc|yarnrc|yarnrc\.yml|netrc|htpasswd|pgpass|git-credentials|dockercfg|s3cfg|boto|pypirc)$/i,
    'credentials or token file',
  ),
  file(/^(credentials|client_secrets?[^/]*|service[-_]account[^/]*|[^/]*-credentials)\.json$/i, 'credentials file'),
  file(/^\.env(rc|\..*)?$/, 'environment file'),
  dir(/^\.(git|hg|svn)$|^CVS$/, 'version control'),
  file(/^\.(git|hg|svn)$/, 'version control'),
  file(/^(\.DS_Store|Thumbs\.db|desktop\.ini|\._.*)$/i, 'OS file'),
  dir(/^\.(idea|vscode)$/, 'editor settings'),
  file(/^\..*\.sw[a-p]$|~$|^#.*#$|^\.#|\.(orig|rej|bak)$/, 'editor or merge leftover'),
  file(/\.tsbuildinfo$|^\.eslintcache$/, 'build info'),
  file(/\.log$|^(npm-debug|yarn-debug|yarn-error|lerna-debug|pnpm-debug)\.log/, 'log file'),
];

/** The rule that leaves out a file or directory, by its POSIX path (any segment may match). */
export function denyRuleFor(relativePath: string, isDirectory: boolean): DenyRule | undefined {
  const segments = relativePath.split('/');
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const rule = DENY_RULES.find(
      (r) => r.pattern.test(segments[i]) && (r.on === 'dir' ? !last || isDirectory : last && !isDirectory),
    );
    if (rule) return rule;
  }
  return undefined;
}
