import { expect } from 'chai';
import { App, Logger } from '../../src/runtime';
import { captureLog } from './support/events';

function logAll(app: App): void {
  app.log.debug('d');
  app.log.info('i');
  app.log.warning('w');
  app.log.warn('w2');
  app.log.error('e');
  app.log.critical('c');
}

describe('log', () => {
  it('writes ERROR and above by default, as `<appName> - LEVEL - message`', () => {
    const app = new App({ appName: 'helloworld' });
    const lines = captureLog(app);
    logAll(app);
    expect(app.log.level).to.equal('ERROR');
    expect(lines).to.deep.equal(['helloworld - ERROR - e\n', 'helloworld - CRITICAL - c\n']);
  });

  it("writes every level after setLevel('DEBUG') and from WARNING up after setLevel('WARNING')", () => {
    const app = new App({ appName: 'a' });
    const lines = captureLog(app);
    app.log.setLevel('DEBUG');
    logAll(app);
    expect(lines).to.deep.equal([
      'a - DEBUG - d\n',
      'a - INFO - i\n',
      'a - WARNING - w\n',
      'a - WARNING - w2\n',
      'a - ERROR - e\n',
      'a - CRITICAL - c\n',
    ]);
    lines.length = 0;
    app.log.setLevel('WARNING');
    logAll(app);
    expect(lines).to.deep.equal(['a - WARNING - w\n', 'a - WARNING - w2\n', 'a - ERROR - e\n', 'a - CRITICAL - c\n']);
  });

  it('follows app.debug: DEBUG when on, ERROR when off', () => {
    const app = new App({ appName: 'a', debug: true });
    expect(app.log.level).to.equal('DEBUG');
    app.debug = false;
    expect(app.log.level).to.equal('ERROR');
    app.debug = true;
    expect([app.debug, app.log.level]).to.deep.equal([true, 'DEBUG']);
  });

  it('rejects an unknown level', () => {
    expect(() => new Logger('a').setLevel('LOUD' as never)).to.throw(TypeError, 'unknown log level LOUD');
  });

  it('writes to stdout unless replaced', () => {
    const written: string[] = [];
    const original = process.stdout.write;
    process.stdout.write = ((chunk: string) => written.push(chunk) > 0) as unknown as typeof process.stdout.write;
    try {
      new Logger('svc').error(new Error('boom'));
    } finally {
      process.stdout.write = original;
    }
    expect(written).to.deep.equal(['svc - ERROR - Error: boom\n']);
  });
});
