/** Threads: Lexical editors in the compose dialog, one per post of a thread ("Add to thread"). */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'threads',
  matches: ['https://www.threads.com/*', 'https://www.threads.net/*', 'https://threads.com/*', 'https://threads.net/*'],
  composers: [
    // Compose dialog and inline replies: Lexical root (no stable test id).
    'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  ],
  publish: [
    // "Post" is a div[role=button] inside the dialog; matched by its text at click time (see publishText).
    '[role="dialog"] div[role="button"]',
  ],
  container: ['[role="dialog"]'],
  submitKeys: ['mod+enter'],
  publishText: /^(Post|Reply|投稿|返信)$/,
});
