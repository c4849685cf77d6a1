import { composerContract } from '../contract';
import { keyPostsClean, latePublishHeld } from '../platform-extras';

const ORIGIN = 'https://www.instagram.com';
const COMPOSERS =
  'textarea[aria-label^="Add a comment"], div[role="textbox"][contenteditable="true"][aria-label^="Write a caption"]';
const SHARE = '[role="dialog"] div[role="button"]:text-is("Share")';

composerContract({
  platform: 'instagram',
  origin: ORIGIN,
  path: '/',
  fixture: 'instagram',
  // Two feed comment boxes (textareas) at load; "New post" opens the caption step (Lexical), the last one.
  composer: COMPOSERS,
  publish: (index) => (index < 2 ? `article >> nth=${index} >> form div[role="button"]:text-is("Post")` : SHARE),
  openLate: (page) => page.locator('[aria-label="New post"]').click(),
  // Comments post on a plain Enter.
  shortcut: 'Enter',
});

latePublishHeld({
  platform: 'instagram',
  origin: ORIGIN,
  fixture: 'instagram',
  what: 'the Create new post caption (Lexical; "Share" is a div[role=button])',
  composer: COMPOSERS,
  open: (page) => page.locator('[aria-label="New post"]').click(),
  publish: SHARE,
});

keyPostsClean({
  platform: 'instagram',
  origin: ORIGIN,
  fixture: 'instagram',
  composer: COMPOSERS,
  shortcut: 'Enter',
  newLine: 'Shift+Enter',
});

// Newer comment fields: a Lexical contenteditable under feed posts, and an <input> on Reels (opened late).
composerContract({
  platform: 'instagram',
  origin: 'https://www.instagram.com',
  path: '/',
  fixture: 'instagram-comments',
  composer: '[aria-label^="Add a comment"][contenteditable="true"], input[placeholder^="Add a comment"]',
  publish: (index) => `form >> nth=${index} >> div.post[role="button"]`,
  openLate: (page) => page.locator('a.reels').click(),
  shortcut: 'Enter',
});
