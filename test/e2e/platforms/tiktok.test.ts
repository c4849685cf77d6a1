import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from '../browser';
import { composerContract, DRAFTS } from '../contract';
import { postAnyway } from '../post-anyway';

const ORIGIN = 'https://www.tiktok.com';
const PATH = '/@preflight/video/7300000000000000000';
const COMPOSER = '[data-e2e="comment-input"] .public-DraftEditor-content[contenteditable="true"]';

composerContract({
  platform: 'tiktok',
  origin: ORIGIN,
  path: PATH,
  fixture: 'tiktok',
  composer: COMPOSER,
  publish: (index) => `[data-e2e="comment-post"] >> nth=${index}`,
  openLate: (page) => page.locator('[data-e2e="comment-reply-1"]').click(),
  // Comment boxes post on a plain Enter.
  shortcut: 'Enter',
});

describe.skipIf(browserMissing)('tiktok: Enter posts, Shift+Enter is a new line', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, ORIGIN, 'tiktok');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets Shift+Enter through, holds Enter, and posts on the operator’s next Enter once a reason is given', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ORIGIN}${PATH}`);
    const indicator = page.locator('preflight-layer .indicator').first();
    await expect.poll(() => indicator.count(), { timeout: 10_000 }).toBe(1);
    await page.locator(COMPOSER).first().click();
    await page.keyboard.type('Thanks for watching!', { delay: 5 });
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(DRAFTS.warn, { delay: 5 });
    const text = `Thanks for watching!\n${DRAFTS.warn}`;
    expect(await page.evaluate(() => window.__fixture.modelText(0))).toBe(text);
    await expect.poll(() => indicator.getAttribute('data-severity')).toBe('warn');

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.evaluate(() => window.__fixture.posted)).toEqual([]);
    await postAnyway(page, 'Link approved by the campaign owner', () => page.keyboard.press('Enter'));
    await expect.poll(() => page.evaluate(() => window.__fixture.posted)).toEqual([text]);
    expect(await page.evaluate(() => window.__fixture.modelText(0))).toBe('');
    await page.close();
  });
});

// TikTok Studio: the Draft.js caption is role="combobox" (discovery used to drop it).
composerContract({
  platform: 'tiktok',
  origin: ORIGIN,
  path: '/tiktokstudio/upload',
  fixture: 'tiktok-studio',
  composer: '.public-DraftEditor-content[contenteditable="true"][role="combobox"]',
  publish: (index) => `button[data-e2e="post_video_button"] >> nth=${index}`,
  openLate: (page) => page.locator('button.add-video').click(),
});
