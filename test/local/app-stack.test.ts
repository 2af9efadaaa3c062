import { expect } from 'chai';
import { appStack } from '../../src/local/app-stack';

describe('appStack', () => {
  const stack = [
    'RangeError: order id abc is not a number',
    '    at parseOrder (/home/me/todo/node_modules/orders/index.js:3:9)',
    '    at readOrder (/home/me/todo/lib/orders.ts:7:35)',
    '    at Object.handler (file:///home/me/todo/app.ts:7:49)',
    '    at dispatch (appc:runtime/api-handler.ts:51:19)',
    '    at /home/me/todo/app.ts:12:3',
    '    at invoke (/usr/lib/node_modules/appc/dist/local/instance-worker.js:93:29)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ].join('\n');

  it("keeps the project's frames, named relative to it, and points at the first in the app's own files", () => {
    expect(appStack(stack, '/home/me/todo')).to.deep.equal({
      location: { file: 'lib/orders.ts', line: 7, column: 35, length: 1 },
      frames: [
        'at parseOrder (node_modules/orders/index.js:3:9)',
        'at readOrder (lib/orders.ts:7:35)',
        'at Object.handler (app.ts:7:49)',
        'at app.ts:12:3',
      ],
    });
  });

  it('has no location when no frame is in the project', () => {
    expect(appStack(stack, '/elsewhere')).to.deep.equal({ frames: [] });
    expect(appStack(undefined, '/home/me/todo')).to.deep.equal({ frames: [] });
  });
});
