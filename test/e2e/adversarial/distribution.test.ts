/**
 * Distribution, tried as an attacker or a careless admin would, in Chromium with the built
 * extension: a key taken back must switch off what it signed, and a subscription must not take the
 * id of a pack imported from a file. (Locks against packs' overrides, policy's keys alone and
 * stored packs with a signature that does not verify are in policy.test.ts; servers that stall or
 * never end in subscriptions.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pack } from '../../../rules/schema';
import { generateKeyPair, type KeyPair, signPack } from '../../../rules/signature';
import { serveFixture } from '../../fixtures/serve';
import { browserMissing, type ExtensionBrowser, grantHostAccess, launchWithExtension } from '../browser';
import { type PackServer, startPackServer, termsPack } from '../pack-server';

describe.skipIf(browserMissing)('distribution under attack', () => {
  let browser: ExtensionBrowser;
  let server: PackServer;
  let options: Page;
  let composer: Page;
  const dir = mkdtempSync(join(tmpdir(), 'preflight-adversarial-'));
  const signedFile = async (name: string, pack: object, key: KeyPair) => {
    writeFileSync(join(dir, name), JSON.stringify(await signPack(Pack.parse(pack), key)));
    return join(dir, name);
  };
  const severity = () => composer.locator('preflight-layer .indicator').first().getAttribute('data-severity');
  const row = (id: string) => options.locator(`[data-pack="${id}"]`);
  const addKey = async (key: KeyPair) => {
    await options.getByTestId('key-input').fill(JSON.stringify({ keyId: key.keyId, publicKey: key.publicKey }));
    await options.getByTestId('key-add').click();
    await expect.poll(() => options.locator(`[data-key="${key.keyId}"]`).count()).toBe(1);
  };
  const typeDraft = async (text: string) => {
    await composer.locator('form.compose-form textarea').first().click();
    await composer.keyboard.press('ControlOrMeta+A');
    await composer.keyboard.press('Backspace');
    await composer.keyboard.type(text, { delay: 5 });
  };

  beforeAll(async () => {
    server = await startPackServer();
    browser = await launchWithExtension();
    await grantHostAccess(browser, 'http://127.0.0.1/*');
    // Only this page's requests are served from the fixture: the extension's own fetches stay real.
    composer = await browser.context.newPage();
    await serveFixture(composer, 'https://mastodon.social', 'mastodon');
    await composer.goto('https://mastodon.social/home');
    await composer.locator('preflight-layer .indicator').first().waitFor();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    await options.getByTestId('import-pack').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('switches off the packs a key signed when that key is taken back, and says why', async () => {
    const key = await generateKeyPair();
    await addKey(key);
    await options
      .getByTestId('import-pack')
      .setInputFiles(await signedFile('signed.json', termsPack('signed-team', '1.0.0', ['Nightjar']), key));
    await expect.poll(() => row('signed-team').count()).toBe(1);
    await typeDraft('Nightjar ships soon');
    await expect.poll(severity).toBe('block');
    // The last key goes: nothing verifies the pack any more.
    await options.locator(`[data-key="${key.keyId}"] button`).click();
    await expect
      .poll(() => row('signed-team').getByTestId('pack-inactive').textContent())
      .toBe(`Not active: it is signed with key ${key.keyId}, which is not among the trusted keys`);
    await expect.poll(severity).toBe('clean');
    // Trusted again: active again, without importing it anew.
    await addKey(key);
    await expect.poll(() => row('signed-team').getByTestId('pack-inactive').count()).toBe(0);
    await expect.poll(severity).toBe('block');
  });

  it('refuses a subscription whose pack claims the id of an imported file, unless signed with the same key', async () => {
    const owner = await generateKeyPair();
    const intruder = await generateKeyPair();
    await addKey(owner);
    await addKey(intruder);
    await options
      .getByTestId('import-pack')
      .setInputFiles(await signedFile('brand.json', termsPack('brand', '1.0.0', ['Falconet']), owner));
    await expect.poll(() => row('brand').textContent()).toContain('1.0.0');
    // The intruder's server offers "brand" 9.0.0, which would replace the file's rules with harmless ones.
    const hostile = await signPack(Pack.parse(termsPack('brand', '9.0.0', ['zzz'])), intruder);
    server.set('/brand.json', { kind: 'pack', body: JSON.stringify(hostile), etag: '"x"' });
    await options.getByTestId('subscription-url').fill(`${server.base}/brand.json`);
    await options.getByTestId('subscribe').click();
    await expect
      .poll(() =>
        options.locator(`[data-url="${server.base}/brand.json"]`).getByTestId('subscription-error').textContent(),
      )
      .toContain(
        '"brand" is in use from the file brand.json; a pack from another source may take its place only when it is signed with the same trusted key',
      );
    // Nothing already active is lost.
    expect(await row('brand').textContent()).toContain('1.0.0');
    await typeDraft('Falconet ships soon');
    await expect.poll(severity).toBe('block');
    // The owner's own update by subscription, signed with the same key, takes its place.
    const update = await signPack(Pack.parse(termsPack('brand', '1.1.0', ['Falconet', 'Kestrel'])), owner);
    server.set('/brand.json', { kind: 'pack', body: JSON.stringify(update), etag: '"y"' });
    await options.getByTestId('refresh').click();
    await expect.poll(() => row('brand').textContent()).toContain('1.1.0');
    expect(await row('brand').getAttribute('data-source')).toBe('subscription');
  });
});
