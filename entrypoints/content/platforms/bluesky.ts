/**
 * Bluesky (bsky.app): TipTap/ProseMirror editors in the composer dialog, one per post of a thread.
 * The rich editor loads lazily; until then a fallback textarea stands in, and is checked too.
 * Source: bluesky-social/social-app (TextInput.web.tsx, Composer.tsx). Bluesky is moving editors to its own
 * rich-text library (@bsky.app/tapper, in the message composer so far, issue 12, 2026-12): the post
 * composer is still TipTap; should it change, the generic fallback checks it until this file follows.
 */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'bluesky',
  matches: ['https://bsky.app/*', 'https://main.bsky.dev/*'],
  composers: [
    // TipTap editor (aria-label "Rich-Text Editor").
    '.ProseMirror[contenteditable="true"]',
    // Shown while TipTap loads (TextInput.web.tsx FallbackTextInput).
    'textarea.composer-fallback-input',
  ],
  publish: [
    // Composer.tsx: testID="composerPublishBtn" ("Post", "Reply", "Post all").
    'button[data-testid="composerPublishBtn"]',
  ],
  container: ['[role="dialog"]', '[data-testid="composePostView"]'],
  // TextInput.web.tsx handleKeyDown: Cmd/Ctrl+Enter emits "publish".
  submitKeys: ['mod+enter'],
});
