/**
 * Composers in same-origin frames: a frame with its own page, an about:blank frame the page writes
 * its editor into, and a frame added after load. Each is checked and gated like one in the page.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, withFixtures } from '../browser';
import { DRAFTS } from '../contract';
import { posted } from './helpers';

const ORIGIN = 'https://mastodon.social';

describe.skipIf(browserMissing)('composers in same-origin frames', () => {
  const session = withFixtures([{ origin: ORIGIN, fixture: 'adversarial' }]);

  const frame = async (page: Page, name: string): Promise<Frame> => {
    await expect.poll(() => page.frame({ name })?.locator('form.compose-form textarea').count()).toBe(1);
    return page.frame({ name }) as Frame;
  };

  const blockStoppedIn = async (page: Page, target: Frame) => {
    await expect.poll(() => target.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBe(1);
    await target.locator('textarea').click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect.poll(() => target.locator('preflight-layer .indicator').getAttribute('data-severity')).toBe('block');
    await target.locator('button[type="submit"]').click();
    const gate = target.getByRole('alertdialog');
    await expect.poll(() => gate.isVisible()).toBe(true);
    await gate.locator('button.edit').click();
    await target.locator('textarea').click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => gate.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await posted(page)).toEqual([]);
    expect(await target.locator('textarea').inputValue()).toBe(DRAFTS.block);
  };

  it('gates a composer in a same-origin iframe with its own page', async () => {
    const page = await session.newPage();
    await page.goto(`${ORIGIN}/frames`);
    await blockStoppedIn(page, await frame(page, 'inner'));
    await page.close();
  });

  it('gates a composer the page wrote into an about:blank iframe', async () => {
    const page = await session.newPage();
    await page.goto(`${ORIGIN}/frames`);
    await blockStoppedIn(page, await frame(page, 'blank'));
    await page.close();
  });

  it('gates a composer in an iframe added after load, and lets its clean draft through', async () => {
    const page = await session.newPage();
    await page.goto(`${ORIGIN}/frames`);
    await page.locator('button.add-frame').click();
    const late = await frame(page, 'late');
    await blockStoppedIn(page, late);
    await late.locator('textarea').fill(DRAFTS.clean);
    await expect.poll(() => late.locator('preflight-layer .indicator').getAttribute('data-severity')).toBe('clean');
    await late.locator('button[type="submit"]').click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
    await page.close();
  });

  it('gates the page’s own Post button for the editor in a frame beside it', async () => {
    const page = await session.newPage();
    await page.goto(`${ORIGIN}/frame-outside`);
    const editor = await frame(page, 'editor');
    await expect.poll(() => editor.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBe(1);
    const post = page.locator('.editor-host .compose-form__submit button');
    const gate = page.locator('preflight-layer [role="alertdialog"]');
    await editor.locator('textarea').click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect.poll(() => editor.locator('preflight-layer .indicator').getAttribute('data-severity')).toBe('block');
    await post.click();
    await expect.poll(() => gate.isVisible()).toBe(true);
    expect(await gate.locator('[data-rule]').count()).toBeGreaterThan(0);
    expect(await gate.locator('.post-anyway').count()).toBe(0);
    await gate.locator('button.edit').click();
    expect(await posted(page)).toEqual([]);
    expect(await editor.locator('textarea').inputValue()).toBe(DRAFTS.block);

    await editor.locator('textarea').fill(DRAFTS.clean);
    await post.click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
    expect(await gate.count()).toBe(0);
    await page.close();
  });
});
