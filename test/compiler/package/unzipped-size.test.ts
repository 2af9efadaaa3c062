import { expect } from 'chai';
import { checkUnzippedSize, contributor, UNZIPPED_LIMIT } from '../../../src/compiler/package/unzipped-size';

describe('checkUnzippedSize', () => {
  it("is Lambda's 250 MB (262,144,000 bytes), and passes a deployment of exactly that size", () => {
    expect(UNZIPPED_LIMIT).to.equal(262_144_000);
    expect(checkUnzippedSize([{ zipPath: 'lib/a.bin', size: UNZIPPED_LIMIT }])).to.deep.equal([]);
  });

  it('names the total, the limit and the five biggest parts, a package counting with everything nested in it', () => {
    const MB = 1024 * 1024;
    const [d, ...rest] = checkUnzippedSize([
      { zipPath: 'app.js', size: 2 * MB },
      { zipPath: 'node_modules/aws-sdk/dist/a.js', size: 90 * MB },
      { zipPath: 'node_modules/aws-sdk/node_modules/uuid/index.js', size: 10 * MB },
      { zipPath: 'node_modules/@scope/big/x.js', size: 60 * MB },
      { zipPath: 'lib/videos/a.mp4', size: 70 * MB },
      { zipPath: 'lib/videos/b.mp4', size: 10 * MB },
      { zipPath: 'lib/readme.txt', size: 512 },
      { zipPath: 'bin/tool', size: 9 * MB },
    ]);
    expect(rest).to.deep.equal([]);
    expect([d.code, d.message]).to.deep.equal([
      'APPC426',
      "deployment.zip unzips to 251.0 MB (263193088 bytes), over Lambda's limit of 250.0 MB (262144000 bytes) " +
        "for a function's code and layers unzipped; the biggest parts: node_modules/aws-sdk/ 100.0 MB, lib/videos/ 80.0 MB, node_modules/@scope/big/ 60.0 MB, bin/ 9.0 MB, app.js 2.0 MB",
    ]);
    expect(d.remedy).to.equal(
      'Move large assets to S3, drop unused dependencies, or ship the app as a container image (up to 10 GB).',
    );
  });

  it('groups each file under what it counts towards', () => {
    expect(
      [
        'app.js',
        'lib/data.json',
        'lib/a/b/c.txt',
        'node_modules/x/i.js',
        'node_modules/@s/p/i.js',
        'node_modules/x/node_modules/y/i.js',
        'pkg/mod.js',
      ].map(contributor),
    ).to.deep.equal([
      'app.js',
      'lib/data.json',
      'lib/a/',
      'node_modules/x/',
      'node_modules/@s/p/',
      'node_modules/x/',
      'pkg/',
    ]);
  });
});
