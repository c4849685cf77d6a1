/**
 * LinkedIn: Quill v1 editors (.ql-editor). The share box's dialog is rendered inside the open
 * shadow root of #interop-outlet; comments are in the page.
 */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'linkedin',
  matches: ['https://www.linkedin.com/*'],
  shadowHosts: ['#interop-outlet'],
  composers: [
    // Share box dialog (in #interop-outlet's shadow root) and comment boxes.
    '.ql-editor[contenteditable="true"]',
  ],
  publish: [
    // Share box.
    'button.share-actions__primary-action',
    // Comments.
    'button.comments-comment-box__submit-button',
    'button.comments-comment-box__submit-button--cr',
  ],
  container: ['.share-box', '[role="dialog"]', 'form.comments-comment-box__form', 'form'],
  submitKeys: [],
  postType: (composer) =>
    composer.closest('.comments-comment-box, form.comments-comment-box__form') ? 'comment' : 'post',
});
