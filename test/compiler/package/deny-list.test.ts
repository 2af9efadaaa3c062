import { expect } from 'chai';
import { denyRuleFor } from '../../../src/compiler/package/deny-list';

const reason = (p: string, isDirectory = false) => denyRuleFor(p, isDirectory)?.reason;

describe('the deny list', () => {
  it('matches secrets and junk by name, at any depth, and everything below a denied folder', () => {
    expect(
      [
        'id_rsa',
        'a/id_ecdsa_sk.pub',
        'x.PEM',
        'k.key',
        'c.p12',
        'c.pfx',
        '.npmrc',
        'deep/.netrc',
        '.env',
        '.env.test',
        '.envrc',
        'service-account-prod.json',
        'credentials.json',
        'app-credentials.json',
        'client_secret_123.json',
        '.DS_Store',
        'Thumbs.db',
        '.app.ts.swp',
        'a.js~',
        'tsconfig.tsbuildinfo',
        'npm-debug.log',
        'yarn-error.log',
        'server.log',
        '.ssh/known_hosts',
        '.aws/credentials',
        'x/.git/config',
        '.git',
        'CVS/Root',
        '.idea/misc.xml',
      ]
        .map((p) => [p, Boolean(reason(p))])
        .filter(([, hit]) => !hit),
    ).to.deep.equal([]);
  });

  it('leaves ordinary files alone', () => {
    expect(
      [
        'monkey.js',
        'keys.json',
        'keyboard.ts',
        'environment.js',
        '.envelope',
        'changelog.md',
        'catalog.txt',
        'logs/x.txt',
        'id_rsa_helper.js',
        'credentials.ts',
        'accounts.json',
        'git.js',
        'gitignore.txt',
        'pem.js',
        'public.pem.js',
        'env/.keep',
        'README.md',
        'index.js',
      ]
        .map((p) => [p, reason(p)])
        .filter(([, r]) => r !== undefined),
    ).to.deep.equal([]);
  });

  it('tells a folder rule from a file rule', () => {
    expect(reason('.git', true)).to.equal('version control');
    expect(reason('.aws', true)).to.equal('credentials directory');
    expect(reason('.aws', false)).to.equal(undefined);
    expect(reason('server.pem', true)).to.equal(undefined);
  });
});
