import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from './browser';

// Without Chromium, scripts/test.mjs has printed how to install it (and CI fails instead).
describe.skipIf(browserMissing)('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts its background service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('shows the active pack in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const active = page.getByTestId('active-pack');
    await expect.poll(() => active.textContent()).toMatch(/Preflight default pack 1\.\d+\.\d+ \(\d+ rules\)/);
    expect(await page.locator('li').count()).toBe(12);
    await page.close();
  });
});
