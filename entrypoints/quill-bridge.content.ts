/**
 * The page-world half of fixes in Quill editors (see content/editors/quill-page.ts), only on the sites
 * whose composers are Quill: LinkedIn's posts and comments.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installQuillBridge } from './content/editors/quill-page';
import linkedin from './content/platforms/linkedin';

export default defineContentScript({
  matches: linkedin.matches,
  world: 'MAIN',
  runAt: 'document_idle',
  allFrames: true,
  main() {
    installQuillBridge();
  },
});
