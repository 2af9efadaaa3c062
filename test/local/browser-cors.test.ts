/**
 * CORS in a real browser: headless Chromium (Debian's, driven by playwright-core) loads a page
 * from one localhost origin that calls `appc local` on another. The CORS route's preflight must
 * pass and the call succeed; the route without CORS must be blocked by the browser.
 * Chromium is installed from Debian (apt-get) when /usr/bin/chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { chromium, type Browser } from 'playwright-core';
import { fixtureDir, startServer, type RunningServer } from './support/local-http';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Debian's chromium, installed with apt-get when it is not there yet. */
function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  console.log(`      ${CHROMIUM} is missing: apt-get install -y chromium`);
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    const result = spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0)
      throw new Error(
        `apt-get ${args.join(' ')} failed (exit ${result.status ?? result.error?.message}); install Debian's chromium by hand`,
      );
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

describe('appc local: CORS in headless Chromium', function () {
  this.timeout(120000);
  let browser: Browser;
  let api: RunningServer;
  let page: http.Server;
  let pageOrigin: string;

  before(async function () {
    this.timeout(15 * 60 * 1000);
    ensureChromium();
    api = await startServer(fixtureDir('browser'));
    page = http.createServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>page</title><p>page</p>'),
    );
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    // Another origin than the API's (127.0.0.1:<api port>): another host name and port.
    pageOrigin = `http://localhost:${(page.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  after(async () => {
    await browser?.close();
    page?.close();
    await api?.close();
  });

  it('lets a page call a CORS route with a custom header after the preflight, and blocks a route without CORS', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${pageOrigin}/`);
    const call = (target: string) =>
      tab.evaluate(async (url) => {
        try {
          const response = await fetch(url, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', 'X-Custom': 'from-the-page' },
            body: '{"n":1}',
          });
          return { ok: true, status: response.status, body: await response.json() };
        } catch (e) {
          return { ok: false, error: String(e) };
        }
      }, `${api.url}${target}`);

    const cors = await call('/cors');
    expect(cors).to.deep.equal({ ok: true, status: 200, body: { custom: 'from-the-page', body: { n: 1 } } });
    const plain = await call('/plain');
    expect(plain.ok, JSON.stringify(plain)).to.equal(false);
    expect(plain.error).to.contain('Failed to fetch');

    // What the browser sent: a preflight then the call for /cors; a preflight only (answered 403) for /plain.
    const lines = api.output.requests.map((line) => line.replace(/ [\d.]+ ms$/, ''));
    expect(lines).to.deep.equal(['OPTIONS /cors 200', 'PUT /cors 200', 'OPTIONS /plain 403']);
    expect(await tab.evaluate('location.origin')).to.equal(pageOrigin);
    await tab.close();
  });
});
