/**
 * Instagram: the new-post caption (Lexical contenteditable; older builds a textarea) and comment boxes
 * (textareas; newer builds a contenteditable; Reels an input).
 * Sources: automation scripts in the code index (low); Harper issues #3145 (2026-04-09) and #3563
 * (2026-06-01); the contenteditable and Reels comment fields and Share as role=link from issue 12's
 * evidence (2026-12).
 */
import { defineAdapter } from './types';

const COMMENT =
  'textarea[aria-label^="Add a comment"], textarea[aria-label^="コメントを追加"], [aria-label^="Add a comment"], [placeholder^="Add a comment"], [aria-label^="コメントを追加"], [placeholder^="コメントを追加"]';

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
    // Newer comment boxes: a contenteditable (issue 12, 2026-12).
    'div[aria-label^="Add a comment"][contenteditable="true"]',
    'div[aria-label^="コメントを追加"][contenteditable="true"]',
    // Reels: an input (issue 12, 2026-12).
    'input[placeholder^="Add a comment"]',
    'input[placeholder^="コメントを追加"]',
  ],
  publish: [
    // Caption dialog: "Share" is a div[role=button] (or a role=link); comment box: "Post". Told apart by their text.
    '[role="dialog"] div[role="button"]',
    '[role="dialog"] [role="link"]',
    'form div[role="button"]',
    'form button[type="submit"]',
  ],
  publishText: /^(Share|Post|シェア|投稿する)$/,
  container: ['[role="dialog"]', 'form'],
  submitKeys: (composer) => (composer.matches(COMMENT) ? ['enter'] : []),
  postType: (composer) => (composer.matches(COMMENT) ? 'comment' : 'caption'),
});
