/**
 * Japanese input: the Enter that commits an IME conversion picks the text and must not count as
 * a post (no dialog, nothing held); the Enter after it is an ordinary press and is gated. Driven
 * through Chromium's own IME path (DevTools Input.imeSetComposition), on Instagram's comment box,
 * where a plain Enter posts.
 */
import { describe, expect, it } from 'vitest';
import { browserMissing, withFixtures } from '../browser';
import { DRAFTS } from '../contract';
import { closeGateIfOpen, posted } from './helpers';
import { TARGETS } from './platforms';

const instagram = TARGETS.find((t) => t.platform === 'instagram')!;

describe.skipIf(browserMissing)('IME composition in a box where Enter posts', () => {
  const session = withFixtures([instagram]);

  it('lets the conversion’s Enter through and gates the Enter after it', async () => {
    const page = await session.newPage();
    await page.goto(`${instagram.origin}${instagram.path}`);
    await expect.poll(() => page.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const box = page.locator(instagram.composer).first();
    await box.click();
    await page.keyboard.type(DRAFTS.block, { delay: 5 });
    const cdp = await session.browser.context.newCDPSession(page);
    // Typing "ほしょう" and converting it: the composition is open while Enter is pressed.
    await cdp.send('Input.imeSetComposition', { text: 'ほしょう', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.imeSetComposition', { text: '保証', selectionStart: 2, selectionEnd: 2 });
    await box.evaluate((element: HTMLElement) => {
      const keys: { isComposing: boolean; keyCode: number }[] = [];
      (window as unknown as { __keys: typeof keys }).__keys = keys;
      element.addEventListener('keydown', (event: KeyboardEvent) =>
        keys.push({ isComposing: event.isComposing, keyCode: event.keyCode }),
      );
    });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
    });
    await cdp.send('Input.insertText', { text: '保証' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    // The page saw the conversion's Enter as Chromium sends it: composing, key code 229.
    const seen = await page.evaluate(() => (window as unknown as { __keys: unknown[] }).__keys);
    expect(seen).toEqual([{ isComposing: true, keyCode: 229 }]);
    expect(await closeGateIfOpen(page, 500)).toBe(false);
    expect(await box.inputValue()).toBe(`${DRAFTS.block}保証`);
    expect(await posted(page)).toEqual([]);

    await page.keyboard.press('Enter');
    expect(await closeGateIfOpen(page, 2000)).toBe(true);
    expect(await posted(page)).toEqual([]);
    expect(await box.inputValue()).toBe(`${DRAFTS.block}保証`);
    await page.close();
  });
});
