/**
 * "Post anyway" on a page that acts only on the operator's own events (it checks `event.isTrusted`,
 * as sites that ignore a scripted press do). A replayed press would be ignored and the post silently
 * lost; instead the gate arms a pass for this exact draft and lets the operator's next press through,
 * once. An edit voids the pass; a block draft never gets one. A press made while the packs were still
 * loading is held, checked when they arrive, and let go the same way ("Checked — press Post again").
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, withFixtures } from '../browser';
import { DRAFTS } from '../contract';
import { confirmPressAgain } from '../post-anyway';
import { auditLog, holdPacks, openAndType, posted } from './helpers';

const ORIGIN = 'https://mastodon.social';
const REASON = 'Checked with the campaign owner';

describe.skipIf(browserMissing)('"Post anyway" where the page ignores scripted presses', () => {
  const session = withFixtures([{ origin: ORIGIN, fixture: 'adversarial' }]);

  const indicator = (page: Page) => page.locator('preflight-layer .indicator');
  const postButton = (page: Page) => page.locator('.compose-form__submit button');
  const gate = (page: Page) => page.locator('preflight-layer [role="alertdialog"]');

  const open = async (draft: string, severity: string): Promise<Page> => {
    const page = await openAndType(session, `${ORIGIN}/trusted`, 'textarea', draft);
    await expect.poll(() => indicator(page).getAttribute('data-severity')).toBe(severity);
    return page;
  };

  /** Post → the gate → a reason → "Post anyway" → "Press Post again": armed, nothing posted yet. */
  const arm = async (page: Page) => {
    await postButton(page).click();
    await expect.poll(() => gate(page).isVisible()).toBe(true);
    await gate(page).locator('textarea').fill(REASON);
    await gate(page).locator('.post-anyway').click();
    await expect.poll(() => gate(page).locator('h2').textContent()).toBe('Press Post again to publish');
    await confirmPressAgain(page);
    expect(await posted(page)).toEqual([]);
  };

  it('warn → Post anyway → press again: the page receives the post exactly once, one decision logged', async () => {
    const before = (await auditLog(session.browser)).length;
    const page = await open(DRAFTS.warn, 'warn');
    await arm(page);
    await postButton(page).click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.warn]);
    expect(await gate(page).count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await posted(page)).toEqual([DRAFTS.warn]);
    await expect
      .poll(async () => (await auditLog(session.browser)).slice(before).map((entry) => entry.decision))
      .toEqual(['stopped', 'override']);
    expect((await auditLog(session.browser)).at(-1)).toMatchObject({ platform: 'mastodon', reason: REASON });
    await page.close();
  });

  it('takes the operator’s Ctrl+Enter in the draft as the press', async () => {
    const page = await open(DRAFTS.warn, 'warn');
    await arm(page);
    await page.locator('textarea').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => posted(page)).toEqual([DRAFTS.warn]);
    await page.close();
  });

  it('an edit after arming voids the pass: the next press is gated again, nothing posted', async () => {
    const page = await open(DRAFTS.warn, 'warn');
    await arm(page);
    // An edit that puts the same text back still counts.
    await page.locator('textarea').click();
    await page.keyboard.type('!', { delay: 5 });
    await page.keyboard.press('Backspace');
    expect(await page.locator('textarea').inputValue()).toBe(DRAFTS.warn);
    await postButton(page).click();
    await expect.poll(() => gate(page).isVisible()).toBe(true);
    expect(await gate(page).locator('.post-anyway').count()).toBe(1);
    expect(await posted(page)).toEqual([]);
    await page.close();
  });

  it('a block draft gets no pass: no "Post anyway", and every press is gated', async () => {
    const page = await open(DRAFTS.block, 'block');
    for (let attempt = 0; attempt < 2; attempt++) {
      await postButton(page).click();
      await expect.poll(() => gate(page).isVisible()).toBe(true);
      expect(await gate(page).locator('.post-anyway').count()).toBe(0);
      await gate(page).locator('button.edit').click();
      await expect.poll(() => gate(page).count()).toBe(0);
    }
    expect(await posted(page)).toEqual([]);
    expect(await page.locator('textarea').inputValue()).toBe(DRAFTS.block);
    await page.close();
  });

  it('a clean draft goes out on its first press, untouched', async () => {
    const page = await open(DRAFTS.clean, 'clean');
    await postButton(page).click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
    expect(await gate(page).count()).toBe(0);
    await page.close();
  });

  /** The draft typed and Post pressed while the packs are held back; then they are let through. */
  const pressWhileLoading = async (draft: string): Promise<Page> => {
    const release = await holdPacks(session.browser);
    const page = await session.newPage();
    try {
      await page.goto(`${ORIGIN}/trusted`);
      await page.locator('textarea').click();
      await page.keyboard.type(draft, { delay: 5 });
      await postButton(page).click();
      // Held, not passed: no dialog yet (nothing to show), nothing posted.
      await page.waitForTimeout(300);
      expect(await gate(page).count()).toBe(0);
      expect(await posted(page)).toEqual([]);
    } finally {
      await release();
    }
    return page;
  };

  it('a press held while the packs load: checked, "press Post again", and the operator’s own press posts it once', async () => {
    // The earlier tests' entries may still be on their way: count only what is logged from now on.
    const start = new Date().toISOString();
    const page = await pressWhileLoading(DRAFTS.clean);
    await expect.poll(() => gate(page).locator('h2').textContent()).toBe('Checked — press Post again');
    // Nothing replayed by script (this page would ignore it): the draft waits for the operator.
    expect(await posted(page)).toEqual([]);
    await confirmPressAgain(page);
    await postButton(page).click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
    await page.waitForTimeout(300);
    expect(await posted(page)).toEqual([DRAFTS.clean]);
    const since = async () => (await auditLog(session.browser)).filter((entry) => entry.time >= start);
    await expect.poll(async () => (await since()).map((entry) => entry.decision)).toEqual(['posted']);
    await page.waitForTimeout(300);
    expect(await since()).toHaveLength(1);
    await page.close();
  });

  it('a block draft pressed while the packs load is stopped when they arrive, and never armed', async () => {
    const page = await pressWhileLoading(DRAFTS.block);
    await expect.poll(() => gate(page).locator('[data-rule]').count()).toBeGreaterThan(0);
    await gate(page).locator('button.edit').click();
    await postButton(page).click();
    await expect.poll(() => gate(page).isVisible()).toBe(true);
    expect(await posted(page)).toEqual([]);
    await page.close();
  });
});
