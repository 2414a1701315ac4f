import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuntimeClock } from '../../../local/clock';
import { createKvsFetch, LocalKvs } from '../../../local/kvs';

describe('createKvsFetch', () => {
  let dataDir: string;
  let kvs: LocalKvs;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-kvs-fetch-'));
    kvs = new LocalKvs({ dataDir, clock: new RuntimeClock() });
  });
  afterEach(() => {
    kvs.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 204 with no body for a write and JSON with the status otherwise', async () => {
    const fetchKvs = createKvsFetch(kvs);
    const written = await fetchKvs('/api/v1/set', { body: JSON.stringify({ key: 'k', value: [1] }) });
    expect(written.status).toBe(204);
    expect(await written.text()).toBe('');

    const read = await fetchKvs('/api/v1/get', { body: JSON.stringify({ key: 'k' }) });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/json');
    expect(await read.json()).toEqual({ key: 'k', value: [1] });

    const missing = await fetchKvs('/api/v1/get', { body: JSON.stringify({ key: 'nope' }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
  });

  it("answers malformed requests and unknown paths with Forge's error bodies", async () => {
    const fetchKvs = createKvsFetch(kvs);
    const notJson = await fetchKvs('/api/v1/get', { body: '{key' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ code: 'BAD_REQUEST' });

    const noKey = await fetchKvs('/api/v1/get', { body: '{}' });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('key') });

    const unknown = await fetchKvs('/api/v2/get', { body: '{}' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
  });
});
