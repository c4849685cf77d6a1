/**
 * Threads: Lexical editors in the compose dialog (one per post of a thread, "Add to thread") and, on
 * a post's page, an inline reply box outside any dialog.
 * Sources: tang-vu/social-posting-skills DOM_SELECTORS.md (captured 2026-02-27: "aria-labels + text
 * content — no stable data-testid"); the inline reply box and icon-only send controls (aria-label
 * "Reply"/"Post", no text) from issue 12's evidence (2026-12).
 */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'threads',
  matches: ['https://www.threads.com/*', 'https://www.threads.net/*', 'https://threads.com/*', 'https://threads.net/*'],
  composers: [
    // Compose dialog and inline replies: Lexical root (no stable test id).
    'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  ],
  publish: [
    // "Post" is a div[role=button] in the dialog; matched by its text or label at press time (publishText).
    '[role="dialog"] div[role="button"]',
    // The inline reply box's send control: an icon (aria-label "Reply" or "Post") beside the editor,
    // outside a dialog. Only near an editor: the feed's own "Reply" icons open a box, they send nothing.
    'div:has(> [data-lexical-editor="true"]) div[role="button"]',
    'div:has(> * > [data-lexical-editor="true"]) div[role="button"]',
    'div:has(> * > * > [data-lexical-editor="true"]) div[role="button"]',
  ],
  container: ['[role="dialog"]'],
  submitKeys: ['mod+enter'],
  publishText: /^(Post|Reply|投稿|返信|Post all|すべて投稿)$/,
  postType: (composer) => (composer.closest('[role="dialog"]') ? 'post' : 'reply'),
});
