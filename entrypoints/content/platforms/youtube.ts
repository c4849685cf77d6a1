/** YouTube: comment boxes (a plain contenteditable that appears when the placeholder is clicked) and community posts. */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'youtube',
  matches: ['https://www.youtube.com/*', 'https://m.youtube.com/*'],
  composers: [
    // ytd-commentbox: #contenteditable-root inside yt-formatted-string#contenteditable-textarea.
    'ytd-commentbox #contenteditable-root[contenteditable="true"]',
    // Community posts (ytd-backstage-post-dialog-renderer).
    'ytd-backstage-post-dialog-renderer #contenteditable-root[contenteditable="true"]',
  ],
  publish: [
    'ytd-commentbox #submit-button button',
    'ytd-commentbox #submit-button',
    'ytd-backstage-post-dialog-renderer #submit-button button',
  ],
  container: ['ytd-commentbox', 'ytd-backstage-post-dialog-renderer'],
  submitKeys: ['mod+enter'],
  postType: (composer) => (composer.closest('ytd-commentbox') ? 'comment' : 'post'),
});
