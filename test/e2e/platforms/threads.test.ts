import { composerContract } from '../contract';
import { keyPostsClean } from '../platform-extras';

const ORIGIN = 'https://www.threads.com';
const EDITOR = '[role="dialog"] div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]';

composerContract({
  platform: 'threads',
  origin: ORIGIN,
  // The share intent opens the compose dialog at load.
  path: '/intent/post',
  fixture: 'threads',
  // A two-post thread at load; "Add to thread" adds the last one.
  composer: EDITOR,
  // One Post control for every post of the thread.
  publish: () => '[role="dialog"] div[role="button"]:text-is("Post")',
  openLate: (page) => page.locator('[role="dialog"] div[role="button"]:text-is("Add to thread")').click(),
  shortcut: 'Control+Enter',
});

keyPostsClean({
  platform: 'threads',
  origin: ORIGIN,
  path: '/intent/post',
  fixture: 'threads',
  composer: EDITOR,
  shortcut: 'Control+Enter',
  newLine: 'Enter',
});
