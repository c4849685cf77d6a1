/** X (x.com, twitter.com): Draft.js composers; several can be on a page (timeline, modal, replies, threads). */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'x',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.twitter.com/*'],
  composers: [
    // Draft.js contenteditable: home timeline, /compose/post modal, replies; _0, _1… per post of a thread.
    'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
    // Mobile web renders a textarea instead.
    'textarea[data-testid^="tweetTextarea_"]',
  ],
  publish: [
    // Timeline box and inline replies.
    'button[data-testid="tweetButtonInline"]',
    // The /compose/post modal ("Post", or "Post all" for a thread).
    'button[data-testid="tweetButton"]',
  ],
  container: [
    // The modal under #layers.
    '[role="dialog"]',
    // Timeline box and inline reply: the toolbar's common ancestor with the editor.
    '[data-testid="inline_reply_offscreen"]',
    'div:has(> div [data-testid="toolBar"])',
    'form',
  ],
  submitKeys: ['mod+enter'],
  postType: (composer) => (composer.closest('[data-testid="inline_reply_offscreen"], article') ? 'reply' : 'post'),
});
