import { composerContract } from '../contract';

composerContract({
  platform: 'x',
  origin: 'https://x.com',
  path: '/home',
  fixture: 'x',
  composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
  publish: (index) => `.composer[data-slot="${index}"] [data-testid^="tweetButton"]`,
  openLate: (page) => page.locator('[data-testid="SideNav_NewTweet_Button"]').click(),
  shortcut: 'Control+Enter',
});

// Mobile web: textareas under the wrapper that carries data-testid="tweetTextarea_N".
composerContract({
  platform: 'x',
  origin: 'https://x.com',
  path: '/compose/post',
  fixture: 'x-mobile',
  composer: '[data-testid^="tweetTextarea_"] textarea',
  // One "Post all" for every post of the thread.
  publish: () => 'button[data-testid="tweetButton"]',
  openLate: (page) => page.locator('button.add').click(),
  shortcut: 'Control+Enter',
});
