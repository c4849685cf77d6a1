import { describe, expect, it } from 'vitest';
import { browserMissing } from '../browser';
import { composerContract, DRAFTS } from '../contract';
import { keyPostsClean, latePublishHeld, openFixture, postedOn, severityOf, withBrowser } from '../platform-extras';

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

describe.skipIf(browserMissing)(
  'facebook: the Create post dialog in form[method=POST], and a Page’s Post settings step',
  () => {
    const browser = withBrowser({ origin: ORIGIN, fixture: 'facebook' });
    const dialogEditor = `[role="dialog"] ${EDITOR}`;

    it('a plain Enter in the Create post dialog is a new line, never a press of Post', async () => {
      const page = await openFixture(browser(), `${ORIGIN}/`);
      await page.getByText("What's on your mind, Brand?").click();
      await page.locator(dialogEditor).click();
      await page.keyboard.type(DRAFTS.block, { delay: 5 });
      await expect.poll(() => severityOf(page, 2)).toBe('block');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Second line', { delay: 5 });
      expect(await page.getByRole('alertdialog').count()).toBe(0);
      expect(await page.evaluate(() => window.__fixture.modelText(2))).toBe(`${DRAFTS.block}\nSecond line`);
      expect(await postedOn(page)).toEqual([]);
      await page.close();
    });

    it('holds the final Post of Next → Post settings → Post, where the editor is hidden', async () => {
      const page = await openFixture(browser(), `${ORIGIN}/`);
      await page.getByText('Create post as Brand Page').click();
      await page.locator(dialogEditor).click();
      await page.keyboard.type(DRAFTS.block, { delay: 5 });
      await expect.poll(() => severityOf(page, 2)).toBe('block');
      await page.locator('[role="dialog"] div[role="button"][aria-label="Next"]').click();
      expect(await page.locator(dialogEditor).isVisible()).toBe(false);
      await page.locator('[role="dialog"] div[role="button"][aria-label="Post"]').click();
      await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
      expect(await postedOn(page)).toEqual([]);
      await page.close();
    });
  },
);
