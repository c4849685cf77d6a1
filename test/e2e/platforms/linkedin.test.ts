import { composerContract } from '../contract';
import { latePublishHeld } from '../platform-extras';

const ORIGIN = 'https://www.linkedin.com';
// Playwright's CSS pierces open shadow roots: this finds the share box in #interop-outlet too.
const EDITOR = '.ql-editor[contenteditable="true"]';
const SHARE_POST = '#interop-outlet button.share-actions__primary-action';

composerContract({
  platform: 'linkedin',
  origin: ORIGIN,
  path: '/feed/',
  fixture: 'linkedin',
  // Two comment boxes in the page at load; "Start a post" opens the share box in the shadow root, the last one.
  composer: EDITOR,
  publish: (index) =>
    index < 2
      ? `form.comments-comment-box__form >> nth=${index} >> button.comments-comment-box__submit-button`
      : SHARE_POST,
  openLate: (page) => page.locator('button.share-box-feed-entry__trigger').click(),
});

latePublishHeld({
  platform: 'linkedin',
  origin: ORIGIN,
  path: '/feed/',
  fixture: 'linkedin',
  what: "the share box in #interop-outlet's shadow root",
  composer: EDITOR,
  open: (page) => page.locator('button.share-box-feed-entry__trigger').click(),
  publish: SHARE_POST,
});

// The new feed DOM (SDUI): TipTap editors, data-view-name buttons, no <form>.
const TIPTAP = '.tiptap.ProseMirror[contenteditable="true"]';

composerContract({
  platform: 'linkedin',
  origin: ORIGIN,
  path: '/feed/',
  fixture: 'linkedin-sdui',
  composer: TIPTAP,
  publish: (index) =>
    index < 2
      ? `[data-view-name="comment-box"] >> nth=${index} >> button[data-view-name="comment-post"]`
      : 'button[data-view-name="comment-reply-post"]',
  openLate: (page) => page.locator('button[data-view-name="comment-reply"]').click(),
});

latePublishHeld({
  platform: 'linkedin',
  origin: ORIGIN,
  path: '/feed/',
  fixture: 'linkedin-sdui',
  what: 'the SDUI share dialog (TipTap, button[data-view-name="share-post"])',
  composer: TIPTAP,
  open: (page) => page.locator('button[data-view-name="share-sharebox-focus"]').click(),
  publish: 'button[data-view-name="share-post"]',
});
