import { expect } from 'chai';
import { runtimeDiagnostics, runtimeStatus, utcDay } from '../../../src/compiler/config/runtime-calendar';
import { LAMBDA_NODE_RUNTIMES, NEWEST_NODE_RUNTIME, runtimeInfo } from '../../../src/compiler/config/lambda-runtimes';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const fromFile = { kind: 'config', path: 'stages.prod.lambda_runtime' } as const;
const text = (d: { severity: string; code: string; message: string; remedy?: string }) =>
  `${d.severity} ${d.code}: ${d.message} | ${d.remedy}`;

describe("Lambda's runtime calendar (injected today)", () => {
  it('is an error once Lambda blocks creating functions with the runtime, naming the dates and the replacement', () => {
    expect(runtimeDiagnostics('nodejs20.x', day('2026-12-02'), fromFile).map(text)).to.deep.equal([
      'error APPC413: stages.prod.lambda_runtime nodejs20.x can no longer be deployed: Lambda deprecated it on 2026-04-30, ' +
        'blocks creating functions with it since 2026-08-31 and updating them since 2026-09-30' +
        ' | Set stages.prod.lambda_runtime to "nodejs24.x", the newest Node.js runtime Lambda offers, and test the app on Node.js 24.',
    ]);
  });

  it('is an error from the block-create day itself, and says when updates will be blocked', () => {
    expect(runtimeDiagnostics('nodejs22.x', day('2027-06-01'), fromFile).map(text)).to.deep.equal([
      'error APPC413: stages.prod.lambda_runtime nodejs22.x can no longer be deployed: Lambda deprecated it on 2027-04-30, ' +
        'blocks creating functions with it since 2027-06-01 and blocks updating them from 2027-07-01' +
        ' | Set stages.prod.lambda_runtime to "nodejs24.x", the newest Node.js runtime Lambda offers, and test the app on Node.js 24.',
    ]);
  });

  it('warns while the runtime is deprecated but not yet blocked', () => {
    expect(runtimeDiagnostics('nodejs20.x', day('2026-05-15'), fromFile).map(text)).to.deep.equal([
      'warning APPC415: stages.prod.lambda_runtime nodejs20.x is deprecated since 2026-04-30: ' +
        'Lambda blocks creating functions with it from 2026-08-31 and updating them from 2026-09-30' +
        ' | Set stages.prod.lambda_runtime to "nodejs24.x", the newest Node.js runtime Lambda offers, and test the app on Node.js 24.',
    ]);
  });

  it('warns within 90 days before the deprecation date, counting the days', () => {
    expect(runtimeDiagnostics('nodejs22.x', day('2027-01-30'), fromFile).map(text)).to.deep.equal([
      'warning APPC414: stages.prod.lambda_runtime nodejs22.x will be deprecated on 2027-04-30 (in 90 days): ' +
        'Lambda blocks creating functions with it from 2027-06-01 and updating them from 2027-07-01' +
        ' | Set stages.prod.lambda_runtime to "nodejs24.x", the newest Node.js runtime Lambda offers, and test the app on Node.js 24.',
    ]);
    expect(runtimeDiagnostics('nodejs22.x', day('2027-04-29'), fromFile)[0].message).to.contain('(in 1 day)');
  });

  it('says nothing earlier than 90 days before deprecation', () => {
    expect(runtimeDiagnostics('nodejs22.x', day('2027-01-29'), fromFile)).to.deep.equal([]);
    expect(runtimeDiagnostics('nodejs24.x', day('2026-12-02'), { kind: 'default' })).to.deep.equal([]);
  });

  it("names appc's default when the file does not set the runtime, and asks for a newer appc when the newest runtime ages", () => {
    expect(runtimeDiagnostics('nodejs24.x', day('2028-06-01'), { kind: 'default' }).map(text)).to.deep.equal([
      'error APPC413: the default lambda_runtime nodejs24.x can no longer be deployed: Lambda deprecated it on 2028-04-30, ' +
        'blocks creating functions with it since 2028-06-01 and blocks updating them from 2028-07-01' +
        " | Upgrade appc: this version's table of Lambda runtimes (from the AWS Lambda Developer Guide) knows no newer Node.js runtime.",
    ]);
  });

  it('points at the config value that set the runtime', () => {
    const location = { file: '.appc/config.json', line: 3, column: 21, length: 12 };
    const [diagnostic] = runtimeDiagnostics('nodejs18.x', day('2026-12-02'), { ...fromFile, location });
    expect(diagnostic.location).to.deep.equal(location);
  });

  it('compares whole UTC days', () => {
    expect(utcDay(new Date('2026-08-30T23:59:59Z'))).to.equal('2026-08-30');
    expect(runtimeStatus(runtimeInfo('nodejs20.x'), '2026-08-30')).to.deep.equal({ kind: 'deprecated' });
    expect(runtimeStatus(runtimeInfo('nodejs20.x'), '2026-08-31')).to.deep.equal({ kind: 'blocked' });
  });

  it("keeps appc's default deployable today: update lambda-runtimes.ts from the AWS Lambda Developer Guide when this fails", () => {
    // The one test that reads the clock, on purpose: the default must not be deprecated, nor within 90 days of it.
    const today = new Date();
    expect(runtimeDiagnostics(NEWEST_NODE_RUNTIME, today, { kind: 'default' }), `on ${utcDay(today)}`).to.deep.equal(
      [],
    );
    expect(LAMBDA_NODE_RUNTIMES[0].id).to.equal(NEWEST_NODE_RUNTIME);
  });
});
