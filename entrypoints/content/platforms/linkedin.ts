/**
 * LinkedIn: two DOMs live side by side.
 * - Ember pages (single-post pages, some routes): Quill v1 editors (.ql-editor); the share box's dialog
 *   is rendered in the open shadow root of #interop-outlet; comments are in the page, in a form.
 * - The new feed ("SDUI", React, hashed class names, 2025–26): no <form>; TipTap/ProseMirror editors
 *   in [data-view-name="comment-box"]; buttons named by data-view-name; the post composer can be a
 *   full page at /sharing/compose.
 * Sources: Briskine editor-quill1.js and PR #610 (2026-02-13), webbrain PR #461 (2026-07-22) for the
 * Ember DOM; for SDUI, extensions and scripts in the code index that hook both ("V2 DOM (React SSR +
 * SDUI) - feed pages" beside "V1 DOM (Ember.js) - single post pages"), gathered for issue 12 (2026-12).
 */
import { defineAdapter } from './types';

const COMMENT = '.comments-comment-box, form.comments-comment-box__form, [data-view-name="comment-box"]';

export default defineAdapter({
  id: 'linkedin',
  matches: ['https://www.linkedin.com/*'],
  shadowHosts: ['#interop-outlet'],
  composers: [
    // Ember: share box dialog (in #interop-outlet's shadow root) and comment boxes (Quill v1).
    '.ql-editor[contenteditable="true"]',
    // SDUI: comment and reply boxes (TipTap) — code index, 2026.
    '[data-view-name="comment-box"] .tiptap.ProseMirror[contenteditable="true"]',
    // SDUI: the share dialog and the /sharing/compose page (TipTap) — issue 12 evidence, 2026-12.
    '.tiptap.ProseMirror[contenteditable="true"][role="textbox"]',
  ],
  publish: [
    // Ember share box.
    'button.share-actions__primary-action',
    // Ember comments (--cr on single-post pages).
    'button.comments-comment-box__submit-button',
    'button.comments-comment-box__submit-button--cr',
    // SDUI comment, reply and share buttons — code index ("V2 DOM"), 2026.
    'button[data-view-name="comment-post"]',
    'button[data-view-name="comment-reply-post"]',
    'button[data-view-name="share-post"]',
  ],
  container: [
    '.share-box',
    '[role="dialog"]',
    'form.comments-comment-box__form',
    '[data-view-name="comment-box"]',
    'form',
  ],
  submitKeys: [],
  postType: (composer) => (composer.closest(COMMENT) ? 'comment' : 'post'),
});
