/**
 * Reddit (new "shreddit"): a title textarea and a Lexical body inside shreddit-composer on the
 * submit page; comment composers are shreddit-composer too. Old Reddit: textareas.
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
    // Old Reddit.
    '.usertext-edit textarea',
  ],
  publish: [
    'shreddit-composer button[type="submit"][slot="submit-button"]',
    'button[type="submit"][slot="submit-button"]',
    '#submit-post-button',
    '.usertext-buttons button[type="submit"]',
  ],
  container: ['shreddit-post-composer', 'shreddit-composer', 'form'],
  // The submit page's title textarea is inside faceplate-textarea-input's open shadow root.
  shadowHosts: ['faceplate-textarea-input'],
  submitKeys: ['mod+enter'],
  postType: (composer) => (composer instanceof HTMLTextAreaElement && composer.name === 'title' ? 'title' : 'post'),
});
