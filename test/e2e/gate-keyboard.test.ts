/**
 * The gate at 1100×760 from the keyboard alone: the findings can be read (manual paragraphs open in
 * place), the actions never leave the view, and the page itself never scrolls.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, openMastodon, withFixtures } from './browser';
import { DRAFTS } from './contract';

const VIEWPORT = { width: 1100, height: 760 };

describe.skipIf(browserMissing)('the gate, keyboard only, at 1100×760', () => {
  const session = withFixtures([{ origin: 'https://mastodon.social', fixture: 'mastodon' }]);

  const open = async (draft: string) => {
    const page = await openMastodon(session.browser);
    await page.setViewportSize(VIEWPORT);
    await page.locator('form.compose-form textarea').first().click();
    await page.keyboard.type(draft, { delay: 5 });
    await page.keyboard.press('Control+Enter');
    await page.locator('preflight-layer [role="alertdialog"]').waitFor();
    return page;
  };
  const focused = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('preflight-layer');
      const active = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return active ? `${active.tagName.toLowerCase()}.${active.className || active.parentElement?.className}` : '';
    });
  /** Whether the element is wholly inside the viewport. */
  const inView = (page: Page, selector: string) =>
    page.locator(`preflight-layer ${selector}`).evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return rect.top >= 0 && rect.left >= 0 && rect.bottom <= innerHeight && rect.right <= innerWidth;
    });
  const posted = (page: Page) => page.evaluate(() => window.__fixture.posted.length);

  it('reads a block: a manual opens in place, the actions stay in view, and Edit returns to the draft', async () => {
    const page = await open(DRAFTS.block);
    expect(await focused(page)).toBe('button.edit');
    expect(await inView(page, '.dialog-footer')).toBe(true);
    // Tab round to the first manual and open it with the keyboard.
    for (let i = 0; i < 20 && !(await focused(page)).startsWith('summary.manual'); i++)
      await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('summary.manual');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('preflight-layer details.manual[open]').count()).toBe(1);
    expect(await inView(page, '.dialog-header h2')).toBe(true);
    expect(await inView(page, '.dialog-footer')).toBe(true);
    // Every visible control is reached by Tab, the action among them.
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      seen.add(await focused(page));
    }
    expect(seen).toContain('button.edit');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('preflight-layer [role="alertdialog"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await posted(page)).toBe(0);
    await page.close();
  });

  it('gives a reason and posts a warn-only draft anyway, from the keyboard', async () => {
    const page = await open(DRAFTS.warn);
    expect(await focused(page)).toBe('textarea.reason');
    await page.keyboard.type('Link checked by the campaign owner', { delay: 2 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button.post-anyway');
    expect(await inView(page, '.post-anyway')).toBe(true);
    await page.keyboard.press('Enter');
    // "Press Post again": OK has the focus; the draft gets it back, and the operator's own Ctrl+Enter posts.
    await expect.poll(() => focused(page)).toBe('button.press-again-ok');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('preflight-layer [role="alertdialog"]').count()).toBe(0);
    expect(await posted(page)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => posted(page)).toBe(1);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.close();
  });
});
