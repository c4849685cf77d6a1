/**
 * Enter from an Android keyboard: a keydown with key code 229 that names no key, then the
 * `beforeinput` of a new paragraph, which is what a page that posts on Enter acts on there. Sent
 * through Chromium's own input path (DevTools protocol), so every event is trusted.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, withFixtures } from '../browser';
import { DRAFTS } from '../contract';
import { confirmPressAgain } from '../post-anyway';
import { openAndType, posted } from './helpers';

const ORIGIN = 'https://www.instagram.com';
const EDITOR = 'div[aria-label^="Add a comment"][contenteditable="true"]';

/** The Enter key of an Android keyboard, as Chromium receives it from one. */
async function androidEnter(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const key = { windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229, key: 'Unidentified', code: '' };
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...key, text: '\r', unmodifiedText: '\r' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}

describe.skipIf(browserMissing)('Enter from an Android keyboard in a box where Enter posts', () => {
  const session = withFixtures([{ origin: ORIGIN, fixture: 'adversarial' }]);

  const gate = (page: Page) => page.locator('preflight-layer [role="alertdialog"]');
  const text = (page: Page) => page.evaluate(() => window.__fixture.modelText(0));

  const open = async (draft: string, severity: string): Promise<Page> => {
    const page = await openAndType(session, `${ORIGIN}/android`, EDITOR, draft);
    await expect.poll(() => page.locator('preflight-layer .indicator').getAttribute('data-severity')).toBe(severity);
    return page;
  };

  it('the keys really arrive as an Android keyboard sends them (key code 229, then insertParagraph)', async () => {
    const page = await open(DRAFTS.clean, 'clean');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      addEventListener('keydown', (event) => seen.push(`keydown ${event.keyCode}`), true);
      addEventListener('beforeinput', (event) => seen.push(`beforeinput ${event.inputType}`), true);
    });
    await androidEnter(page);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toEqual(['keydown 229', 'beforeinput insertParagraph']);
    await page.close();
  });

  it('stops a block draft: the dialog opens, the page never gets it, the draft is unchanged', async () => {
    const page = await open(DRAFTS.block, 'block');
    await androidEnter(page);
    await expect.poll(() => gate(page).isVisible()).toBe(true);
    expect(await gate(page).locator('.post-anyway').count()).toBe(0);
    await gate(page).locator('button.edit').click();
    expect(await posted(page)).toEqual([]);
    expect(await text(page)).toBe(DRAFTS.block);
    await page.close();
  });

  it('lets a clean draft go out on it, once', async () => {
    const page = await open(DRAFTS.clean, 'clean');
    await androidEnter(page);
    await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
    expect(await gate(page).count()).toBe(0);
    await page.close();
  });

  it('posts a warn draft on the operator’s next Enter after "Post anyway"', async () => {
    const page = await open(DRAFTS.warn, 'warn');
    await androidEnter(page);
    await expect.poll(() => gate(page).isVisible()).toBe(true);
    await gate(page).locator('textarea').fill('Checked with the campaign owner');
    await gate(page).locator('.post-anyway').click();
    await confirmPressAgain(page);
    expect(await posted(page)).toEqual([]);
    // A tap back in the box (the dialog had the caret), then Enter on the phone's keyboard.
    await page.locator(EDITOR).click();
    await page.keyboard.press('End');
    await androidEnter(page);
    await expect.poll(() => posted(page)).toEqual([DRAFTS.warn]);
    await page.close();
  });

  it('leaves a desktop Shift+Enter a new line: its line break follows a real Enter key', async () => {
    const page = await open(DRAFTS.warn, 'warn');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('More', { delay: 5 });
    expect(await gate(page).count()).toBe(0);
    expect(await text(page)).toBe(`${DRAFTS.warn}\nMore`);
    expect(await posted(page)).toEqual([]);
    await page.close();
  });
});
