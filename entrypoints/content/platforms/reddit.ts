/**
 * Reddit (new "shreddit"): a title textarea and a Lexical body on the submit page; comment composers
 * (shreddit-comment-composer, shreddit-simple-composer) keep their editor in a shadow root. Old
 * Reddit: textareas.
 * Sources: Harper editorUtils.ts getShredditComposerRoot and its lexical_webcomponent fixture (mirror
 * 2026-08-22); extensions and scripts in the code index that query shreddit-simple-composer /
 * shreddit-comment-composer shadow roots and click r-post-form-submit-button#submit-post-button's
 * inner #inner-post-submit-button (2025–26), gathered for issue 12 (2026-12).
 */
import { defineAdapter } from './types';

export default defineAdapter({
  id: 'reddit',
  matches: ['https://www.reddit.com/*', 'https://old.reddit.com/*', 'https://new.reddit.com/*'],
  composers: [
    // Submit page title (faceplate-textarea-input renders a textarea named "title" in its shadow root).
    'textarea[name="title"]',
    // Body and comments: Lexical contenteditable inside shreddit-composer.
    'shreddit-composer div[contenteditable="true"][role="textbox"]',
    // Comment composers whose editor is in their own shadow root (found through shadowHosts).
    'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
    // Old Reddit.
    '.usertext-edit textarea',
  ],
  publish: [
    'shreddit-composer button[type="submit"][slot="submit-button"]',
    'button[type="submit"][slot="submit-button"]',
    // Submit page: the r-post-form-submit-button host, and its real button in its shadow root.
    '#submit-post-button',
    'button#inner-post-submit-button',
    '.usertext-buttons button[type="submit"]',
  ],
  container: [
    'shreddit-post-composer',
    'shreddit-comment-composer',
    'shreddit-simple-composer',
    'shreddit-composer',
    'form',
  ],
  // faceplate-textarea-input holds the title; the comment composers hold their editors.
  shadowHosts: ['faceplate-textarea-input', 'shreddit-comment-composer', 'shreddit-simple-composer'],
  submitKeys: ['mod+enter'],
  postType: (composer) => {
    if (composer instanceof HTMLTextAreaElement && composer.name === 'title') return 'title';
    const host = composer.getRootNode() instanceof ShadowRoot ? (composer.getRootNode() as ShadowRoot).host : composer;
    return host.closest('shreddit-comment-composer, shreddit-simple-composer, comment-composer-host')
      ? 'comment'
      : 'post';
  },
});
