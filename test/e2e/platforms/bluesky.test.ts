import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from '../browser';
import { composerContract, DRAFTS } from '../contract';

const ORIGIN = 'https://bsky.app';
const EDITOR = '[role="dialog"] .ProseMirror[contenteditable="true"]';

composerContract({
  platform: 'bluesky',
  origin: ORIGIN,
  path: '/',
  fixture: 'bluesky',
  // The contract runs on the TipTap editors, once they have replaced the fallback textareas.
  composer: EDITOR,
  // One publish control for every post of the thread.
  publish: () => 'button[data-testid="composerPublishBtn"]',
  openLate: (page) => page.locator('button[aria-label="Add another post"]').click(),
  shortcut: 'Control+Enter',
});

describe.skipIf(browserMissing)('bluesky: the fallback textarea is swapped for TipTap', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, ORIGIN, 'bluesky');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('checks the fallback, follows the swap, and still holds Post', async () => {
    const page = await browser.context.newPage();
    // Hold the rich editor back long enough to type into the fallback first.
    await page.goto(`${ORIGIN}/?lazy=4000`);
    const fallback = page.locator('[role="dialog"] textarea.composer-fallback-input');
    const indicators = page.locator('preflight-layer .indicator');
    await expect.poll(() => fallback.count()).toBe(2);
    await expect.poll(() => indicators.count()).toBe(2);
    // The pack compiles once when the page opens; the one-second promise is about typing.
    await expect.poll(() => indicators.first().getAttribute('data-severity'), { timeout: 10_000 }).not.toBe('loading');
    await fallback.first().click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect.poll(() => indicators.first().getAttribute('data-severity'), { timeout: 1000 }).toBe('block');
    // The fallback publishes on Ctrl+Enter too; that is held.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__fixture.posted)).toEqual([]);

    // TipTap replaces both textareas; the text moves over and the extension follows.
    await expect.poll(() => page.locator(EDITOR).count(), { timeout: 8000 }).toBe(2);
    expect(await fallback.count()).toBe(0);
    expect(await page.evaluate(() => window.__fixture.modelText(0))).toBe(DRAFTS.block);
    await expect.poll(() => indicators.count()).toBe(2);
    await expect.poll(() => indicators.first().getAttribute('data-severity')).toBe('block');

    await page.locator('button[data-testid="composerPublishBtn"]').click();
    await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__fixture.posted)).toEqual([]);
    await page.close();
  });
});
