/** Facebook: Lexical editors in the "Create post" dialog and under posts (comments post on Enter). */
import { defineAdapter } from './types';

const COMMENT = 'form, [aria-label*="comment" i]';

export default defineAdapter({
  id: 'facebook',
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  composers: [
    // Create post dialog and comment boxes: Lexical root.
    'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  ],
  publish: [
    // "Post" in the Create post dialog is a div, not a button (label localized: "Post", "投稿").
    'div[role="button"][aria-label="Post"]',
    'div[role="button"][aria-label="投稿"]',
    'div[role="button"][aria-label="Share now"]',
    // Comment boxes also have a send control beside Enter (automation scripts: the id is stable, the
    // aria-label is localized: "Comment", "Post comment", vi "Đăng bình luận").
    '#focused-state-composer-submit div[role="button"]',
  ],
  container: ['[role="dialog"]', 'form'],
  // Comments and replies post on a plain Enter (Shift+Enter is a new line); the post dialog has no shortcut.
  submitKeys: (composer) => (composer.closest('[role="dialog"]') && !composer.closest(COMMENT) ? [] : ['enter']),
  postType: (composer) => (composer.closest('[role="dialog"]') && !composer.closest(COMMENT) ? 'post' : 'comment'),
});
