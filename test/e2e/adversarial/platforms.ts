/**
 * The ten platforms' fixtures as the adversarial suite drives them: the first composer, its publish
 * control, and what must be clicked before it takes typing. The selectors are the fixtures' own
 * (see test/e2e/platforms/*); the first composer of each is a box with a publish control of its own.
 */
import type { Page } from 'playwright-core';
import type { Platform } from '../../../rules/schema';

export interface Target {
  platform: Platform;
  origin: string;
  path: string;
  fixture: string;
  /** CSS for the first composer. */
  composer: string;
  /** Playwright selector for the first composer's publish control. */
  publish: string;
  /** CSS for that control, for scripts in the page, with its text when the CSS alone matches others. */
  publishCss: string;
  publishText?: string;
  prepare?: (page: Page) => Promise<void>;
}

export const TARGETS: Target[] = [
  {
    platform: 'x',
    origin: 'https://x.com',
    path: '/home',
    fixture: 'x',
    composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
    publish: '.composer[data-slot="0"] [data-testid^="tweetButton"]',
    publishCss: '.composer[data-slot="0"] [data-testid^="tweetButton"]',
  },
  {
    platform: 'facebook',
    origin: 'https://www.facebook.com',
    path: '/',
    fixture: 'facebook',
    composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
    publish: 'form[role="presentation"] >> nth=0 >> #focused-state-composer-submit div[role="button"]',
    publishCss: 'form[role="presentation"] #focused-state-composer-submit div[role="button"]',
  },
  {
    platform: 'instagram',
    origin: 'https://www.instagram.com',
    path: '/',
    fixture: 'instagram',
    composer: 'textarea[aria-label^="Add a comment"]',
    publish: 'article >> nth=0 >> form div[role="button"]:text-is("Post")',
    publishCss: 'article form div[role="button"]',
    publishText: 'Post',
  },
  {
    platform: 'linkedin',
    origin: 'https://www.linkedin.com',
    path: '/feed/',
    fixture: 'linkedin',
    composer: '.ql-editor[contenteditable="true"]',
    publish: 'form.comments-comment-box__form >> nth=0 >> button.comments-comment-box__submit-button',
    publishCss: 'form.comments-comment-box__form button.comments-comment-box__submit-button',
  },
  {
    platform: 'threads',
    origin: 'https://www.threads.com',
    path: '/intent/post',
    fixture: 'threads',
    composer: '[role="dialog"] div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
    publish: '[role="dialog"] div[role="button"]:text-is("Post")',
    publishCss: '[role="dialog"] div[role="button"]',
    publishText: 'Post',
  },
  {
    platform: 'bluesky',
    origin: 'https://bsky.app',
    path: '/',
    fixture: 'bluesky',
    composer: '[role="dialog"] .ProseMirror[contenteditable="true"]',
    publish: 'button[data-testid="composerPublishBtn"]',
    publishCss: 'button[data-testid="composerPublishBtn"]',
  },
  {
    platform: 'mastodon',
    origin: 'https://mastodon.social',
    path: '/home',
    fixture: 'mastodon',
    composer: 'form.compose-form textarea',
    publish: 'form.compose-form >> nth=0 >> button[type="submit"]',
    publishCss: 'form.compose-form button[type="submit"]',
  },
  {
    platform: 'reddit',
    origin: 'https://www.reddit.com',
    path: '/r/preflight/comments/1abcde/what_time_does_the_store_open_on_sundays/',
    fixture: 'reddit',
    composer: 'shreddit-composer div[contenteditable="true"][role="textbox"]',
    publish: 'shreddit-composer >> nth=0 >> button[slot="submit-button"]',
    publishCss: 'shreddit-composer button[slot="submit-button"]',
  },
  {
    platform: 'youtube',
    origin: 'https://www.youtube.com',
    path: '/watch?v=preflight01',
    fixture: 'youtube',
    composer: 'ytd-commentbox #contenteditable-root[contenteditable="true"]',
    publish: 'ytd-commentbox >> nth=0 >> #submit-button button',
    publishCss: 'ytd-commentbox #submit-button button',
    prepare: async (page) => {
      const placeholder = page
        .locator('ytd-commentbox')
        .first()
        .locator('xpath=ancestor::ytd-comment-simplebox-renderer[1]/div[@id="placeholder-area"]');
      if (await placeholder.isVisible()) await placeholder.click();
    },
  },
  {
    platform: 'tiktok',
    origin: 'https://www.tiktok.com',
    path: '/@preflight/video/7300000000000000000',
    fixture: 'tiktok',
    composer: '[data-e2e="comment-input"] .public-DraftEditor-content[contenteditable="true"]',
    publish: '[data-e2e="comment-post"] >> nth=0',
    publishCss: '[data-e2e="comment-post"]',
  },
];
