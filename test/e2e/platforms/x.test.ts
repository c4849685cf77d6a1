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
