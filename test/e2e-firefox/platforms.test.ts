/** The composer contract in Firefox ESR on five platforms' fixtures, one editor family each. */
import { firefoxContract } from './contract';

// X: Draft.js.
firefoxContract({
  platform: 'x',
  origin: 'https://x.com',
  path: '/home',
  fixture: 'x',
  composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
  publish: '.composer[data-slot="0"] [data-testid^="tweetButton"]',
  publishAll: '.composer [data-testid^="tweetButton"]',
  shortcut: 'Control+Enter',
});

// Bluesky: TipTap (ProseMirror).
firefoxContract({
  platform: 'bluesky',
  origin: 'https://bsky.app',
  path: '/',
  fixture: 'bluesky',
  composer: '[role="dialog"] .ProseMirror[contenteditable="true"]',
  publish: 'button[data-testid="composerPublishBtn"]',
  publishAll: 'button[data-testid="composerPublishBtn"]',
  shortcut: 'Control+Enter',
});

// Mastodon: a textarea.
firefoxContract({
  platform: 'mastodon',
  origin: 'https://mastodon.social',
  path: '/home',
  fixture: 'mastodon',
  composer: 'form.compose-form textarea',
  publish: 'form.compose-form button[type="submit"]',
  publishAll: 'form.compose-form button[type="submit"]',
  shortcut: 'Control+Enter',
});

// LinkedIn: Quill (a comment box).
firefoxContract({
  platform: 'linkedin',
  origin: 'https://www.linkedin.com',
  path: '/feed/',
  fixture: 'linkedin',
  composer: '.ql-editor[contenteditable="true"]',
  publish: 'form.comments-comment-box__form button.comments-comment-box__submit-button',
  publishAll: 'form.comments-comment-box__form button.comments-comment-box__submit-button',
});

// Reddit: a contenteditable inside its web component.
firefoxContract({
  platform: 'reddit',
  origin: 'https://www.reddit.com',
  path: '/r/preflight/comments/1abcde/what_time_does_the_store_open_on_sundays/',
  fixture: 'reddit',
  composer: 'shreddit-composer div[contenteditable="true"][role="textbox"]',
  publish: 'shreddit-composer button[slot="submit-button"]',
  publishAll: 'shreddit-composer button[slot="submit-button"]',
  shortcut: 'Control+Enter',
});
