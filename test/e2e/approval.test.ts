/**
 * Four-eyes approval in Chromium on the Mastodon fixture: the gate stops a health claim, "Ask for
 * approval" gives the request, the reviewer approves it with `preflight approve` (the CLI, in this
 * process), and the code pasted into the gate lets "Post (approved by legal)" post the draft as
 * written, with the reviewer, the note and the request hash in the audit log. A code for another
 * text (the draft edited), one from a key that is not a reviewer's, and one for other rules are
 * each refused with a message that says why.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { decodeRequest, encodeApproval, signApproval } from '../../rules/approval';
import type { KeyPair } from '../../rules/signature';
import type { AuditEntry } from '../../utils/audit';
import { serveFixture } from '../fixtures/serve';
import {
  browserMissing,
  type ExtensionBrowser,
  launchWithExtension,
  openMastodon,
  readExtensionStorage,
  writeExtensionStorage,
} from './browser';
import { confirmPressAgain } from './post-anyway';

const DRAFT = 'Our tea cures anxiety and prevents colds.';
const dir = mkdtempSync(join(tmpdir(), 'preflight-approval-e2e-'));

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(browserMissing)('four-eyes approval', () => {
  let browser: ExtensionBrowser;
  let options: Page;
  let composer: Page;
  let reviewer: KeyPair;
  const panel = () => composer.locator('preflight-layer [data-testid="approval"]');
  const post = () => composer.locator('form.compose-form button[type="submit"]').first().click();
  const posted = () => composer.evaluate(() => window.__fixture.posted.length);
  const paste = async (code: string) => {
    await panel().getByTestId('approval-code').fill(code);
    await panel().getByTestId('check-approval').click();
  };
  const requestText = async () => {
    await panel().getByTestId('ask-approval').click();
    return panel().getByTestId('approval-request').inputValue();
  };
  const approve = async (request: string) => {
    const file = join(dir, 'request.txt');
    writeFileSync(file, request);
    const result = await cli([
      'approve',
      file,
      '--key',
      join(dir, 'legal.key.json'),
      '--note',
      'Legal: claim reviewed',
      '--hours',
      '2',
    ]);
    expect(result.code).toBe(0);
    return result.out.split('\n').at(-1)!;
  };

  beforeAll(async () => {
    await cli(['pack', 'keygen', join(dir, 'legal')]);
    reviewer = JSON.parse(readFileSync(join(dir, 'legal.key.json'), 'utf8')) as KeyPair;
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    // The reviewer's public key, as the options page keeps it when no policy names reviewers.
    await writeExtensionStorage(options, {
      reviewerKeys: [{ keyId: reviewer.keyId, name: reviewer.name, publicKey: reviewer.publicKey }],
    });
    composer = await openMastodon(browser, DRAFT);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('refuses a code from a key that is not a reviewer’s, one for other rules, and an expired one', async () => {
    await post();
    await panel().waitFor();
    const request = decodeRequest(await requestText());
    if (!request.ok) throw new Error(request.error);
    expect(request.request).toMatchObject({ draft: DRAFT, platform: 'mastodon' });
    await cli(['pack', 'keygen', join(dir, 'stranger')]);
    const other = JSON.parse(readFileSync(join(dir, 'stranger.key.json'), 'utf8')) as KeyPair;
    const terms = { draftHash: request.request.draftHash, expires: '2099-01-01T00:00:00Z', note: 'fine' };
    await paste(encodeApproval(await signApproval({ ...terms, rules: ['legal.health-disease-claim'] }, other)));
    await expect.poll(() => panel().getByTestId('approval-error').textContent()).toContain('not a reviewer key');
    await paste(encodeApproval(await signApproval({ ...terms, rules: ['risk.disaster-promo'] }, reviewer)));
    await expect
      .poll(() => panel().getByTestId('approval-error').textContent())
      .toContain('it does not release legal.health-disease-claim');
    await paste(
      encodeApproval(
        await signApproval(
          { ...terms, expires: '2026-01-01T00:00:00Z', rules: ['legal.health-disease-claim'] },
          reviewer,
        ),
      ),
    );
    await expect
      .poll(() => panel().getByTestId('approval-error').textContent())
      .toContain('it expired at 2026-01-01T00:00:00Z');
    expect(await panel().getByTestId('post-approved').count()).toBe(0);
    expect(await posted()).toBe(0);
  });

  it('request → preflight approve → the code posts the draft as written, recorded with the reviewer and the note', async () => {
    const code = await approve(await requestText());
    await paste(code);
    const button = panel().getByTestId('post-approved');
    await expect.poll(() => button.textContent()).toBe('Post (approved by legal)');
    await button.click();
    // The dialog says "Press Post again"; the operator's own press posts the approved draft.
    await confirmPressAgain(composer);
    expect(await posted()).toBe(0);
    await post();
    await expect.poll(posted).toBe(1);
    expect(await composer.evaluate(() => window.__fixture.posted[0])).toContain(DRAFT);
    await expect
      .poll(async () => (await readExtensionStorage<AuditEntry[]>(options, 'audit'))?.at(-1)?.decision)
      .toBe('approved');
    const entry = (await readExtensionStorage<AuditEntry[]>(options, 'audit'))!.at(-1)!;
    expect(entry.approval).toMatchObject({ reviewer: 'legal', keyId: reviewer.keyId, note: 'Legal: claim reviewed' });
    expect(entry.approval?.requestHash).toBe(entry.draftHash);
  });

  it('refuses a code once the draft is edited', async () => {
    await composer.locator('form.compose-form textarea').first().click();
    await composer.keyboard.type(DRAFT, { delay: 5 });
    await post();
    await panel().waitFor();
    const code = await approve(await requestText());
    await composer.keyboard.press('Escape');
    await composer.locator('form.compose-form textarea').first().click();
    await composer.keyboard.type('!', { delay: 5 });
    await post();
    await panel().waitFor();
    await paste(code);
    await expect
      .poll(() => panel().getByTestId('approval-error').textContent())
      .toContain('the draft was edited after the request');
    expect(await posted()).toBe(1);
  });

  it('the options page approves: the key kept sealed with a passphrase, the draft re-checked and shown, the code posts', async () => {
    await composer.keyboard.press('Escape');
    await composer.locator('form.compose-form textarea').first().click();
    await composer.keyboard.press('Control+A');
    await composer.keyboard.type(DRAFT, { delay: 5 });
    await post();
    await panel().waitFor();
    const request = await requestText();
    await options.reload();
    await options.getByTestId('reviewer-key-file').fill(readFileSync(join(dir, 'legal.key.json'), 'utf8'));
    await options.getByTestId('reviewer-new-passphrase').fill('correct horse battery');
    await options.getByTestId('reviewer-key-save').click();
    await options.getByTestId('approve-request').waitFor();
    const stored = await readExtensionStorage<Record<string, unknown>>(options, 'reviewerSecret');
    expect(JSON.stringify(stored)).not.toContain(reviewer.secretKey);
    await options.getByTestId('approve-request').fill(request);
    await options.getByTestId('approve-check').click();
    await expect.poll(() => options.getByTestId('approve-draft').textContent()).toBe(DRAFT);
    expect(await options.locator('.approve-draft').textContent()).toContain('cures anxiety');
    await options.getByTestId('approve-note').fill('Legal: reviewed in the options page');
    await options.getByTestId('approve-passphrase').fill('wrong passphrase!');
    await options.getByTestId('approve-sign').click();
    await expect.poll(() => options.locator('.approve [role="alert"]').textContent()).toContain('passphrase is wrong');
    await options.getByTestId('approve-passphrase').fill('correct horse battery');
    await options.getByTestId('approve-sign').click();
    const code = await options.getByTestId('approve-code').inputValue();
    expect(code).toMatch(/^preflight-approval:/);
    const before = await posted();
    await paste(code);
    await panel().getByTestId('post-approved').click();
    await confirmPressAgain(composer);
    await post();
    await expect.poll(posted).toBe(before + 1);
    await expect
      .poll(async () => (await readExtensionStorage<AuditEntry[]>(options, 'audit'))?.at(-1)?.approval?.note)
      .toBe('Legal: reviewed in the options page');
  });
});
