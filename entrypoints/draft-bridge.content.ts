/**
 * The page-world half of fixes in Draft.js editors under Firefox (see content/editors/draft-page.ts),
 * only on the sites whose composers are Draft (X and TikTok) and only in Firefox, the one browser whose
 * fixes need it. It reads Draft's model; it never writes.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installDraftBridge } from './content/editors/draft-page';
import tiktok from './content/platforms/tiktok';
import x from './content/platforms/x';

export default defineContentScript({
  matches: [...x.matches, ...tiktok.matches],
  include: ['firefox'],
  world: 'MAIN',
  runAt: 'document_idle',
  allFrames: true,
  main() {
    installDraftBridge();
  },
});
