/**
 * The composer contract in Firefox ESR on the other five platforms' fixtures (platforms.test.ts has
 * the first five): Lexical on Facebook, Instagram and Threads, Draft.js on TikTok and TikTok Studio,
 * a plain contenteditable behind a placeholder on YouTube.
 */
import { firefoxContract } from './contract';

// Facebook: Lexical (a feed comment box; Post is a div[role=button]).
firefoxContract({
  platform: 'facebook',
  surface: 'a comment box',
  origin: 'https://www.facebook.com',
  path: '/',
  fixture: 'facebook',
  composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  publish: 'form[role="presentation"] #focused-state-composer-submit div[role="button"]',
  publishAll: 'form[role="presentation"] #focused-state-composer-submit div[role="button"]',
  shortcut: 'Enter',
});

// Instagram: a feed comment box (a textarea; Post is a div[role=button]).
firefoxContract({
  platform: 'instagram',
  surface: 'a comment box',
  origin: 'https://www.instagram.com',
  path: '/',
  fixture: 'instagram',
  composer:
    'textarea[aria-label^="Add a comment"], div[role="textbox"][contenteditable="true"][aria-label^="Write a caption"]',
  publish: 'article form div[role="button"]',
  publishAll: 'article form div[role="button"]',
  shortcut: 'Enter',
});

// Threads: Lexical in the compose dialog the share intent opens; one Post for the whole thread.
firefoxContract({
  platform: 'threads',
  origin: 'https://www.threads.com',
  path: '/intent/post',
  fixture: 'threads',
  composer: '[role="dialog"] div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  publish: '[role="dialog"] div.post[role="button"]',
  publishAll: '[role="dialog"] div.post[role="button"]',
  shortcut: 'Control+Enter',
});

// TikTok: Draft.js in a video's comment box.
firefoxContract({
  platform: 'tiktok',
  surface: 'a comment box',
  origin: 'https://www.tiktok.com',
  path: '/@preflight/video/7300000000000000000',
  fixture: 'tiktok',
  composer: '[data-e2e="comment-input"] .public-DraftEditor-content[contenteditable="true"]',
  publish: '[data-e2e="comment-post"]',
  publishAll: '[data-e2e="comment-post"]',
  shortcut: 'Enter',
});

// TikTok Studio: the Draft.js caption (role="combobox") of an upload.
firefoxContract({
  platform: 'tiktok',
  surface: 'TikTok Studio caption',
  origin: 'https://www.tiktok.com',
  path: '/tiktokstudio/upload',
  fixture: 'tiktok-studio',
  composer: '.public-DraftEditor-content[contenteditable="true"][role="combobox"]',
  publish: 'button[data-e2e="post_video_button"]',
  publishAll: 'button[data-e2e="post_video_button"]',
});

// YouTube: the video's own comment box, opened by clicking its "Add a comment…" placeholder.
firefoxContract({
  platform: 'youtube',
  origin: 'https://www.youtube.com',
  path: '/watch?v=preflight01',
  fixture: 'youtube',
  composer: 'ytd-commentbox #contenteditable-root[contenteditable="true"]',
  publish: 'ytd-commentbox #submit-button button',
  publishAll: 'ytd-commentbox #submit-button button',
  prepare: async (page) => {
    const placeholder = await page.waitForSelector('ytd-comment-simplebox-renderer #placeholder-area');
    if (await placeholder?.isVisible()) await placeholder?.click();
  },
  shortcut: 'Control+Enter',
});

// Facebook's Create post dialog, opened from "What's on your mind, Brand?": Lexical in a dialog at the
// end of <body>, whose Post is a div[role=button] outside any form.
firefoxContract({
  platform: 'facebook',
  surface: 'the Create post dialog',
  origin: 'https://www.facebook.com',
  path: '/',
  fixture: 'facebook',
  composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  publish: '[role="dialog"] div[role="button"][aria-label="Post"]',
  late: (page) => page.click('div.entry:not(.page-entry)'),
});

// Instagram's Create new post caption, opened from "New post": Lexical; Share is a div[role=button].
firefoxContract({
  platform: 'instagram',
  surface: 'the new post caption',
  origin: 'https://www.instagram.com',
  path: '/',
  fixture: 'instagram',
  composer:
    'textarea[aria-label^="Add a comment"], div[role="textbox"][contenteditable="true"][aria-label^="Write a caption"]',
  publish: '[role="dialog"] header div[role="button"]:last-child',
  late: (page) => page.click('[aria-label="New post"]'),
});
