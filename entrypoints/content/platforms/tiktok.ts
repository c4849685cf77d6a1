/** TikTok: Draft.js editors for comments (Enter posts) and the upload caption. */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'tiktok',
  matches: ['https://www.tiktok.com/*'],
  composers: [
    // Comments under a video.
    '[data-e2e="comment-input"] .public-DraftEditor-content[contenteditable="true"]',
    // Upload page caption (TikTok Studio).
    '[data-e2e="caption-container"] .public-DraftEditor-content[contenteditable="true"]',
    '.caption-editor .public-DraftEditor-content[contenteditable="true"]',
  ],
  publish: [
    '[data-e2e="comment-post"]',
    // Upload page "Post".
    'button[data-e2e="post_video_button"]',
  ],
  container: ['[data-e2e="comment-input"]', 'form', '[data-e2e="upload-form"]'],
  submitKeys: (composer) => (composer.closest('[data-e2e="comment-input"]') ? ['enter'] : []),
  postType: (composer) => (composer.closest('[data-e2e="comment-input"]') ? 'comment' : 'caption'),
});
