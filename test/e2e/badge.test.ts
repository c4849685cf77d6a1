/**
 * The badge by a composer: at its top-right, outside the text and the publish controls; and with its
 * boxes, hidden while a site's modal covers the composer, back when the modal goes.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from './browser';

const ORIGIN = 'https://x.com';
const COMPOSER = 'div[data-testid^="tweetTextarea_"][contenteditable="true"]';
const BADGES = 'preflight-layer [data-preflight="badge"]';
/** The badges drawn: a covered composer's stays in the layer, hidden. */
const SHOWN = 'preflight-layer .indicator-anchor:not([data-covered]) [data-preflight="badge"]';
/** One long first line, running to the composer's right edge, where the badge used to sit. */
const LONG_LINE = 'Call 090-1234-5678 today and ask for the spring menu at the counter by the station';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(browserMissing)('badge placement and cover', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, ORIGIN, 'x');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (query = ''): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`${ORIGIN}/home${query}`);
    await expect.poll(() => page.locator(BADGES).count(), { timeout: 10_000 }).toBe(2);
    return page;
  };
  /** The viewport boxes of every line of text in the first composer. */
  const textRects = (page: Page) =>
    page
      .locator(COMPOSER)
      .first()
      .evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return [...range.getClientRects()]
          .filter((r) => r.width > 0)
          .map((r) => ({ x: r.left, y: r.top, width: r.width, height: r.height }));
      });

  it('sits at the top-right outside a long first line and off the Post button', async () => {
    const page = await open();
    await page.locator(COMPOSER).first().click();
    await page.keyboard.type(LONG_LINE, { delay: 2 });
    const badge = page.locator(BADGES).first();
    await expect.poll(() => badge.getAttribute('data-severity')).not.toBe('clean');
    const box = await badge.boundingBox();
    const composer = await page.locator(COMPOSER).first().boundingBox();
    const post = await page.locator('.composer[data-slot="0"] [data-testid="tweetButtonInline"]').boundingBox();
    if (!box || !composer || !post) throw new Error('badge, composer or Post button not drawn');
    const lines = await textRects(page);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(overlap(box, line)).toBe(false);
    expect(overlap(box, post)).toBe(false);
    // At the composer's top-right: its right edge by the composer's, its bottom at the composer's top.
    expect(Math.abs(box.x + box.width - (composer.x + composer.width))).toBeLessThan(8);
    expect(box.y + box.height).toBeLessThanOrEqual(composer.y + 1);
    // Never wider than its content: a dot and a count.
    expect(box.width).toBeLessThan(80);
    await page.close();
  });

  it('hides the badges and boxes of composers under a site modal, and shows them when it goes', async () => {
    const page = await open('?mask');
    // The timeline's composer gets a finding first, so it has a badge to hide.
    await page.locator(COMPOSER).first().click();
    await page.keyboard.type(LONG_LINE, { delay: 2 });
    await expect.poll(() => page.locator(BADGES).first().getAttribute('data-severity')).not.toBe('clean');
    await page.locator('[data-testid="SideNav_NewTweet_Button"]').click();
    const modal = page.locator(`[role="dialog"] ${COMPOSER}`);
    await modal.waitFor();
    // Only the modal's own composer keeps its badge; the two behind the mask lose theirs.
    await expect.poll(() => page.locator(SHOWN).count(), { timeout: 5000 }).toBe(1);
    expect(await page.locator(BADGES).count()).toBe(3);
    expect(await page.locator(BADGES).first().isVisible()).toBe(false);
    const badge = await page.locator(SHOWN).first().boundingBox();
    const dialog = await page.locator('[role="dialog"]').boundingBox();
    if (!badge || !dialog) throw new Error('badge or dialog not drawn');
    expect(overlap(badge, dialog)).toBe(true);
    // Typing in the modal's composer still works and is checked.
    await modal.click();
    await page.keyboard.type(LONG_LINE, { delay: 2 });
    await expect.poll(() => page.locator(SHOWN).first().getAttribute('data-severity')).not.toBe('clean');
    // The site closes its modal: the covered composers get their badges back.
    await page.evaluate(() => {
      document.querySelector('[data-testid="mask"]')?.remove();
      document.querySelector('[role="dialog"]')?.remove();
    });
    await expect.poll(() => page.locator(SHOWN).count(), { timeout: 5000 }).toBe(2);
    expect(await page.locator(BADGES).first().isVisible()).toBe(true);
    await page.close();
  });

  it('notices a site overlay shown and hidden by CSS alone (a class on <body>, no focus move, no scroll)', async () => {
    const page = await open();
    // The overlay is in the page before the test starts: showing it changes no node, only a class.
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent =
        '.css-overlay { display: none; position: fixed; inset: 0; z-index: 50; background: rgb(0 0 0 / 40%); } ' +
        'body.overlay-open .css-overlay { display: block; }';
      const overlay = document.createElement('div');
      overlay.className = 'css-overlay';
      document.head.append(style);
      document.body.append(overlay);
    });
    await expect.poll(() => page.locator(SHOWN).count(), { timeout: 5000 }).toBe(2);
    await page.evaluate(() => document.body.classList.add('overlay-open'));
    await expect.poll(() => page.locator(SHOWN).count(), { timeout: 5000 }).toBe(0);
    await page.evaluate(() => document.body.classList.remove('overlay-open'));
    await expect.poll(() => page.locator(SHOWN).count(), { timeout: 5000 }).toBe(2);
    await page.close();
  });
});
