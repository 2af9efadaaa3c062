import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { createZip } from '../../../src/compiler/package/zip';
import { zipManifest } from '../../../src/compiler/package/zip-manifest';
import { zipEntryHeaders } from './run-handler';

const text = (s: string) => new TextEncoder().encode(s);

describe('createZip', () => {
  const entries = [
    { path: 'node_modules/a/index.js', data: text('a') },
    { path: 'app.js', data: text('exports.x = 1;') },
    { path: 'bin/run', data: text('#!/bin/sh\n'), executable: true },
    { path: 'B.txt', data: new Uint8Array() },
  ];

  it('sorts entries by path (code-unit order) and writes no directory entries', () => {
    expect(zipEntryHeaders(createZip(entries)).map((e) => e.path)).to.deep.equal([
      'B.txt',
      'app.js',
      'bin/run',
      'node_modules/a/index.js',
    ]);
  });

  it('dates every entry 1980-01-01 00:00 and stores modes 0644 / 0755 as regular files', () => {
    const headers = zipEntryHeaders(createZip(entries));
    expect(headers.map((e) => [e.dosDate, e.dosTime])).to.deep.equal(headers.map(() => [(1 << 5) | 1, 0]));
    expect(headers.map((e) => e.mode.toString(8))).to.deep.equal(['100644', '100644', '100755', '100644']);
  });

  it('round-trips the contents', () => {
    const files = unzipSync(createZip(entries));
    expect(new TextDecoder().decode(files['app.js'])).to.equal('exports.x = 1;');
    expect(files['B.txt']).to.have.length(0);
  });

  it('gives the same bytes for the same entries in any order and any time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = createZip(entries);
      process.env.TZ = 'Asia/Tokyo';
      const east = createZip([...entries].reverse());
      expect(Buffer.from(west).equals(Buffer.from(east))).to.equal(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('zipManifest', () => {
  it('lists `<path> <size> <sha256>` per file, sorted', () => {
    const manifest = zipManifest(
      createZip([
        { path: 'b', data: text('bb') },
        { path: 'a', data: new Uint8Array() },
      ]),
    );
    expect(manifest).to.equal(
      'a 0 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n' +
        'b 2 3b64db95cb55c763391c707108489ae18b4112d783300de38e033b4c98c3deaf\n',
    );
  });
});
