/**
 * No key posts a `block` draft, on any of the ten platforms: Enter with every modifier typed in the
 * composer (the platforms' own shortcuts, and the ones an "Enter posts" box takes too), and Enter
 * or Space on the focused publish control (reached by Tab, as a keyboard user does).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, withFixtures } from '../browser';
import { DRAFTS } from '../contract';
import { closeGateIfOpen, posted } from './helpers';
import { TARGETS, type Target } from './platforms';

const COMBOS = [
  'Enter',
  'Shift+Enter',
  'Control+Enter',
  'Alt+Enter',
  'Meta+Enter',
  'Control+Shift+Enter',
  'Control+Alt+Enter',
  'Meta+Shift+Enter',
];

describe.skipIf(browserMissing)('no key posts a block draft', () => {
  const session = withFixtures(TARGETS);

  const openWithBlockDraft = async (target: Target): Promise<Page> => {
    const page = await session.newPage();
    await page.goto(`${target.origin}${target.path}`);
    await expect.poll(() => page.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await target.prepare?.(page);
    await page.locator(target.composer).first().click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect
      .poll(() => page.locator('preflight-layer .indicator[data-severity="block"]').count())
      .toBeGreaterThan(0);
    return page;
  };

  it('tiktok: Tab from the comment box to Post, then Enter or Space, as the report found', async () => {
    const tiktok = TARGETS.find((t) => t.platform === 'tiktok')!;
    const page = await openWithBlockDraft(tiktok);
    for (const key of ['Enter', 'Space']) {
      await page.locator(tiktok.composer).first().click();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-e2e'))).toBe('comment-post');
      await page.keyboard.press(key);
      expect(await closeGateIfOpen(page, 2000), `${key} on Post opened no dialog`).toBe(true);
      expect(await posted(page)).toEqual([]);
    }
    await page.close();
  });

  for (const target of TARGETS) {
    it(`${target.platform}: Enter with any modifier, typed in the composer`, async () => {
      const page = await openWithBlockDraft(target);
      for (const combo of COMBOS) {
        await page.locator(target.composer).first().click();
        await page.keyboard.press(combo);
        await closeGateIfOpen(page);
        expect(await posted(page), `${combo} posted the draft`).toEqual([]);
      }
      await page.close();
    });

    it(`${target.platform}: Enter and Space on the focused publish control`, async () => {
      const page = await openWithBlockDraft(target);
      for (const key of ['Enter', ' ']) {
        await page.locator(target.publish).focus();
        await page.keyboard.press(key === ' ' ? 'Space' : key);
        expect(await closeGateIfOpen(page, 2000), `${key} on the control opened no dialog`).toBe(true);
        expect(await posted(page), `${key} on the control posted the draft`).toEqual([]);
      }
      await page.close();
    });
  }
});
