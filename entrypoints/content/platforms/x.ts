/**
 * X (x.com, twitter.com): Draft.js composers; several can be on a page (timeline, modal, replies, threads).
 * Sources: insin/control-panel-for-twitter script.js @0962235 (2026-08-17): div[data-testid^="tweetTextarea"],
 * button[data-testid^="tweetButton"], popups under #layers; yaroslav-n/tweetGPT (2024-03): the toolbar;
 * tang-vu DOM_SELECTORS.md (2026-02-27): mobile web's `div[data-testid^="tweetTextarea"] textarea`.
 */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'x',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  composers: [
    // Draft.js contenteditable: home timeline, /compose/post modal, replies; _0, _1… per post of a thread.
    'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
    // Mobile web renders a textarea under the wrapper that carries the testid (tang-vu, 2026-02-27)…
    '[data-testid^="tweetTextarea"] textarea',
    // …and older builds put the testid on the textarea itself.
    'textarea[data-testid^="tweetTextarea_"]',
  ],
  publish: [
    // Timeline box and inline replies.
    'button[data-testid="tweetButtonInline"]',
    // The /compose/post modal ("Post", or "Post all" for a thread).
    'button[data-testid="tweetButton"]',
  ],
  container: [
    // The modal under #layers (replies opened from the timeline are dialogs too).
    '[role="dialog"]',
    // Timeline box and inline reply: the toolbar's common ancestor with the editor.
    '[data-testid="inline_reply_offscreen"]',
    'div:has(> div [data-testid="toolBar"])',
    'form',
  ],
  submitKeys: ['mod+enter'],
  postType: (composer) => {
    if (composer.closest('[data-testid="inline_reply_offscreen"], article')) return 'reply';
    // On a post's page the inline reply box is a sibling after the conversation's article, not inside it.
    const cell = composer.closest('[data-testid="cellInnerDiv"]');
    if (cell?.previousElementSibling?.querySelector('article') || composer.closest('div:has(> article) ~ div'))
      return 'reply';
    return 'post';
  },
});
