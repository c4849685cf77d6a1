/**
 * Enterprise policy, as an admin sets it: a real managed-policy file for Chromium on Linux
 * (/etc/chromium/policies/managed/), naming the extension by its fixed ID. It forces signed packs
 * (one of whose overrides tries to switch off what policy locks), locks rules and sets, names its
 * own trusted key, requires signatures and turns "Post anyway" off. Writing there needs root, as CI has.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pack, type PackInput } from '../../rules/schema';
import { generateKeyPair, type KeyPair, signPack } from '../../rules/signature';
import { serveFixture } from '../fixtures/serve';
import {
  browserMissing,
  type ExtensionBrowser,
  launchWithExtension,
  openMastodon,
  readExtensionStorage,
  writeExtensionStorage,
} from './browser';
import { canWritePolicy, managedPolicy } from './managed-policy';
import { termsPack } from './pack-server';

const forcedPack: PackInput = {
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
  // Tries to switch off a rule policy locks, and one of a set policy keeps on: neither may hold.
  overrides: [
    { rule: 'pii.payment-card', enabled: false },
    { rule: 'pii.email', enabled: false },
  ],
};
const signed = async (pack: PackInput, key: KeyPair) => signPack(Pack.parse(pack), key);
const DRAFT = 'Card 4111 1111 1111 1111, mail tanaka.hanako@gmail.com';

describe.skipIf(browserMissing || !canWritePolicy)('enterprise policy (Chromium managed policy file)', () => {
  let browser: ExtensionBrowser;
  let policyKey: KeyPair;
  const policy = managedPolicy('policy');
  const dir = mkdtempSync(join(tmpdir(), 'preflight-policy-'));
  const packFile = (name: string, pack: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(pack));
    return join(dir, name);
  };
  const openOptions = async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    await options.locator('[data-pack="acme-policy"]').waitFor({ timeout: 10_000 });
    return options;
  };
  const ruleIds = async (page: Page) => {
    await page.locator('preflight-layer .indicator').first().click();
    const ids = await page
      .locator('preflight-layer [data-rule]')
      .evaluateAll((all) => all.map((f) => f.getAttribute('data-rule')));
    await page.keyboard.press('Escape');
    return ids;
  };
  beforeAll(async () => {
    policyKey = await generateKeyPair();
    policy.write({
      forcedPacks: [
        JSON.stringify(await signed(forcedPack, policyKey)),
        JSON.stringify(termsPack('acme-unsigned', '1.0.0', ['Kestrel'])),
      ],
      setSwitches: {
        'preflight-default/claims': false,
        'preflight-default/quiet-period': false,
        'preflight-default/privacy': true,
      },
      allowOverride: false,
      lockedRules: ['pii.payment-card'],
      trustedKeys: [{ keyId: policyKey.keyId, publicKey: policyKey.publicKey }],
      requireSignedPacks: true,
    });
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
  });
  afterAll(async () => {
    await browser?.close();
    policy.remove();
    rmSync(dir, { recursive: true, force: true });
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

  it('refuses a forced pack that is not signed with policy’s key, and says why', async () => {
    const options = await openOptions();
    await expect
      .poll(() => options.locator('.import-failed[role="alert"]').first().textContent())
      .toContain('policy forcedPacks[1]: signature: refused: the pack is not signed');
    expect(await options.locator('[data-pack="acme-unsigned"]').count()).toBe(0);
    await options.close();
  });

  it('holds locked rules and locked-on sets against a forced pack’s overrides, an imported one’s and a reviewer’s', async () => {
    const options = await openOptions();
    const team = await signed(
      termsPack('team-overrides', '1.0.0', ['Falconet'], {
        overrides: [
          { rule: 'pii.payment-card', severity: 'info' },
          { rule: 'pii.email', enabled: false },
        ],
      }) as PackInput,
      policyKey,
    );
    await options.getByTestId('import-pack').setInputFiles(packFile('team-overrides.json', team));
    await expect.poll(() => options.locator('[role="status"]').textContent()).toContain('Imported');
    // A reviewer's switches, written where the options page keeps them.
    await writeExtensionStorage(options, { ruleOverrides: { 'pii.payment-card': 'off', 'pii.email': 'off' } });
    const page = await openMastodon(browser, DRAFT);
    const indicator = page.locator('preflight-layer .indicator').first();
    await expect.poll(() => indicator.getAttribute('data-severity')).toBe('block');
    expect(await ruleIds(page)).toEqual(['pii.payment-card', 'pii.email']);
    // Both show as locked in the options page: the locked rule, and every rule of the set kept on.
    await options.locator('nav a[data-section="rules"]').click();
    await options.locator('[data-rule-id="pii.email"]').waitFor();
    for (const id of ['pii.payment-card', 'pii.email']) {
      expect(await options.locator(`[data-rule-id="${id}"]`).getByTestId('rule-locked').count()).toBe(1);
    }
    await page.close();
    await options.close();
  });

  it('counts only policy’s keys when policy names any: a key added in the options page admits nothing', async () => {
    const options = await openOptions();
    const own = await generateKeyPair();
    await options.getByTestId('key-input').fill(JSON.stringify({ keyId: own.keyId, publicKey: own.publicKey }));
    await options.getByTestId('key-add').click();
    await expect.poll(() => options.getByTestId('keys-ignored').count()).toBe(1);
    const pack = await signed(termsPack('own-key', '1.0.0', ['Osprey']) as PackInput, own);
    await options.getByTestId('import-pack').setInputFiles(packFile('own-key.json', pack));
    await expect
      .poll(() => options.locator('.packs .import-failed[role="alert"]').textContent())
      .toContain(`signature: refused: it is signed with key ${own.keyId}, which is not among the trusted keys`);
    expect(await options.locator('[data-pack="own-key"]').count()).toBe(0);
    await options.close();
  });

  it('activates a stored pack only when its signature verifies now: a signature field is not enough', async () => {
    const options = await openOptions();
    const forged = await signed(termsPack('forged', '1.0.0', ['Merlin']) as PackInput, policyKey);
    forged.rules[0] = { ...forged.rules[0]!, severity: 'info' } as Pack['rules'][number];
    const stored = (await readExtensionStorage<unknown[]>(options, 'packs')) ?? [];
    await writeExtensionStorage(options, {
      packs: [...stored, { pack: forged, origin: 'forged.json', source: 'file', updated: new Date().toISOString() }],
    });
    await expect
      .poll(() => options.locator('[data-pack="forged"]').getByTestId('pack-inactive').textContent())
      .toContain('Not active: the signature does not verify');
    const page = await openMastodon(browser, 'Merlin ships soon');
    await expect
      .poll(() => page.locator('preflight-layer .indicator').first().getAttribute('data-severity'))
      .toBe('clean');
    await page.close();
    await options.close();
  });
});
