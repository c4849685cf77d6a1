/**
 * The team state delivered by enterprise policy, as an admin sets it: a real managed-policy file
 * for Chromium on Linux (/etc/chromium/policies/managed/) whose `teamState` carries a signed state
 * inline and whose `trustedKeys` names the team's key. A new state in the file (policies reloaded
 * as chrome://policy's "Reload policies" does) turns the quiet period on in a composer that is
 * already open, with the team's message on the badge and the lock, its reason and its signer in the
 * options page; a tampered state in the file is refused with the error shown, and the last good one
 * stays. Writing there needs root, as CI has.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, type KeyPair } from '../../rules/signature';
import { signTeamState } from '../../rules/team-state';
import { serveFixture } from '../fixtures/serve';
import { QUIET_MESSAGE as MESSAGE, quietState as state } from '../helpers/team-state';
import { browserMissing, type ExtensionBrowser, launchWithExtension, openMastodon } from './browser';
import { canWritePolicy, managedPolicy, reloadPolicies } from './managed-policy';

describe.skipIf(browserMissing || !canWritePolicy)('team state from enterprise policy (managed policy file)', () => {
  let browser: ExtensionBrowser;
  let key: KeyPair;
  let composer: Page;
  let options: Page;
  const severity = () => composer.locator('preflight-layer .indicator').first().getAttribute('data-severity');
  const badge = () => composer.locator('preflight-layer .indicator').first().textContent();
  const policy = managedPolicy('team-state');
  /** The policy file an admin deploys: the team's public key, and the signed state as JSON text. */
  const writePolicy = (teamState: unknown) =>
    policy.write({
      trustedKeys: [{ keyId: key.keyId, name: key.name, publicKey: key.publicKey }],
      teamState: JSON.stringify(teamState),
    });

  beforeAll(async () => {
    key = await generateKeyPair('duty-lead');
    writePolicy(await signTeamState(state('2026-12-04T13:00:00Z', false), key));
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    composer = await openMastodon(browser, 'Weekend sale: 20% off everything!');
  });
  afterAll(async () => {
    await browser?.close();
    policy.remove();
  });

  it('takes the state policy carries: a lock signed by the team key, and the draft still goes', async () => {
    await expect
      .poll(() => options.getByTestId('team-lock').getAttribute('data-signer'), { timeout: 15_000 })
      .toBe('duty-lead');
    expect(await severity()).not.toBe('block');
  });

  it('a new state in the policy file turns the quiet period on in the open composer, with the reason and signer', async () => {
    writePolicy(await signTeamState(state('2026-12-04T14:02:00Z', true, MESSAGE), key));
    await reloadPolicies(browser);
    await expect.poll(severity, { timeout: 15_000 }).toBe('block');
    await expect.poll(badge).toContain(MESSAGE);
    expect(await badge()).toContain('duty-lead');
    await expect.poll(() => options.getByTestId('team-message').textContent()).toBe(MESSAGE);
    expect(await options.getByTestId('team-lock').textContent()).toContain('signed by duty-lead');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('quiet-period').isDisabled()).toBe(true);
    expect(await popup.getByTestId('quiet-period').isChecked()).toBe(true);
    await popup.close();
  });

  it('refuses a tampered state in the policy file, says why, and keeps the last good one', async () => {
    const signed = await signTeamState(state('2026-12-04T16:00:00Z', false, 'All clear'), key);
    writePolicy({ ...signed, message: 'All clear — post as usual' });
    await reloadPolicies(browser);
    await expect
      .poll(() => options.getByTestId('team-state-error').textContent(), { timeout: 15_000 })
      .toContain('the team state was changed after it was signed');
    expect(await severity()).toBe('block');
    expect(await badge()).toContain(MESSAGE);
    expect(await options.getByTestId('team-message').textContent()).toBe(MESSAGE);
  });
});
