/**
 * A pack subscription served from a loopback server: subscribed in the options page, updated with
 * ETag / If-None-Match, and kept at its last good version when the server sends a broken pack.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension, openMastodon } from './browser';

const pack = (version: string, terms: string[]) =>
  JSON.stringify({
    id: 'team-subscribed',
    name: 'Subscribed team pack',
    version,
    locales: ['en'],
    sets: [{ id: 'secrets', title: 'Secrets' }],
    manual: [{ id: 'codenames', title: 'Codenames', body: 'Keep them inside.' }],
    rules: [
      {
        id: 'sub.codename',
        set: 'secrets',
        kind: 'terms',
        category: 'privacy',
        severity: 'block',
        manual: 'codenames',
        message: '{match}',
        terms,
      },
    ],
  });

describe.skipIf(browserMissing)('pack subscriptions', () => {
  let server: Server;
  let url: string;
  let body = pack('1.0.0', ['Nightjar']);
  let etag = '"v1"';
  const requests: IncomingHttpHeaders[] = [];
  let browser: ExtensionBrowser;
  let options: Page;
  let composer: Page;
  const count = () => composer.locator('preflight-layer .indicator').first().getAttribute('data-count');

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.headers);
      const headers = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag', ETag: etag };
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      response.writeHead(200, { ...headers, 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/team.json`;
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
    composer = await openMastodon(browser, 'Nightjar and Falconet ship soon');
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('refuses a plain http:// address that is not this computer', async () => {
    await options.getByTestId('subscription-url').fill('http://packs.example.com/team.json');
    await options.getByTestId('subscribe').click();
    await expect
      .poll(() => options.locator('.subscriptions [role="alert"]').textContent())
      .toContain('must use https://');
  });

  it('subscribes, and the pack applies to an open composer', async () => {
    expect(await count()).toBe('0');
    await options.getByTestId('subscription-url').fill(url);
    await options.getByTestId('subscribe').click();
    await expect.poll(() => options.locator(`[data-url="${url}"]`).textContent()).toContain('version 1.0.0');
    await expect.poll(count, { timeout: 3000 }).toBe('1');
  });

  it('asks with If-None-Match, takes a new version, and keeps the last good one when an update is broken', async () => {
    await options.getByTestId('refresh').click();
    await expect.poll(() => requests.at(-1)?.['if-none-match']).toBe('"v1"');
    body = pack('1.1.0', ['Nightjar', 'Falconet']);
    etag = '"v2"';
    await options.getByTestId('refresh').click();
    await expect.poll(() => options.locator(`[data-url="${url}"]`).textContent()).toContain('version 1.1.0');
    await expect.poll(count, { timeout: 3000 }).toBe('2');
    body = '{"id": "team-subscribed", "version": "1.2.0", "rules": [{"kind": "magic"}]}';
    etag = '"v3"';
    await options.getByTestId('refresh').click();
    await expect.poll(() => options.getByTestId('subscription-error').textContent()).toContain('Last update failed');
    expect(await options.locator(`[data-url="${url}"]`).textContent()).toContain('version 1.1.0');
    expect(await count()).toBe('2');
  });
});
