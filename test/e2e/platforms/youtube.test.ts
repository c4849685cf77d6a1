import { composerContract } from '../contract';

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
