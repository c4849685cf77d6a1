/**
 * YouTube: comment boxes (a plain contenteditable that appears when the placeholder is clicked),
 * community posts, and m.youtube.com's ytm-* comment boxes (textareas).
 * Sources: comment-automation scripts in the code index (low–medium); community posts: scripts in the
 * code index (2025–26) that open ytd-backstage-post-dialog-renderer and note its trap of two buttons
 * with one id (a 0×0 one in the dialog renderer, the real one in its ytd-commentbox); m.youtube.com:
 * scripts that query ytm-comment-simplebox-renderer and its textarea — gathered for issue 12 (2026-12).
 * ytd-comment-reply-dialog-renderer no longer exists: replies use ytd-commentbox too.
 */
import { defineAdapter } from './types';

const COMMUNITY = 'ytd-backstage-post-dialog-renderer';

export default defineAdapter({
  id: 'youtube',
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  composers: [
    // ytd-commentbox: #contenteditable-root inside yt-formatted-string#contenteditable-textarea
    // (comments, replies, and the community post dialog's own commentbox).
    'ytd-commentbox #contenteditable-root[contenteditable="true"]',
    'ytd-backstage-post-dialog-renderer #contenteditable-root[contenteditable="true"]',
    // m.youtube.com.
    'ytm-comment-simplebox-renderer textarea',
    'ytm-commentbox textarea',
  ],
  publish: [
    'ytd-commentbox #submit-button button',
    'ytd-commentbox #submit-button',
    // The zero-size duplicate in the dialog renderer is matched too: whichever is pressed is held.
    'ytd-backstage-post-dialog-renderer #submit-button button',
    'ytd-backstage-post-dialog-renderer #submit-button',
    // m.youtube.com's send control is named by no source: its composers are checked, not gated.
  ],
  container: [COMMUNITY, 'ytd-commentbox', 'ytm-comment-simplebox-renderer', 'ytm-commentbox'],
  submitKeys: ['mod+enter'],
  postType: (composer) => {
    if (composer.closest(COMMUNITY)) return 'post';
    return composer.closest('ytd-commentbox, ytm-comment-simplebox-renderer, ytm-commentbox') ? 'comment' : 'post';
  },
});
