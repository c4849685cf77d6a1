/**
 * Facebook: Lexical editors in the "Create post" dialog and under posts (comments post on Enter).
 * Sources: tang-vu/social-posting-skills DOM_SELECTORS.md (captured 2026-02-27, vi-VN), vader-pepe/snorkel,
 * automation scripts in the code index; the Create post dialog's form[method=POST] wrapper and the
 * Pages flow (Next → Post settings → Post) from issue 12's evidence (2026-12). m.facebook.com is not
 * Lexical and no source names its fields: the generic fallback checks them there.
 */
import { defineAdapter } from './types';

/** A comment box says so in its own label or an ancestor's ("Write a comment…", "コメントする…"). */
const COMMENT_LABEL = /comment|コメント|bình luận|reply|返信/i;

function isComment(composer: Element): boolean {
  for (let node: Element | null = composer; node; node = node.parentElement) {
    const label = COMMENT_LABEL.test(node.getAttribute('aria-label') ?? '');
    if (label || node.getAttribute('role') === 'dialog') return label;
  }
  // Outside any dialog a Lexical box sits under a post: a comment. The Create post dialog's own
  // form[method=POST] wrapper says nothing (plain Enter there is a new line).
  return true;
}

export default defineAdapter({
  id: 'facebook',
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  composers: [
    // Create post dialog and comment boxes: Lexical root.
    'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  ],
  publish: [
    // "Post" in the Create post dialog is a div, not a button (label localized: "Post", "投稿").
    // Pages: the same label on the last step ("Post settings"), after "Next" (not a publish control).
    'div[role="button"][aria-label="Post"]',
    'div[role="button"][aria-label="投稿"]',
    'div[role="button"][aria-label="Share now"]',
    // Comment boxes also have a send control beside Enter (automation scripts: the id is stable, the
    // aria-label is localized: "Comment", "Post comment", vi "Đăng bình luận").
    '#focused-state-composer-submit div[role="button"]',
  ],
  container: ['[role="dialog"]', 'form'],
  // Comments and replies post on a plain Enter (Shift+Enter is a new line); the post dialog has no shortcut.
  submitKeys: (composer) => (isComment(composer) ? ['enter'] : []),
  postType: (composer) => (isComment(composer) ? 'comment' : 'post'),
});
