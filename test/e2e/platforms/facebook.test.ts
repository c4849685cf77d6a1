import { composerContract } from '../contract';
import { keyPostsClean, latePublishHeld } from '../platform-extras';

const ORIGIN = 'https://www.facebook.com';
const EDITOR = 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]';

composerContract({
  platform: 'facebook',
  origin: ORIGIN,
  path: '/',
  fixture: 'facebook',
  // Two comment boxes at load; "What's on your mind?" opens the Create post dialog (the last one).
  composer: EDITOR,
  publish: (index) =>
    index < 2
      ? `form[role="presentation"] >> nth=${index} >> #focused-state-composer-submit div[role="button"]`
      : '[role="dialog"] div[role="button"][aria-label="Post"]',
  openLate: (page) => page.getByText("What's on your mind, Brand?").click(),
  // Comments post on a plain Enter.
  shortcut: 'Enter',
});

latePublishHeld({
  platform: 'facebook',
  origin: ORIGIN,
  fixture: 'facebook',
  what: 'the Create post dialog (Post is a div[role=button], no shortcut)',
  composer: EDITOR,
  open: (page) => page.getByText("What's on your mind, Brand?").click(),
  publish: '[role="dialog"] div[role="button"][aria-label="Post"]',
});

keyPostsClean({
  platform: 'facebook',
  origin: ORIGIN,
  fixture: 'facebook',
  composer: EDITOR,
  shortcut: 'Enter',
  newLine: 'Shift+Enter',
});
