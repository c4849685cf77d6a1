import { describe, expect, it } from 'vitest';
import { browserMissing } from '../browser';
import { composerContract, DRAFTS } from '../contract';
import { keyPostsClean, openFixture, severityOf, withBrowser } from '../platform-extras';

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

// A post page: inline reply boxes outside any dialog, sent by an icon-only control (svg aria-label "Reply").
composerContract({
  platform: 'threads',
  origin: ORIGIN,
  path: '/@brand/post/C0ffee123',
  fixture: 'threads-inline',
  composer: 'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  publish: (index) => `.inline-reply >> nth=${index} >> div.send[role="button"]`,
  openLate: (page) => page.locator('.reply >> nth=1 >> div.open-reply').click(),
  shortcut: 'Control+Enter',
});

describe.skipIf(browserMissing)('threads: the feed’s own Reply icons open a box and are never held', () => {
  const browser = withBrowser({ origin: ORIGIN, fixture: 'threads-inline' });

  it('opens another reply box while a draft with a block finding waits in the first', async () => {
    const page = await openFixture(browser(), `${ORIGIN}/@brand/post/C0ffee123`);
    const editors = page.locator('div[role="textbox"][data-lexical-editor="true"]');
    await editors.first().click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect.poll(() => severityOf(page)).toBe('block');
    await page.locator('.reply >> nth=1 >> div.open-reply').click();
    await expect.poll(() => editors.count(), { timeout: 5000 }).toBe(3);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.close();
  });
});
