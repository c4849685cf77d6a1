/**
 * Cards on underlines and one-click fixes, per editor family: a click on the underline opens the
 * card; its fix goes through the editor's own input path, so the site's model (what its Post sends)
 * holds the new text, typing continues after it, and the editor's own undo restores the original.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from './browser';

interface Family {
  name: string;
  origin: string;
  path: string;
  fixture: string;
  composer: string;
}

const FAMILIES: Family[] = [
  {
    name: 'textarea (Mastodon)',
    origin: 'https://mastodon.social',
    path: '/home',
    fixture: 'mastodon',
    composer: 'form.compose-form textarea',
  },
  {
    name: 'Draft.js (X)',
    origin: 'https://x.com',
    path: '/home',
    fixture: 'x',
    composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
  },
  {
    name: 'ProseMirror (Bluesky)',
    origin: 'https://bsky.app',
    path: '/',
    fixture: 'bluesky',
    composer: '[role="dialog"] .ProseMirror[contenteditable="true"]',
  },
];

// A `warn` finding with one suggestion (a brand's spelling), and what the fix makes of it.
const DRAFT = 'Watch it on Youtube today';
const FIXED = 'Watch it on YouTube today';

for (const family of FAMILIES) {
  describe.skipIf(browserMissing)(`cards and fixes: ${family.name}`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension();
      await serveFixture(browser.context, family.origin, family.fixture);
    });
    afterAll(async () => {
      await browser?.close();
    });

    const open = async (): Promise<Page> => {
      const page = await browser.context.newPage();
      await page.goto(`${family.origin}${family.path}`);
      await page.locator('preflight-layer .indicator').first().waitFor();
      await page.locator(family.composer).first().click();
      await page.keyboard.type(DRAFT, { delay: 5 });
      await expect
        .poll(() => page.locator('preflight-layer .indicator').first().getAttribute('data-severity'))
        .toBe('warn');
      return page;
    };
    const model = (page: Page) => page.evaluate(() => window.__fixture.modelText(0));
    const card = (page: Page) => page.locator('preflight-layer [data-preflight="card"]');

    it('opens a card with Alt+Enter in the underline, applies the fix in the model, and keeps typing after it', async () => {
      const page = await open();
      await page.keyboard.press('ArrowLeft');
      for (let i = 0; i < ' today'.length; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Alt+Enter');
      await card(page).waitFor();
      expect(await card(page).getAttribute('data-severity')).toBe('warn');
      expect(await card(page).locator('.badge').textContent()).toContain('Warning');
      expect(await card(page).locator('.ignore').count()).toBe(1);
      await card(page).locator('[data-preflight="fix"]').click();
      await expect.poll(() => model(page)).toBe(FIXED);
      await expect.poll(() => card(page).count()).toBe(0);
      await page.keyboard.type('!', { delay: 5 });
      await expect.poll(() => model(page)).toBe(FIXED.replace('YouTube', 'YouTube!'));
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(() => page.evaluate(() => window.__fixture.posted.at(-1)))
        .toBe(FIXED.replace('YouTube', 'YouTube!'));
      await page.close();
    });

    it("undoes a fix with the editor's own undo", async () => {
      const page = await open();
      await page.keyboard.press('Home');
      await page.keyboard.press('End');
      for (let i = 0; i < ' today'.length + 2; i++) await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Alt+Enter');
      await card(page).locator('[data-preflight="fix"]').click();
      await expect.poll(() => model(page)).toBe(FIXED);
      await page.locator(family.composer).first().focus();
      await page.keyboard.press('Control+z');
      await expect.poll(() => model(page)).toBe(DRAFT);
      await page.close();
    });
  });
}
