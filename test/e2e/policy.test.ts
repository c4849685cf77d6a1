/**
 * Enterprise policy, as an admin sets it: a real managed-policy file for Chromium on Linux
 * (/etc/chromium/policies/managed/), naming the extension by its fixed ID. It forces a pack, locks
 * sets and turns "Post anyway" off. Writing there needs root, as CI has.
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, EXTENSION_ID, type ExtensionBrowser, launchWithExtension } from './browser';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'preflight-e2e.json');
const canWritePolicy = (() => {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
})();

const forcedPack = {
  id: 'acme-policy',
  name: 'ACME policy pack',
  version: '3.0.0',
  locales: ['en'],
  sets: [{ id: 'secrets', title: 'Secrets' }],
  manual: [{ id: 'codenames', title: 'Codenames', body: 'Codenames stay inside ACME.' }],
  rules: [
    {
      id: 'acme.codename',
      set: 'secrets',
      kind: 'terms',
      category: 'privacy',
      severity: 'block',
      manual: 'codenames',
      message: '{match} is an internal codename.',
      terms: ['Nightjar'],
    },
  ],
};

describe.skipIf(browserMissing || !canWritePolicy)('enterprise policy (Chromium managed policy file)', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({
        '3rdparty': {
          extensions: {
            [EXTENSION_ID]: {
              forcedPacks: [JSON.stringify(forcedPack)],
              setSwitches: { 'preflight-default/claims': false, 'preflight-default/quiet-period': false },
              allowOverride: false,
              lockedRules: ['pii.payment-card'],
            },
          },
        },
      }),
    );
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('makes the forced pack active and shows it as set by policy', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    await expect
      .poll(() => options.locator('[data-pack="acme-policy"]').textContent(), { timeout: 10_000 })
      .toContain('enterprise policy');
    await options.close();
  });

  it('shows locked sets as locks, not as switches', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const claims = options.locator('[data-set="claims"]');
    await expect.poll(() => claims.locator('[data-testid="locked"]').count()).toBe(1);
    expect(await claims.locator('input[role="switch"]').isDisabled()).toBe(true);
    expect(await claims.locator('input[role="switch"]').isChecked()).toBe(false);
    expect(await options.locator('[data-set="brand-voice"] input[role="switch"]').isDisabled()).toBe(false);
    await options.locator('nav a[data-section="rules"]').click();
    const card = options.locator('[data-rule-id="pii.payment-card"]');
    await card.waitFor();
    expect(await card.getByTestId('rule-locked').count()).toBe(1);
    expect(await card.getByTestId('rule-severity').count()).toBe(0);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('quiet-period').isDisabled()).toBe(true);
    await popup.close();
    await options.close();
  });

  it('applies the forced pack and the locked sets in composers, and offers no "Post anyway"', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://mastodon.social/home');
    const indicator = page.locator('preflight-layer .indicator').first();
    await indicator.waitFor();
    await page.locator('form.compose-form textarea').first().click();
    await page.keyboard.type('元本保証 and details here: https://bit.ly/3xYz', { delay: 5 });
    // claims is off by policy, so only the link warning is left.
    await expect.poll(() => indicator.getAttribute('data-severity')).toBe('warn');
    await page.locator('form.compose-form button[type="submit"]').first().click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('.post-anyway').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.keyboard.type(' Nightjar', { delay: 5 });
    await expect.poll(() => indicator.getAttribute('data-severity')).toBe('block');
    expect(await page.evaluate(() => window.__fixture.posted)).toEqual([]);
    await page.close();
  });
});
