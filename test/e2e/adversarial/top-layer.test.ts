/**
 * A site's compose UI in a modal <dialog> (showModal: the top layer, the rest of the page inert).
 * Preflight's dialog must be above it and usable: "Edit" clickable, the reason typed into the
 * gate's own field and never into the draft.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, withFixtures } from '../browser';
import { DRAFTS } from '../contract';
import { confirmPressAgain } from '../post-anyway';
import { posted } from './helpers';

const ORIGIN = 'https://mastodon.social';

describe.skipIf(browserMissing)('a composer inside the page’s own modal <dialog>', () => {
  const session = withFixtures([{ origin: ORIGIN, fixture: 'adversarial' }]);

  const openModal = async (draft: string): Promise<Page> => {
    const page = await session.newPage();
    await page.goto(`${ORIGIN}/modal`);
    await page.locator('button.open-compose').click();
    expect(await page.locator('dialog.compose-modal').evaluate((d) => d.matches(':modal'))).toBe(true);
    const textarea = page.locator('dialog.compose-modal textarea');
    await textarea.click();
    await page.keyboard.type(draft, { delay: 5 });
    await expect.poll(() => page.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBe(1);
    return page;
  };
  const draftText = (page: Page) => page.locator('dialog.compose-modal textarea').inputValue();

  it('stops a block draft, with a gate dialog above the page’s whose Edit can be clicked', async () => {
    const page = await openModal(DRAFTS.block);
    await page.locator('dialog.compose-modal button[type="submit"]').click();
    const gate = page.getByRole('alertdialog');
    await expect.poll(() => gate.isVisible()).toBe(true);
    // Playwright clicks only what receives the pointer at that point: an inert or covered button fails.
    await gate.locator('button.edit').click({ timeout: 3000 });
    // Focus is back in the draft at once: the next keys edit it.
    await page.keyboard.type(' OK', { delay: 5 });
    await expect.poll(() => gate.count()).toBe(0);
    expect(await posted(page)).toEqual([]);
    expect(await draftText(page)).toBe(`${DRAFTS.block} OK`);
    await page.close();
  });

  it('takes the reason typed in the gate’s field, leaves the draft as it was, and posts it once', async () => {
    const page = await openModal(DRAFTS.warn);
    await page.locator('dialog.compose-modal button[type="submit"]').click();
    const gate = page.getByRole('alertdialog');
    await expect.poll(() => gate.isVisible()).toBe(true);
    await gate.locator('textarea').click({ timeout: 3000 });
    await page.keyboard.type('Checked with the campaign owner', { delay: 5 });
    expect(await draftText(page)).toBe(DRAFTS.warn);
    expect(await gate.locator('textarea').inputValue()).toBe('Checked with the campaign owner');
    await gate.locator('.post-anyway').click({ timeout: 3000 });
    await confirmPressAgain(page);
    expect(await draftText(page)).toBe(DRAFTS.warn);
    await page.locator('dialog.compose-modal button[type="submit"]').click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.warn]);
    await page.close();
  });

  it('puts the gate dialog in the top layer, above the page’s dialog', async () => {
    const page = await openModal(DRAFTS.block);
    await page.locator('dialog.compose-modal button[type="submit"]').click();
    await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
    // What is under the middle of the screen is Preflight's layer, not the page's dialog.
    const hit = await page.evaluate(() => {
      const element = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      return element?.closest('preflight-layer') ? 'preflight' : (element?.closest('dialog')?.className ?? 'page');
    });
    expect(hit).toBe('preflight');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    // The page's own dialog is still open, with the draft as it was.
    expect(await page.locator('dialog.compose-modal').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await draftText(page)).toBe(DRAFTS.block);
    await page.close();
  });
});
