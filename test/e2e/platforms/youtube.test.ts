import { describe, expect, it } from 'vitest';
import { browserMissing } from '../browser';
import { composerContract, DRAFTS } from '../contract';
import { openFixture, postedOn, severityOf, withBrowser } from '../platform-extras';

composerContract({
  platform: 'youtube',
  origin: 'https://www.youtube.com',
  path: '/watch?v=preflight01',
  fixture: 'youtube',
  composer: 'ytd-commentbox #contenteditable-root[contenteditable="true"]',
  publish: (index) => `ytd-commentbox >> nth=${index} >> #submit-button button`,
  // "Reply" under the last comment opens a reply box.
  openLate: (page) => page.locator('[data-comment-id="c2"] #reply-button-end button').click(),
  shortcut: 'Control+Enter',
  // The video's own comment box opens when its placeholder is clicked.
  prepare: async (page, index) => {
    const placeholder = page
      .locator('ytd-commentbox')
      .nth(index)
      .locator('xpath=ancestor::ytd-comment-simplebox-renderer[1]/div[@id="placeholder-area"]');
    if (await placeholder.isVisible()) await placeholder.click();
  },
});

// The community tab: the post dialog's own commentbox (a post, not a comment) and comments under posts.
composerContract({
  platform: 'youtube',
  origin: 'https://www.youtube.com',
  path: '/@brand/community',
  fixture: 'youtube',
  composer: 'ytd-commentbox #contenteditable-root[contenteditable="true"]',
  publish: (index) => `ytd-commentbox >> nth=${index} >> #submit-button button`,
  openLate: (page) => page.locator('[data-comment-id="c2"] #reply-button-end button').click(),
  shortcut: 'Control+Enter',
});

describe.skipIf(browserMissing)('youtube: the community post dialog’s 0×0 duplicate Post button', () => {
  const browser = withBrowser({ origin: 'https://www.youtube.com', fixture: 'youtube' });

  it('holds a press that reaches the duplicate as well as the real one', async () => {
    const page = await openFixture(browser(), 'https://www.youtube.com/@brand/community');
    await page.locator('ytd-backstage-post-dialog-renderer #contenteditable-root').click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect.poll(() => severityOf(page)).toBe('block');
    await page.locator('ytd-backstage-post-dialog-renderer > #submit-button button').dispatchEvent('click');
    await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
    expect(await postedOn(page)).toEqual([]);
    await page.close();
  });
});
