/**
 * The team state in Chromium: a real loopback server (node:http, as admins set one up) serves a
 * signed state; the options page follows it; turning the quiet period on there stops a promotional
 * draft in a composer that is already open, without a reload, and shows the team's message on the
 * badge; turning it off releases the draft; a tampered or unsigned state is refused, the last good
 * one stays and the options page says why. Each state applied or refused is its own line in the
 * audit log, its table and its export. The refresh is triggered by "Check now" (the same message
 * the one-minute alarm sends) instead of waiting a minute.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, type KeyPair } from '../../rules/signature';
import { signTeamState } from '../../rules/team-state';
import type { AuditRecord, TeamStateEntry } from '../../utils/audit';
import { serveFixture } from '../fixtures/serve';
import { QUIET_MESSAGE as MESSAGE, quietState as state } from '../helpers/team-state';
import {
  browserMissing,
  type ExtensionBrowser,
  grantHostAccess,
  launchWithExtension,
  openMastodon,
  readExtensionStorage,
} from './browser';
import { type PackServer, startPackServer } from './pack-server';

describe.skipIf(browserMissing)('team state', () => {
  let server: PackServer;
  let browser: ExtensionBrowser;
  let options: Page;
  let composer: Page;
  let key: KeyPair;
  const severity = () => composer.locator('preflight-layer .indicator').first().getAttribute('data-severity');
  const badge = () => composer.locator('preflight-layer .indicator').first().textContent();
  const serve = (body: unknown, etag: string) =>
    server.set('/state.json', { kind: 'pack', body: JSON.stringify(body), etag });
  const checkNow = () => options.getByTestId('team-state-refresh').click();

  beforeAll(async () => {
    key = await generateKeyPair('duty-lead');
    server = await startPackServer();
    serve(await signTeamState(state('2026-12-04T13:00:00Z', false), key), '"v0"');
    browser = await launchWithExtension();
    await grantHostAccess(browser, 'http://127.0.0.1/*');
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    // The admin trusts the team's public key (pack keygen's NAME.pub.json) in the options page.
    await options.evaluate(
      (keys) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'preflight:set-trusted-keys', keys }),
      [{ keyId: key.keyId, name: key.name, publicKey: key.publicKey }],
    );
    composer = await openMastodon(browser, 'Weekend sale: 20% off everything!');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('follows the state; turning the quiet period on stops a promotion in an open composer, with the message', async () => {
    await expect.poll(severity).not.toBe('block');
    await options.getByTestId('team-state-input').fill(`${server.base}/state.json`);
    await options.getByTestId('team-state-follow').click();
    await expect.poll(() => options.getByTestId('team-state-url').textContent()).toContain('/state.json');
    // The first state (quiet period off) is in force: a lock, and the draft still goes.
    await expect.poll(() => options.getByTestId('team-lock').count()).toBe(1);
    expect(await severity()).not.toBe('block');
    serve(await signTeamState(state('2026-12-04T14:02:00Z', true, MESSAGE), key), '"v1"');
    await checkNow();
    await expect.poll(severity).toBe('block');
    await expect.poll(badge).toContain(MESSAGE);
    expect(await badge()).toContain('duty-lead');
    await expect.poll(() => options.getByTestId('team-lock').textContent()).toContain('duty-lead');
    expect(await options.getByTestId('team-message').textContent()).toBe(MESSAGE);
    expect(server.requests.at(-1)).toMatchObject({ path: '/state.json', ifNoneMatch: '"v0"' });
  });

  it("wins over a person's own switch: the popup's quiet period is locked, with the reason", async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('quiet-period').isDisabled()).toBe(true);
    expect(await popup.getByTestId('quiet-period').isChecked()).toBe(true);
    expect(await popup.getByTestId('team-message').textContent()).toBe(MESSAGE);
    await popup.close();
  });

  it('turning it off releases the draft', async () => {
    serve(await signTeamState(state('2026-12-04T15:00:00Z', false), key), '"v2"');
    await checkNow();
    await expect.poll(severity).not.toBe('block');
    await expect.poll(badge).not.toContain(MESSAGE);
  });

  it('refuses a tampered state and an unsigned one: the last good one stays, and the options page says why', async () => {
    const signed = await signTeamState(state('2026-12-04T16:00:00Z', false, 'All clear'), key);
    serve({ ...signed, sets: { 'quiet-period': true } }, '"v3"');
    await checkNow();
    await expect
      .poll(() => options.getByTestId('team-state-error').textContent())
      .toContain('the team state was changed after it was signed');
    expect(await severity()).not.toBe('block');
    const { signature: _removed, ...unsigned } = await signTeamState(state('2026-12-04T17:00:00Z', true), key);
    serve(unsigned, '"v4"');
    await checkNow();
    await expect.poll(() => options.getByTestId('team-state-error').textContent()).toContain('is not signed');
    expect(await severity()).not.toBe('block');
    // Signed again with the team's key: taken, and the error goes.
    serve(await signTeamState(state('2026-12-04T18:00:00Z', true, MESSAGE), key), '"v5"');
    await checkNow();
    await expect.poll(severity).toBe('block');
    await expect.poll(() => options.getByTestId('team-state-error').count()).toBe(0);
  });

  it('the options page signs a state with the team key kept sealed; served, it releases the open composer', async () => {
    await options.getByTestId('team-key-file').fill(JSON.stringify(key));
    await options.getByTestId('team-new-passphrase').fill('correct horse battery');
    await options.getByTestId('team-key-save').click();
    await options.getByTestId('team-sign-passphrase').waitFor();
    expect(JSON.stringify(await readExtensionStorage(options, 'teamSecret'))).not.toContain(key.secretKey);
    await options.locator('select[data-team-set="quiet-period"]').selectOption('off');
    await options.getByTestId('team-sign-message').fill('All clear from the duty lead');
    await options.getByTestId('team-sign-passphrase').fill('correct horse battery');
    await options.getByTestId('team-sign').click();
    const signed = await options.getByTestId('team-sign-output').inputValue();
    expect(JSON.parse(signed)).toMatchObject({ sets: { 'quiet-period': false }, signature: { keyId: key.keyId } });
    server.set('/state.json', { kind: 'pack', body: signed, etag: '"v6"' });
    await checkNow();
    await expect.poll(severity).not.toBe('block');
    await expect.poll(badge).toContain('All clear from the duty lead');
    const download = options.waitForEvent('download');
    await options.getByTestId('team-sign-download').click();
    expect((await download).suggestedFilename()).toBe('team-state.json');
  });

  it('writes each state applied or refused to the audit log, shown in its table and its CSV export', async () => {
    const teamEntries = async () =>
      ((await readExtensionStorage<AuditRecord[]>(options, 'audit')) ?? []).filter(
        (entry): entry is TeamStateEntry => 'changes' in entry,
      );
    await expect.poll(async () => (await teamEntries()).length).toBe(7);
    const entries = await teamEntries();
    expect(entries.map((e) => [e.decision, e.issued])).toEqual([
      ['team-state', '2026-12-04T13:00:00Z'],
      ['team-state', '2026-12-04T14:02:00Z'],
      ['team-state', '2026-12-04T15:00:00Z'],
      ['team-state-refused', '2026-12-04T16:00:00Z'],
      ['team-state-refused', '2026-12-04T17:00:00Z'],
      ['team-state', '2026-12-04T18:00:00Z'],
      ['team-state', expect.any(String)],
    ]);
    expect(entries[1]).toMatchObject({
      origin: `${server.base}/state.json`,
      signer: 'duty-lead',
      keyId: key.keyId,
      changes: expect.arrayContaining([{ field: 'set', key: 'quiet-period', from: 'off', to: 'on' }]),
      message: MESSAGE,
    });
    expect(entries[3]?.reason).toContain('changed after it was signed');
    expect(entries[4]?.reason).toContain('is not signed');
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#audit`);
    const rows = options.getByTestId('audit-team-state');
    await expect.poll(() => rows.count()).toBe(7);
    // Newest first: the state the options page signed, then the one before it.
    expect(await rows.nth(0).getAttribute('data-decision')).toBe('team-state');
    expect(await rows.nth(2).textContent()).toContain('is not signed');
    expect(await rows.nth(5).textContent()).toContain('quiet-period: off → on');
    expect(await rows.nth(5).textContent()).toContain('duty-lead');
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n').filter((line) => line.includes('"team-state-refused"'))).toHaveLength(2);
    expect(csv).toContain('set quiet-period: off → on');
  });
});
