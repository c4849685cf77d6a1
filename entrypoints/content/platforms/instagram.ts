/** Instagram: the new-post caption (Lexical contenteditable; older builds a textarea) and comment textareas. */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'instagram',
  matches: ['https://www.instagram.com/*'],
  composers: [
    // Create new post → caption step (aria-label localized: "Write a caption...", "キャプションを入力…").
    'div[role="textbox"][contenteditable="true"][aria-label^="Write a caption"]',
    'div[role="textbox"][contenteditable="true"][aria-label^="キャプション"]',
    'textarea[aria-label^="Write a caption"]',
    // Feed and post-page comments.
    'textarea[aria-label^="Add a comment"]',
    'textarea[aria-label^="コメントを追加"]',
  ],
  publish: [
    // Caption dialog: "Share" is a div[role=button]; comment box: "Post". Told apart by their text.
    '[role="dialog"] div[role="button"]',
    'form div[role="button"]',
    'form button[type="submit"]',
  ],
  publishText: /^(Share|Post|シェア|投稿する)$/,
  container: ['[role="dialog"]', 'form'],
  submitKeys: (composer) => (composer instanceof HTMLTextAreaElement && composer.closest('form') ? ['enter'] : []),
  postType: (composer) => (composer instanceof HTMLTextAreaElement && composer.closest('form') ? 'comment' : 'caption'),
});
