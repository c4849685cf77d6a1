/**
 * Pack subscriptions against a real loopback server with the browser's real CORS behaviour (no
 * request routing in this browser context: only the composer page's own requests are served from
 * the fixture). The server is set up as the README says; the extension reads it with the site's
 * host permission, so conditional requests need no CORS preflight. Servers that stall or never end
 * their body fail with a clear message and hold up no other subscription.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../utils/subscriptions';
import { serveFixture } from '../fixtures/serve';
import {
  browserMissing,
  type ExtensionBrowser,
  grantHostAccess,
  launchWithExtension,
  readExtensionStorage,
  revokeHostAccess,
} from './browser';
import { type PackServer, startPackServer, termsPack } from './pack-server';

const pack = (version: string, terms: string[]) => JSON.stringify(termsPack('team-subscribed', version, terms));
const LOOPBACK = 'http://127.0.0.1/*';

describe.skipIf(browserMissing)('pack subscriptions', () => {
  let server: PackServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let composer: Page;
  const url = (path: string) => `${server.base}${path}`;
  const row = (path: string) => options.locator(`[data-url="${url(path)}"]`);
  const count = () => composer.locator('preflight-layer .indicator').first().getAttribute('data-count');
  /** The subscription as the background saved it. */
  const saved = async (path: string) =>
    (await readExtensionStorage<Subscription[]>(options, 'subscriptions'))?.find((s) => s.url === url(path));
  const subscribeTo = async (path: string) => {
    await options.getByTestId('subscription-url').fill(url(path));
    await options.getByTestId('subscribe').click();
    await row(path).waitFor();
  };

  beforeAll(async () => {
    server = await startPackServer();
    server.set('/team.json', { kind: 'pack', body: pack('1.0.0', ['Nightjar']), etag: '"v1"' });
    browser = await launchWithExtension();
    // As a person grants it at the prompt Subscribe raises (loopback, any port).
    await grantHostAccess(browser, LOOPBACK);
    composer = await browser.context.newPage();
    await serveFixture(composer, 'https://mastodon.social', 'mastodon');
    await composer.goto('https://mastodon.social/home');
    await composer.locator('preflight-layer .indicator').first().waitFor();
    await composer.locator('form.compose-form textarea').first().click();
    await composer.keyboard.type('Nightjar and Falconet ship soon', { delay: 5 });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
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
    await subscribeTo('/team.json');
    await expect.poll(() => row('/team.json').textContent()).toContain('version 1.0.0');
    await expect.poll(count).toBe('1');
  });

  it('refreshes with If-None-Match and takes the 304, with no CORS preflight, then takes a new version', async () => {
    const before = (await saved('/team.json'))?.lastChecked;
    await options.getByTestId('refresh').click();
    await expect.poll(async () => (await saved('/team.json'))?.lastChecked).not.toBe(before);
    expect(server.requests.at(-1)).toEqual({ method: 'GET', path: '/team.json', ifNoneMatch: '"v1"' });
    // The 304 went through: no error, and the pack in use stays.
    expect((await saved('/team.json'))?.lastError).toBeUndefined();
    expect(await row('/team.json').getByTestId('subscription-error').count()).toBe(0);
    expect(server.requests.filter((r) => r.method === 'OPTIONS')).toEqual([]);
    server.set('/team.json', { kind: 'pack', body: pack('1.1.0', ['Nightjar', 'Falconet']), etag: '"v2"' });
    await options.getByTestId('refresh').click();
    await expect.poll(() => row('/team.json').textContent()).toContain('version 1.1.0');
    await expect.poll(count).toBe('2');
  });

  it('keeps the last good version when an update is broken, and says why', async () => {
    server.set('/team.json', {
      kind: 'pack',
      body: '{"id": "team-subscribed", "version": "1.2.0", "rules": [{"kind": "magic"}]}',
      etag: '"v3"',
    });
    await options.getByTestId('refresh').click();
    await expect
      .poll(() => row('/team.json').getByTestId('subscription-error').textContent())
      .toContain('Last update failed');
    expect(await row('/team.json').textContent()).toContain('version 1.1.0');
    expect(await count()).toBe('2');
  });

  it('gives a clear error, and no pack, when the first answer is 304', async () => {
    server.set('/first-304.json', { kind: 'not-modified' });
    await subscribeTo('/first-304.json');
    await expect
      .poll(() => row('/first-304.json').getByTestId('subscription-error').textContent())
      .toContain('304 Not Modified to a request without If-None-Match');
    expect(await row('/first-304.json').textContent()).not.toContain('version');
  });

  it('refreshes each subscription on its own: a server that stalls or never ends its body holds up no other', async () => {
    server.set('/stall.json', {
      kind: 'pack',
      body: JSON.stringify(termsPack('stall-pack', '1.0.0', ['x1'])),
      etag: '"s"',
    });
    server.set('/hold.json', {
      kind: 'pack',
      body: JSON.stringify(termsPack('hold-pack', '1.0.0', ['x2'])),
      etag: '"h"',
    });
    server.set('/late.json', {
      kind: 'pack',
      body: JSON.stringify(termsPack('late-pack', '1.0.0', ['x3'])),
      etag: '"l1"',
    });
    for (const path of ['/stall.json', '/hold.json', '/late.json']) {
      await subscribeTo(path);
      await expect.poll(() => row(path).textContent()).toContain('version 1.0.0');
    }
    server.set('/stall.json', { kind: 'stall' });
    server.set('/hold.json', { kind: 'never-ends' });
    server.set('/late.json', {
      kind: 'pack',
      body: JSON.stringify(termsPack('late-pack', '1.1.0', ['x3'])),
      etag: '"l2"',
    });
    await options.getByTestId('refresh').click();
    // The last subscription updates at once, while the two before it still wait on their servers.
    await expect.poll(() => row('/late.json').textContent()).toContain('version 1.1.0');
    expect(await row('/stall.json').getByTestId('subscription-error').count()).toBe(0);
    await expect
      .poll(() => row('/stall.json').getByTestId('subscription-error').textContent(), { timeout: 30_000 })
      .toContain('the server did not answer within 15 s');
    await expect
      .poll(() => row('/hold.json').getByTestId('subscription-error').textContent(), { timeout: 30_000 })
      .toContain('the server stopped sending the pack');
    // Their last good versions stay in use.
    expect(await row('/stall.json').textContent()).toContain('version 1.0.0');
    expect(await row('/hold.json').textContent()).toContain('version 1.0.0');
  });

  it('says so clearly when the site’s access is taken back', async () => {
    await revokeHostAccess(browser, LOOPBACK);
    server.set('/team.json', { kind: 'pack', body: pack('1.3.0', ['Nightjar']), etag: '"v4"' });
    await options.getByTestId('refresh').click();
    await expect
      .poll(() => row('/team.json').getByTestId('subscription-error').textContent())
      .toContain(`Preflight may not read ${server.base}`);
    expect(await row('/team.json').textContent()).toContain('version 1.1.0');
    expect(await count()).toBe('2');
  });
});
