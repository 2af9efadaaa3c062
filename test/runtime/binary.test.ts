import { expect } from 'chai';
import { App, DEFAULT_BINARY_TYPES, Response, matchesContentType } from '../../src/runtime';
import { matchesBinaryType } from '../../src/runtime/binary';
import { invokeApi, needsReferenceEvents, proxyEvent } from './support/events';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
const ACCEPT_400 =
  '{"Code":"BadRequest","Message":"Request did not specify an Accept header with image/png, The response has a Content-Type of image/png. ' +
  'If a response has a binary Content-Type then the request must specify an Accept header that matches."}';

describe('binary: defaults', () => {
  it("has Chalice's 16 default binary types, copied per app", () => {
    expect(DEFAULT_BINARY_TYPES).to.deep.equal([
      'application/octet-stream',
      'application/x-tar',
      'application/zip',
      'audio/basic',
      'audio/ogg',
      'audio/mp4',
      'audio/mpeg',
      'audio/wav',
      'audio/webm',
      'image/png',
      'image/jpg',
      'image/jpeg',
      'image/gif',
      'video/ogg',
      'video/mpeg',
      'video/webm',
    ]);
    const a = new App({ appName: 'a' });
    a.api.binaryTypes.push('application/my-binary');
    expect(new App({ appName: 'b' }).api.binaryTypes).to.deep.equal(DEFAULT_BINARY_TYPES);
    expect(DEFAULT_BINARY_TYPES).to.have.length(16);
  });

  it('matches Content-Type and Accept values like Chalice', () => {
    expect(matchesContentType('image/png', DEFAULT_BINARY_TYPES)).to.equal(true);
    expect(matchesContentType('IMAGE/PNG; q=0.9', DEFAULT_BINARY_TYPES)).to.equal(true);
    expect(matchesContentType('text/html, image/gif;q=0.8', DEFAULT_BINARY_TYPES)).to.equal(true);
    expect(matchesContentType('text/html,*/*;q=0.8', DEFAULT_BINARY_TYPES)).to.equal(true);
    expect(matchesContentType('application/json', DEFAULT_BINARY_TYPES)).to.equal(false);
    expect(matchesContentType('text/html, application/xml', DEFAULT_BINARY_TYPES)).to.equal(false);
    expect(matchesContentType('text/csv', ['*/*'])).to.equal(true);
    expect(matchesContentType('text/csv', ['Text/CSV'])).to.equal(true);
  });

  it("answers a response's Content-Type against the types as they are now, after any change to them", () => {
    const types = ['image/png'];
    expect(matchesBinaryType('application/json', types)).to.equal(false);
    expect(matchesBinaryType('application/json', types)).to.equal(false);
    types.push('application/json');
    expect(matchesBinaryType('application/json', types)).to.equal(true);
    types[1] = 'text/csv';
    expect(matchesBinaryType('application/json', types)).to.equal(false);
    expect(matchesBinaryType('text/csv', types)).to.equal(true);
    expect(matchesBinaryType('application/json', [...types, '*/*'])).to.equal(true);
    expect(matchesBinaryType('application/json', DEFAULT_BINARY_TYPES)).to.equal(false);
  });
});

