/**
 * The generic fallback, on a supported site: editable elements no adapter names are checked and
 * underlined, and their badge says they are not recognised; the one whose form has a single send
 * button is gated through it; the other is not gated; search boxes are left alone.
 */
import { describe, expect, it } from 'vitest';
import { browserMissing } from './browser';
import { DRAFTS } from './contract';
import { postedOn, withBrowser } from './platform-extras';

const ORIGIN = 'https://www.linkedin.com';

describe.skipIf(browserMissing)('the generic fallback for composers no adapter recognises', () => {
  const browser = withBrowser({ origin: ORIGIN, fixture: 'fallback' });

  const open = async () => {
    const page = await browser().context.newPage();
    await page.goto(`${ORIGIN}/messaging/`);
    await expect.poll(() => page.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBe(2);
    return page;
  };

  it('checks both editors, leaves the search boxes alone, and says which are gated', async () => {
    const page = await open();
    const badges = page.locator('preflight-layer .indicator');
    expect(await badges.evaluateAll((all) => all.map((b) => b.getAttribute('data-fallback')))).toEqual([
      'gated',
      'checked',
    ]);
    expect(await badges.nth(1).getAttribute('aria-label')).toContain('not recognised: checked, not gated');
    await page.close();
  });

  it('underlines a problem in the notes textarea but lets its Save through', async () => {
    const page = await open();
    await page.locator('textarea.notes').click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    const badge = page.locator('preflight-layer .indicator').nth(1);
    await expect.poll(() => badge.getAttribute('data-severity')).toBe('block');
    await expect.poll(() => page.locator('preflight-layer .box-block').count()).toBeGreaterThan(0);
    await page.locator('button.save-note').click();
    await expect.poll(() => postedOn(page)).toEqual([DRAFTS.block]);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.close();
  });

  it('gates the message form’s one Send button, and lets the fixed draft through', async () => {
    const page = await open();
    await page.locator('.msg-form__contenteditable').click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    const badge = page.locator('preflight-layer .indicator').first();
    await expect.poll(() => badge.getAttribute('data-severity')).toBe('block');
    await page.locator('button.msg-form__send-button').click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await postedOn(page)).toEqual([]);
    await dialog.locator('button.edit').click();
    await page.locator('.msg-form__contenteditable').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(DRAFTS.clean, { delay: 5 });
    await expect.poll(() => badge.getAttribute('data-severity')).toBe('clean');
    await page.locator('button.msg-form__send-button').click();
    await expect.poll(() => postedOn(page)).toEqual([DRAFTS.clean]);
    await page.close();
  });
});
