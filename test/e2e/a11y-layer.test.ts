/**
 * Accessibility of the in-page layer: axe-core on the card and the gate dialog inside Preflight's
 * shadow root, in English and Japanese (the browser's own UI language), must find nothing serious or
 * critical; and both work from the keyboard alone at 1100×760 without the page scrolling: the card
 * opens with Alt+Enter, Tab reaches its fix and Enter applies it; the gate is read, fixed from, and
 * left by editing or posting.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension, openMastodon } from './browser';
import { DRAFTS } from './contract';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const messages = (language: string) =>
  JSON.parse(
    readFileSync(new URL(`../../public/_locales/${language}/messages.json`, import.meta.url), 'utf8'),
  ) as Record<string, { message: string }>;

const VIEWPORT = { width: 1100, height: 760 };
// A warning with one fix (a brand's spelling), and what the fix makes of it.
const DRAFT = 'Watch it on Youtube today';
const FIXED = 'Watch it on YouTube today';
const TEXTAREA = 'form.compose-form textarea';

/** axe's serious and critical violations inside the element `inner` of Preflight's shadow root. */
async function layerViolations(page: Page, inner: string): Promise<{ id: string; targets: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    type Result = { id: string; impact: string; nodes: { target: unknown[] }[] };
    type Axe = { run(context: unknown): Promise<{ violations: Result[]; passes: Result[] }> };
    const { axe } = globalThis as unknown as { axe: Axe };
    const { violations, passes } = await axe.run({ include: [{ fromShadowDom: ['preflight-layer', selector] }] });
    // axe looked at the layer (nothing checked would pass anything too).
    if (passes.length === 0) throw new Error(`axe checked nothing in ${selector}`);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, targets: v.nodes.map((node) => JSON.stringify(node.target)) }));
  }, inner);
}

/** The focused element inside Preflight's shadow root, as "tag.class" (or what has focus in the page). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('preflight-layer');
    const active = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
    if (active) return `${active.tagName.toLowerCase()}.${active.className.split(' ')[0] ?? ''}`;
    return `page:${document.activeElement?.tagName.toLowerCase()}`;
  });
const posted = (page: Page) => page.evaluate(() => window.__fixture.posted);
const textarea = (page: Page) => page.locator(TEXTAREA).first().inputValue();

describe.skipIf(browserMissing).each(['en', 'ja'])('the card and the gate in %s', (language) => {
  let browser: ExtensionBrowser;
  const words = messages(language);
  beforeAll(async () => {
    browser = await launchWithExtension({ language });
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const open = async (draft: string) => {
    const page = await openMastodon(browser);
    await page.setViewportSize(VIEWPORT);
    await page.locator(TEXTAREA).first().click();
    await page.keyboard.type(draft, { delay: 5 });
    return page;
  };
  const badge = (page: Page) => page.locator('preflight-layer [data-preflight="badge"]').first();
  const card = (page: Page) => page.locator('preflight-layer [data-preflight="card"]');
  const gate = (page: Page) => page.locator('preflight-layer [data-preflight="gate"]');

  it('opens a card with Alt+Enter, reaches its fix with Tab, applies it with Enter; axe finds nothing serious', async () => {
    const page = await open(DRAFT);
    await expect.poll(() => badge(page).getAttribute('data-severity')).toBe('warn');
    for (let i = 0; i < ' today'.length + 2; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+Enter');
    await card(page).waitFor();
    // In the browser's language, severity in words as well as colour.
    expect(await card(page).locator('.badge').textContent()).toContain(words.severityWarn?.message);
    expect(await layerViolations(page, '[data-preflight="card"]')).toEqual([]);
    // With "Why?" open and the ignore form shown, still nothing serious.
    await card(page).locator('.why').click();
    await card(page).locator('.ignore').click();
    await card(page).locator('.card-manual').waitFor();
    expect(await layerViolations(page, '[data-preflight="card"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await focused(page)).toBe('page:textarea');

    // Keyboard only, from the caret: the card, Tab round its controls back to the fix, Enter.
    await page.keyboard.press('Alt+Enter');
    await card(page).waitFor();
    // The card takes focus once it has rendered: start the walk from there, not from the caret.
    await expect.poll(() => focused(page)).not.toMatch(/^page:/);
    const seen: string[] = [await focused(page)];
    for (let i = 0; i < 6 && (seen.length === 1 || seen.at(-1) !== seen[0]); i++) {
      await page.keyboard.press('Tab');
      seen.push(await focused(page));
    }
    // Focus stays in the card and comes round to the fix.
    expect(seen.every((where) => !where.startsWith('page:'))).toBe(true);
    expect(seen).toContain('button.why');
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 6 && (await focused(page)) !== 'button.fix'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button.fix');
    await page.keyboard.press('Enter');
    await expect.poll(() => textarea(page)).toBe(FIXED);
    await expect.poll(() => card(page).count()).toBe(0);
    expect(await focused(page)).toBe('page:textarea');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.close();
  });

  it('a blocked post: the gate reads in the language, axe finds nothing serious, and Escape returns to the draft', async () => {
    const page = await open(`${DRAFTS.block} ${DRAFT}`);
    await page.keyboard.press('Control+Enter');
    await gate(page).waitFor();
    expect(await gate(page).locator('#preflight-dialog-title').textContent()).toBe(words.dialogTitleBlock?.message);
    expect(await layerViolations(page, '[data-preflight="gate"]')).toEqual([]);
    // A manual opened in place, the rule ids shown: still nothing serious.
    for (const summary of await gate(page).locator('summary').all()) await summary.click();
    expect(await layerViolations(page, '[data-preflight="gate"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => gate(page).count()).toBe(0);
    expect(await posted(page)).toEqual([]);
    await page.close();
  });

  it('a warning, from the keyboard alone: Tab to its fix in the gate, Enter, and the next press posts the fixed draft', async () => {
    const page = await open(DRAFT);
    await page.keyboard.press('Control+Enter');
    await gate(page).waitFor();
    expect(await layerViolations(page, '[data-preflight="gate"]')).toEqual([]);
    for (let i = 0; i < 20 && (await focused(page)) !== 'button.fix'; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button.fix');
    const box = await gate(page).locator('[data-preflight="fix"]').boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= VIEWPORT.height).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => gate(page).count()).toBe(0);
    await expect.poll(() => textarea(page)).toBe(FIXED);
    expect(await focused(page)).toBe('page:textarea');
    await expect.poll(() => badge(page).getAttribute('data-severity')).toBe('clean');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => posted(page)).toEqual([FIXED]);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    await page.close();
  });
});
