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