describe('binary: request and response bodies', () => {
  needsReferenceEvents();

  function app(): App {
    const result = new App({ appName: 'myapp' });
    result.route('/upload', { methods: ['PUT'], contentTypes: ['image/png'] }, (_, request) => ({
      size: request.rawBody.length,
      hex: request.rawBody.toString('hex'),
    }));
    result.route('/image', () => new Response({ body: PNG, headers: { 'Content-Type': 'image/png' } }));
    result.route('/octets', () => new Response({ body: new Uint8Array([1, 2, 3]) }));
    result.route(
      '/text-as-binary',
      () => new Response({ body: 'héllo', headers: { 'Content-Type': 'application/octet-stream' } }),
    );
    result.route(
      '/buffer-as-text',
      () => new Response({ body: Buffer.from('plain text'), headers: { 'Content-Type': 'text/plain' } }),
    );
    result.route(
      '/custom',
      () => new Response({ body: Buffer.from('xyz'), headers: { 'Content-Type': 'application/my-binary' } }),
    );
    result.route(
      '/cors-image',
      { cors: true },
      () => new Response({ body: PNG, headers: { 'Content-Type': 'image/png' } }),
    );
    return result;
  }
  const get = (resource: string, accept?: string) =>
    proxyEvent({ resource, headers: accept === undefined ? {} : { Accept: accept } });

  it('decodes a base64 request body into rawBody', async () => {
    const event = proxyEvent({
      resource: '/upload',
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      body: PNG.toString('base64'),
      isBase64Encoded: true,
    });
    expect(JSON.parse((await invokeApi(app(), event)).body)).to.deep.equal({ size: 10, hex: PNG.toString('hex') });
  });

  it('base64-encodes a binary response when Accept admits it', async () => {
    for (const accept of ['image/png', 'text/html,image/*,image/png;q=0.9', '*/*']) {
      expect(await invokeApi(app(), get('/image', accept)), accept).to.deep.equal({
        statusCode: 200,
        headers: { 'Content-Type': 'image/png' },
        multiValueHeaders: {},
        body: PNG.toString('base64'),
        isBase64Encoded: true,
      });
    }
  });

  it('answers 400 when the request has no Accept header for a binary response', async () => {
    expect(await invokeApi(app(), get('/image'))).to.deep.equal({
      statusCode: 400,
      headers: { 'Content-Type': 'application/json' },
      multiValueHeaders: {},
      body: ACCEPT_400,
    });
  });

  it('answers 400 when Accept names only text types', async () => {
    const result = await invokeApi(app(), get('/image', 'text/html, application/json'));
    expect([result.statusCode, result.body]).to.deep.equal([400, ACCEPT_400]);
  });

  it('keeps the CORS headers on the Accept 400 of a CORS route', async () => {
    const result = await invokeApi(app(), get('/cors-image'));
    expect(result.statusCode).to.equal(400);
    expect(result.headers['Access-Control-Allow-Origin']).to.equal('*');
  });

  it('types a bare byte body as application/octet-stream', async () => {
    expect(await invokeApi(app(), get('/octets', 'application/octet-stream'))).to.deep.equal({
      statusCode: 200,
      headers: { 'Content-Type': 'application/octet-stream' },
      multiValueHeaders: {},
      body: 'AQID',
      isBase64Encoded: true,
    });
  });

  it('encodes a string body declared binary as UTF-8', async () => {
    const result = await invokeApi(app(), get('/text-as-binary', '*/*'));
    expect(result.isBase64Encoded).to.equal(true);
    expect(Buffer.from(result.body, 'base64').toString('utf8')).to.equal('héllo');
  });

  it('sends a Buffer with a text Content-Type as text', async () => {
    expect(await invokeApi(app(), get('/buffer-as-text'))).to.deep.equal({
      statusCode: 200,
      headers: { 'Content-Type': 'text/plain' },
      multiValueHeaders: {},
      body: 'plain text',
    });
  });

  it('honours binary types added with push or by reassigning the array', async () => {
    const pushed = app();
    pushed.api.binaryTypes.push('application/my-binary');
    expect((await invokeApi(pushed, get('/custom', 'application/my-binary'))).isBase64Encoded).to.equal(true);
    const reassigned = app();
    reassigned.api.binaryTypes = ['application/my-binary'];
    expect((await invokeApi(reassigned, get('/custom', 'application/my-binary'))).body).to.equal('eHl6');
    expect((await invokeApi(app(), get('/custom'))).body).to.equal('xyz');
  });

  it('honours binary types changed after the first answers, through a reference kept to the array', async () => {
    const a = app();
    expect((await invokeApi(a, get('/custom', 'application/my-binary'))).body).to.equal('xyz');
    expect((await invokeApi(a, get('/image', 'image/png'))).isBase64Encoded).to.equal(true);
    expect((await invokeApi(a, get('/custom', 'application/my-binary'))).body).to.equal('xyz');
    const types = a.api.binaryTypes;
    expect((await invokeApi(a, get('/custom', 'application/my-binary'))).body).to.equal('xyz');
    types.push('application/my-binary');
    expect((await invokeApi(a, get('/custom', 'application/my-binary'))).body).to.equal('eHl6');
    types[types.length - 1] = 'text/csv';
    expect((await invokeApi(a, get('/custom', 'application/my-binary'))).body).to.equal('xyz');
    types.length = 0;
    expect((await invokeApi(a, get('/image', 'image/png'))).body).to.equal(PNG.toString('utf8'));
    a.api.binaryTypes = ['image/png'];
    expect((await invokeApi(a, get('/image', 'image/png'))).isBase64Encoded).to.equal(true);
    expect((await invokeApi(a, get('/image', 'text/html'))).statusCode).to.equal(400);
  });

  it('answers the Accept check of an app that never touched its types against the defaults', async () => {
    const a = app();
    expect((await invokeApi(a, get('/image', 'audio/ogg'))).isBase64Encoded).to.equal(true);
    expect((await invokeApi(a, get('/image', 'text/html'))).statusCode).to.equal(400);
    expect((await invokeApi(a, get('/octets', 'video/webm'))).body).to.equal('AQID');
  });

  it('keeps app.api an object of binaryTypes then cors, as plain data', async () => {
    const a = app();
    await invokeApi(a, get('/image', 'image/png'));
    expect(Object.keys(a.api)).to.deep.equal(['binaryTypes', 'cors']);
    expect(JSON.parse(JSON.stringify(a.api))).to.deep.equal({ binaryTypes: [...DEFAULT_BINARY_TYPES], cors: false });
    expect(a.api.binaryTypes).to.equal(a.api.binaryTypes);
    expect(a.api.binaryTypes).to.not.equal(app().api.binaryTypes);
  });
});
