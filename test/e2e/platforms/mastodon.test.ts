import { composerContract } from '../contract';

composerContract({
  platform: 'mastodon',
  origin: 'https://mastodon.social',
  path: '/home',
  fixture: 'mastodon',
  composer: 'form.compose-form textarea',
  publish: (index) => `form.compose-form >> nth=${index} >> button[type="submit"]`,
  openLate: (page) => page.locator('button.reply').click(),
  shortcut: 'Control+Enter',
});
