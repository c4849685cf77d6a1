/**
 * Mastodon (any instance): a React-controlled textarea in form.compose-form. Instances live on many
 * hosts, so beside a few large ones the user enables others from the popup (optional host permission).
 */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'mastodon',
  matches: ['https://mastodon.social/*', 'https://mastodon.online/*', 'https://mstdn.jp/*', 'https://fosstodon.org/*'],
  composers: [
    // 4.x compose form (home column, /publish, reply modal).
    'form.compose-form textarea.autosuggest-textarea__textarea',
    'form.compose-form textarea',
  ],
  publish: [
    // 4.2+.
    '.compose-form__submit button[type="submit"]',
    // Before 4.2.
    '.compose-form__publish-button-wrapper button',
    'form.compose-form button[type="submit"]',
  ],
  container: ['form.compose-form'],
  // Ctrl/Cmd+Enter calls handleSubmit() from onKeyDown, not through the form's submit event.
  submitKeys: ['mod+enter'],
  postType: (composer) => (composer.closest('.modal-root, .reply-indicator') ? 'reply' : 'post'),
});
