/**
 * A draft already in the composer when the page loads (X's intent links prefill `?text=`, sites
 * restore drafts), and Post pressed at once: the page's own script clicks Post the moment it is
 * enabled, before Preflight has found the composer or received its packs. The gate must check the
 * draft there and then (holding the press until it can), never count it clean for want of a result.
 * A clean draft held that way is not replayed by script (X may ignore it): the operator presses again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, withFixtures } from '../browser';
import { DRAFTS } from '../contract';
import { confirmPressAgain } from '../post-anyway';
import { auditLog, posted } from './helpers';
import { TARGETS } from './platforms';

/** Platforms whose first composer takes `?text=` at load and whose Post is enabled by it. */
const PREFILLED = TARGETS.filter((t) => ['x', 'mastodon', 'tiktok', 'threads'].includes(t.platform));

describe.skipIf(browserMissing)('Post pressed the moment a prefilled draft appears', () => {
  const session = withFixtures(PREFILLED);

  /** Opens the page with the draft prefilled; a script of the page clicks Post as soon as it can. */
  const openAndPress = async (target: (typeof PREFILLED)[number], draft: string): Promise<Page> => {
    const page = await session.newPage();
    await page.addInitScript(
      ({ selector, text }: { selector: string; text: string | undefined }) => {
        const w = window as unknown as { __pressedAt?: number };
        const press = () => {
          const control = [...document.querySelectorAll<HTMLElement>(selector)].find(
            (element) => text === undefined || element.textContent?.trim() === text,
          );
          if (!control || control.getAttribute('aria-disabled') === 'true' || (control as HTMLButtonElement).disabled)
            return false;
          w.__pressedAt = performance.now();
          control.click();
          return true;
        };
        const observer = new MutationObserver(() => {
          if (press()) observer.disconnect();
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true });
      },
      { selector: target.publishCss, text: target.publishText },
    );
    await page.goto(`${target.origin}${target.path}?text=${encodeURIComponent(draft)}`);
    await expect.poll(() => page.evaluate(() => (window as { __pressedAt?: number }).__pressedAt)).toBeDefined();
    return page;
  };

  for (const target of PREFILLED) {
    it(`${target.platform}: a block draft is stopped`, async () => {
      const page = await openAndPress(target, DRAFTS.block);
      const dialog = page.getByRole('alertdialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.locator('[data-rule]').count()).toBeGreaterThan(0);
      expect(await posted(page)).toEqual([]);
      await dialog.locator('button.edit').click();
      await page.waitForTimeout(300);
      expect(await posted(page)).toEqual([]);
      await page.close();
    });
  }

  it('x: a clean draft held that way is checked, and goes out once on the operator’s own press, logged once', async () => {
    const target = PREFILLED.find((t) => t.platform === 'x')!;
    const before = (await auditLog(session.browser)).length;
    const page = await openAndPress(target, DRAFTS.clean);
    // Held while the packs load, the press is answered with "press Post again" (X may ignore a press replayed by
    // script); when the packs were already there at the press, the clean draft went out at once. Either way it goes
    // out exactly once, and is logged once.
    const again = page.locator('preflight-layer .press-again-ok');
    await expect
      .poll(async () => (await posted(page)).length > 0 || (await again.isVisible()), { timeout: 15_000 })
      .toBe(true);
    if ((await posted(page)).length === 0) {
      await confirmPressAgain(page);
      expect(await posted(page)).toEqual([]);
      await page.locator(target.publishCss).first().click();
    }
    await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
    await expect.poll(async () => (await auditLog(session.browser)).length).toBe(before + 1);
    await page.waitForTimeout(300);
    expect(await posted(page)).toEqual([DRAFTS.clean]);
    const log = await auditLog(session.browser);
    expect(log).toHaveLength(before + 1);
    expect(log.at(-1)).toMatchObject({ platform: 'x', decision: 'posted' });
    await page.close();
  });
});
