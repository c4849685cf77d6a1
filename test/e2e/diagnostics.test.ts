/**
 * "Copy diagnostics" from the popup on a page where no adapter recognises the composer (LinkedIn
 * messaging, checked by the fallback): the JSON on the clipboard names the fields and the buttons
 * near them, and holds nothing that was typed.
 */
import type { Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageDiagnostics } from '../../utils/messages';
import { browserMissing } from './browser';
import { withBrowser } from './platform-extras';

const ORIGIN = 'https://www.linkedin.com';
const SECRET_MESSAGE = 'Offer for Dana: 140k plus equity';
const SECRET_NOTE = 'Dana is interviewing elsewhere';

type Chrome = {
  tabs: {
    query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id: number; windowId: number }[]>;
    create(properties: { windowId: number; url: string; active: boolean }): Promise<unknown>;
  };
};

describe.skipIf(browserMissing)('Copy diagnostics in the popup', () => {
  const browser = withBrowser({ origin: ORIGIN, fixture: 'fallback' });

  it('copies the page’s fields and nearby buttons as JSON, never what was typed, and says so', async () => {
    const { context, extensionId } = browser();
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/messaging/`);
    await expect.poll(() => page.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBe(2);
    await page.locator('.msg-form__contenteditable').click();
    await page.keyboard.type(SECRET_MESSAGE, { delay: 2 });
    await page.locator('textarea.notes').click();
    await page.keyboard.type(SECRET_NOTE, { delay: 2 });

    // The popup reads its window's active tab when it opens: open it (in a tab, as the tests do) in the
    // fixture's window behind the fixture's tab, then bring it forward to click in it.
    await page.bringToFront();
    const worker = context.serviceWorkers()[0] as Worker;
    const opened = context.waitForEvent('page');
    await worker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (!tab) throw new Error('no fixture tab');
      await chrome.tabs.create({ windowId: tab.windowId, url, active: false });
    }, `chrome-extension://${extensionId}/popup.html`);
    const popup = await opened;
    await expect.poll(() => popup.getByTestId('tab-findings').getAttribute('data-state')).toBe('found');
    await popup.bringToFront();
    // No composer is recognised here: the button is in view, not behind "Diagnostics".
    await popup.getByTestId('copy-diagnostics').click();
    await expect
      .poll(() => popup.getByTestId('diagnostics-status').textContent())
      .toMatch(/^Copied to the clipboard: \d+ fields and \d+ buttons, no text or values\.$/);

    // Read the clipboard back as an operator would: paste it into a blank page's textarea.
    const scratch = await context.newPage();
    await scratch.setContent('<textarea></textarea>');
    await scratch.locator('textarea').focus();
    await scratch.keyboard.press('Control+V');
    const copied = await scratch.locator('textarea').inputValue();
    await scratch.close();
    expect(copied.length).toBeGreaterThan(0);
    expect(copied).not.toContain(SECRET_MESSAGE);
    expect(copied).not.toContain(SECRET_NOTE);
    expect(copied).not.toContain('Dana');
    const diagnostics = JSON.parse(copied) as PageDiagnostics;
    expect(diagnostics).toMatchObject({ platform: 'linkedin', origin: ORIGIN });
    const message = diagnostics.editables.find((field) => field.attributes.class === 'msg-form__contenteditable');
    expect(message).toMatchObject({
      tag: 'div',
      preflight: 'fallback',
      attributes: { role: 'textbox', contenteditable: 'true', 'aria-label': 'Write a message…' },
    });
    expect(message?.controls.map((control) => control.attributes)).toContainEqual({
      type: 'submit',
      class: 'msg-form__send-button',
    });
    // Each path finds its element again on the page.
    for (const field of diagnostics.editables) {
      expect(await page.locator(field.path[0] as string).count(), field.path[0]).toBe(1);
    }
    await popup.close();
    await page.close();
  });
});
