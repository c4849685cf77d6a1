/**
 * Fetching subscriptions from a real loopback HTTP server (node:http, nothing mocked on the wire),
 * with short limits so that a server that stalls or never ends shows in a fraction of a second.
 * The browser's CORS behaviour is in test/e2e/subscriptions.test.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ImportResult } from '../../utils/pack-store';
import {
  type FetchLimits,
  fetchPack,
  originPattern,
  readSubscriptions,
  refreshAll,
  type SubscriptionHost,
  subscribe,
  urlProblem,
} from '../../utils/subscriptions';

const limits: FetchLimits = { answerMs: 300, idleMs: 300, totalMs: 2_000, bytes: 1_000 };
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
const routes = new Map<string, Handler>();
let server: Server;
let base: string;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    open.add(response);
    response.on('close', () => open.delete(response));
    (routes.get(request.url ?? '') ?? ((_, r) => r.writeHead(404).end()))(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const response of open) response.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  fakeBrowser.reset();
  browser.permissions.contains = vi.fn(async () => true) as never;
});
afterEach(() => {
  routes.clear();
  vi.restoreAllMocks();
});

describe('fetching a pack', () => {
  it('gives up on a server that never answers', async () => {
    routes.set('/stall', () => undefined);
    expect(await fetchPack(`${base}/stall`, undefined, limits)).toEqual({
      status: 'failed',
      message: 'the server did not answer within 0.3 s',
    });
  });

  it('gives up on a body that stops coming and never ends', async () => {
    routes.set('/hold', (_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"id": "team",');
    });
    expect(await fetchPack(`${base}/hold`, undefined, limits)).toEqual({
      status: 'failed',
      message: 'the server stopped sending the pack (nothing for 0.3 s)',
    });
  });

  it('gives up on a body that trickles in forever, at the deadline', async () => {
    routes.set('/trickle', (_, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
    });
    // Generous answer and idle limits, so only the total deadline can end it, even on a busy machine.
    const patient = { ...limits, answerMs: 10_000, idleMs: 10_000, totalMs: 1_000 };
    expect(await fetchPack(`${base}/trickle`, undefined, patient)).toEqual({
      status: 'failed',
      message: 'it took longer than 1 s',
    });
  });

  it('stops reading at the byte limit while the body streams, whatever the server declares', async () => {
    routes.set('/endless', (_, response) => {
      response.writeHead(200);
      const chunk = 'x'.repeat(400);
      const push = () => {
        while (response.write(chunk));
        response.once('drain', push);
      };
      push();
    });
    routes.set('/declared', (_, response) =>
      response.writeHead(200, { 'Content-Length': '5000' }).end('x'.repeat(5000)),
    );
    // Only the byte limit may end it, however slowly a busy machine runs the server.
    const patient = { ...limits, answerMs: 10_000, idleMs: 10_000, totalMs: 20_000 };
    expect(await fetchPack(`${base}/endless`, undefined, patient)).toEqual({
      status: 'failed',
      message: 'the pack is over 1000 bytes, the limit',
    });
    expect(await fetchPack(`${base}/declared`, undefined, limits)).toEqual({
      status: 'failed',
      message: 'the pack is 5000 bytes; the limit is 1000',
    });
  });

  it('counts bytes, not characters, and refuses text that is not UTF-8', async () => {
    routes.set('/kana', (_, response) => response.writeHead(200).end('あ'.repeat(400))); // 1,200 bytes
    routes.set('/latin1', (_, response) => response.writeHead(200).end(Buffer.from([0x63, 0x61, 0x66, 0xe9])));
    expect(await fetchPack(`${base}/kana`, undefined, limits)).toMatchObject({ status: 'failed' });
    expect(await fetchPack(`${base}/latin1`, undefined, limits)).toEqual({
      status: 'failed',
      message: 'the pack is not UTF-8 text',
    });
  });

  it('takes 304 as "unchanged" only when it asked with an ETag', async () => {
    let seen: string | undefined;
    routes.set('/304', (request, response) => {
      seen = request.headers['if-none-match'];
      response.writeHead(304).end();
    });
    expect(await fetchPack(`${base}/304`, '"v1"', limits)).toEqual({ status: 'not-modified' });
    expect(seen).toBe('"v1"');
    expect(await fetchPack(`${base}/304`, undefined, limits)).toEqual({
      status: 'failed',
      message:
        'the server answered 304 Not Modified to a request without If-None-Match; it must send the pack the first time',
    });
    expect(seen).toBeUndefined();
  });

  it('returns the text and the ETag', async () => {
    routes.set('/ok', (_, response) => response.writeHead(200, { ETag: '"v2"' }).end('{"id":"team"}'));
    expect(await fetchPack(`${base}/ok`, undefined, limits)).toEqual({
      status: 'ok',
      text: '{"id":"team"}',
      etag: '"v2"',
    });
  });
});

describe('subscriptions', () => {
  const admitted: string[] = [];
  const host: SubscriptionHost = {
    limits,
    async admit(text, url): Promise<ImportResult> {
      admitted.push(url);
      const { id, version } = JSON.parse(text) as { id: string; version: string };
      return {
        ok: true,
        stored: { pack: { id, version } as never, origin: url, source: 'subscription', updated: '' },
      };
    },
    hasPack: async (subscription) => subscription.packId !== undefined,
  };

  it('accept https anywhere and http only on this computer, and name the origin to ask access for', () => {
    expect(urlProblem('https://packs.example.com/team.json')).toBeUndefined();
    expect(urlProblem('http://127.0.0.1:8080/team.json')).toBeUndefined();
    expect(urlProblem('http://packs.example.com/team.json')).toContain('https://');
    expect(urlProblem('https://user:secret@packs.example.com/team.json')).toContain('user name or password');
    expect(originPattern('http://127.0.0.1:8080/team.json')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://packs.example.com/a/b.json?x=1')).toBe('https://packs.example.com/*');
  });

  it('are not made without the site’s permission, and say so when it is taken back', async () => {
    browser.permissions.contains = vi.fn(async () => false) as never;
    const url = `${base}/team.json`;
    expect(await subscribe(url, host)).toEqual({
      ok: false,
      error: `Preflight may not read ${base}: the permission was not granted or was taken back; subscribe again to grant it`,
    });
    expect(await readSubscriptions()).toEqual([]);
    await fakeBrowser.storage.local.set({ subscriptions: [{ url, packId: 'team', version: '1.0.0', etag: '"v1"' }] });
    const [after] = await refreshAll(host);
    expect(after).toMatchObject({
      packId: 'team',
      version: '1.0.0',
      lastError: { message: expect.stringContaining('taken back') },
    });
  });

  it('record a clear error, and no pack, when the first answer is 304', async () => {
    routes.set('/first-304.json', (_, response) => response.writeHead(304, { ETag: '"v1"' }).end());
    const result = await subscribe(`${base}/first-304.json`, host);
    expect(result).toMatchObject({
      ok: true,
      subscription: { lastError: { message: expect.stringContaining('304 Not Modified to a request without') } },
    });
    expect((await readSubscriptions())[0]?.packId).toBeUndefined();
  });

  it('refresh independently: a stalled server holds up only its own subscription', async () => {
    let version = '1.0.0';
    routes.set('/good.json', (_, response) =>
      response.writeHead(200, { ETag: `"${version}"` }).end(JSON.stringify({ id: 'good', version })),
    );
    routes.set('/stalled.json', () => undefined);
    await fakeBrowser.storage.local.set({
      subscriptions: [{ url: `${base}/stalled.json` }, { url: `${base}/good.json` }],
    });
    version = '1.1.0';
    // Two seconds for an answer: the good server answers at once, and a loaded machine must not let the
    // stalled one time out before the good one is saved (300 ms did not leave that margin).
    const all = refreshAll({ ...host, limits: { ...limits, answerMs: 2_000, idleMs: 2_000, totalMs: 4_000 } });
    // The good one is saved while the stalled one still waits.
    await vi.waitFor(async () => {
      const saved = await readSubscriptions();
      expect(saved.find((s) => s.url.endsWith('/good.json'))?.version).toBe('1.1.0');
      expect(saved.find((s) => s.url.endsWith('/stalled.json'))?.lastChecked).toBeUndefined();
    });
    const [stalled, good] = await all;
    expect(stalled?.lastError?.message).toBe('the server did not answer within 2 s');
    expect(good).toMatchObject({ version: '1.1.0', etag: '"1.1.0"' });
  });

  it('ask with If-None-Match only while their pack is in the store', async () => {
    const seen: (string | undefined)[] = [];
    routes.set('/etag.json', (request, response) => {
      seen.push(request.headers['if-none-match']);
      response.writeHead(200, { ETag: '"e1"' }).end(JSON.stringify({ id: 'e', version: '1.0.0' }));
    });
    await fakeBrowser.storage.local.set({ subscriptions: [{ url: `${base}/etag.json`, etag: '"e1"' }] });
    await refreshAll(host); // no pack from it yet: an unconditional request
    await refreshAll(host);
    expect(seen).toEqual([undefined, '"e1"']);
  });
});
