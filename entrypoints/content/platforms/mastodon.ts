/**
 * Mastodon (any instance): a React-controlled textarea in form.compose-form, and the content warning
 * (#cw-spoiler-input, an <input>) published with it. Instances live on many hosts, so beside a few
 * large ones the user enables others from the popup (optional host permission).
 * Sources: mastodon/mastodon app/javascript/mastodon/features/compose/components/compose_form.jsx
 * (stored @d2e9124 and @002065f: the CW input has id "cw-spoiler-input" and the same onKeyDown as the
 * textarea, so Ctrl+Enter submits from it; the reply indicator is a child of the form, beside the
 * textarea, not an ancestor) — checked for issue 12 (2026-12).
 */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'mastodon',
  matches: ['https://mastodon.social/*', 'https://mastodon.online/*', 'https://mstdn.jp/*', 'https://fosstodon.org/*'],
  composers: [
    // 4.x compose form (home column, /publish, reply modal).
    'form.compose-form textarea.autosuggest-textarea__textarea',
    'form.compose-form textarea',
    // The content warning: published with the post (shown before it), so checked with it.
    'form.compose-form input#cw-spoiler-input',
    'form.compose-form input.spoiler-input__input',
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
  postType: (composer) => (composer.closest('.modal-root, form.compose-form:has(.reply-indicator)') ? 'reply' : 'post'),
});
