import { describe, expect, it } from 'vitest';
import { browserMissing } from '../browser';
import { composerContract, DRAFTS } from '../contract';
import { openFixture, postedOn, severityOf, withBrowser } from '../platform-extras';

const ORIGIN = 'https://mastodon.social';

composerContract({
  platform: 'mastodon',
  origin: ORIGIN,
  path: '/home',
  fixture: 'mastodon',
  composer: 'form.compose-form textarea',
  publish: (index) => `form.compose-form >> nth=${index} >> button[type="submit"]`,
  openLate: (page) => page.locator('button.reply').click(),
  shortcut: 'Control+Enter',
});

describe.skipIf(browserMissing)('mastodon: the content warning is checked and published with the post', () => {
  const browser = withBrowser({ origin: ORIGIN, fixture: 'mastodon' });
  const CW = 'form.compose-form >> nth=0 >> #cw-spoiler-input';

  it('underlines a problem in the content warning and holds Post and Ctrl+Enter from either field', async () => {
    const page = await openFixture(browser(), `${ORIGIN}/home`);
    const before = await page.locator('preflight-layer .indicator').count();
    await page.locator('form.compose-form >> nth=0 >> button.cw-toggle').click();
    await expect.poll(() => page.locator('preflight-layer .indicator').count()).toBe(before + 1);
    await page.locator('form.compose-form >> nth=0 >> textarea').click();
    await page.keyboard.type(DRAFTS.clean, { delay: 5 });
    await page.locator(CW).click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    // The CW input follows the textareas in the composers' order: the last indicator.
    await expect.poll(() => severityOf(page, before)).toBe('block');
    await page.locator('form.compose-form >> nth=0 >> button[type="submit"]').click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.locator('button.edit').click();
    await page.locator(CW).click();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await postedOn(page)).toEqual([]);

    await page.locator(CW).fill('Spoilers for episode 3');
    await expect.poll(() => severityOf(page, before)).toBe('clean');
    await page.locator('form.compose-form >> nth=0 >> button[type="submit"]').click();
    await expect.poll(() => postedOn(page)).toEqual([`[CW: Spoilers for episode 3] ${DRAFTS.clean}`]);
    await page.close();
  });
});
