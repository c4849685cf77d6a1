/**
 * TikTok: Draft.js editors for comments (Enter posts) and the upload caption.
 * Sources: automation scripts in the code index and IsaiahDupree/MediaPoster (2024-12) for comments;
 * TikTok Studio (www.tiktok.com/tiktokstudio/upload): the caption is Draft.js with role="combobox"
 * (its hashtag and mention list), gathered for issue 12 (2026-12).
 */
import { defineAdapter } from './types';

const COMMENT = '[data-e2e="comment-input"]';

export default defineAdapter({
  id: 'tiktok',
  matches: ['https://www.tiktok.com/*'],
  composers: [
    // Comments under a video.
    '[data-e2e="comment-input"] .public-DraftEditor-content[contenteditable="true"]',
    // Upload page caption (older upload page and TikTok Studio).
    '[data-e2e="caption-container"] .public-DraftEditor-content[contenteditable="true"]',
    '.caption-editor .public-DraftEditor-content[contenteditable="true"]',
    // TikTok Studio: the caption's Draft.js root carries role="combobox" (issue 12, 2026-12).
    '.public-DraftEditor-content[contenteditable="true"][role="combobox"]',
  ],
  publish: [
    '[data-e2e="comment-post"]',
    // Upload page and Studio "Post". A "Continue to post?" confirmation may follow: the post was
    // decided at this press, so the confirmation is not gated a second time.
    'button[data-e2e="post_video_button"]',
  ],
  container: ['[data-e2e="comment-input"]', 'form', '[data-e2e="upload-form"]'],
  submitKeys: (composer) => (composer.closest(COMMENT) ? ['enter'] : []),
  postType: (composer) => (composer.closest(COMMENT) ? 'comment' : 'caption'),
});
