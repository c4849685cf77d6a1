import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from '../browser';
import { composerContract, DRAFTS } from '../contract';
import { openFixture, postedOn, severityOf, withBrowser } from '../platform-extras';

const ORIGIN = 'https://www.reddit.com';

// A post page: the top-level comment box, an open reply box, and "Reply" opening another.
composerContract({
  platform: 'reddit',
  origin: ORIGIN,
  path: '/r/preflight/comments/1abcde/what_time_does_the_store_open_on_sundays/',
  fixture: 'reddit',
  composer: 'shreddit-composer div[contenteditable="true"][role="textbox"]',
  publish: (index) => `shreddit-composer >> nth=${index} >> button[slot="submit-button"]`,
  openLate: (page) => page.locator('shreddit-comment[thingid="t1_second"] button[aria-label="Reply"]').click(),
  shortcut: 'Control+Enter',
});

describe.skipIf(browserMissing)('reddit: the submit page checks title and body together', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, ORIGIN, 'reddit');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the title in its shadow root, holds Post for it, then posts title and body', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ORIGIN}/r/preflight/submit`);
    const title = page.locator('faceplate-textarea-input textarea[name="title"]');
    const body = page.locator('shreddit-composer div[contenteditable="true"][role="textbox"]');
    const indicators = page.locator('preflight-layer .indicator');
    const posted = () => page.evaluate(() => window.__fixture.posted);
    // Indicators are listed in the order composers were found (light DOM before shadow roots), so
    // pick each composer's by where it is drawn: at the composer's top-right, just outside its box.
    const severity = async (composer: Locator) => {
      const box = await composer.boundingBox();
      if (!box) return undefined;
      return page.locator('preflight-layer [data-preflight="badge"]').evaluateAll(
        (badges, at) => {
          const distance = (badge: Element) => {
            const rect = badge.getBoundingClientRect();
            return Math.hypot(rect.right - at.right, rect.bottom - at.top);
          };
          const nearest = [...badges].sort((a, b) => distance(a) - distance(b))[0];
          return nearest?.getAttribute('data-severity');
        },
        { right: box.x + box.width, top: box.y },
      );
    };
    await expect.poll(() => indicators.count(), { timeout: 10_000 }).toBe(2);
    // The pack compiles once when the page opens; the one-second promise is about typing.
    await expect.poll(() => severity(title), { timeout: 10_000 }).not.toBe('loading');

    await title.click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect.poll(() => severity(title), { timeout: 1000 }).toBe('block');
    expect(await severity(body)).toBe('clean');
    await body.click();
    await page.keyboard.type(DRAFTS.clean, { delay: 5 });
    await page.locator('#submit-post-button').click();
    const dialog = page.getByRole('alertdialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await posted()).toEqual([]);
    await dialog.locator('button.edit').click();
    await expect.poll(() => dialog.count()).toBe(0);

    await title.fill('Sunday opening hours');
    await expect.poll(() => severity(title)).toBe('clean');
    await page.locator('#submit-post-button').click();
    await expect.poll(posted).toEqual(['Sunday opening hours', DRAFTS.clean]);
    expect(await dialog.count()).toBe(0);
    await page.close();
  });
});

// Comment composers whose editor is in their own shadow root (shreddit-comment-composer, -simple-composer).
const SHADOW_EDITOR = 'div[contenteditable="true"][role="textbox"]';
const SHADOW_POST = '/r/preflight/comments/2fghij/sunday_hours/';

composerContract({
  platform: 'reddit',
  origin: ORIGIN,
  path: SHADOW_POST,
  fixture: 'reddit-shadow',
  composer: SHADOW_EDITOR,
  publish: (index) => `button[slot="submit-button"] >> nth=${index}`,
  openLate: (page) => page.locator('button.reply').click(),
  shortcut: 'Control+Enter',
});

describe.skipIf(browserMissing)('reddit: the submit page’s Post in r-post-form-submit-button’s shadow root', () => {
  const browser = withBrowser({ origin: ORIGIN, fixture: 'reddit-shadow' });

  it('holds #inner-post-submit-button on a block finding and lets the fixed draft through', async () => {
    const page = await openFixture(browser(), `${ORIGIN}/r/preflight/submit/`);
    await page.locator(SHADOW_EDITOR).click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    await expect.poll(() => severityOf(page)).toBe('block');
    await page.locator('#inner-post-submit-button').click();
    await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
    expect(await postedOn(page)).toEqual([]);
    await page.getByRole('alertdialog').locator('button.edit').click();
    await page.locator(SHADOW_EDITOR).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(DRAFTS.clean, { delay: 5 });
    await expect.poll(() => severityOf(page)).toBe('clean');
    await page.locator('#inner-post-submit-button').click();
    await expect.poll(() => postedOn(page)).toEqual([DRAFTS.clean]);
    await page.close();
  });
});
