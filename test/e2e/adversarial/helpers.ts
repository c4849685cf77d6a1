/** What the adversarial specs share: the extension's storage, read and written from its service worker. */
import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { AuditEntry } from '../../../utils/audit';
import type { ExtensionBrowser, FixtureSession } from '../browser';

type Chrome = {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
};

/** A new tab at `url`: once Preflight's badge is there, the operator clicks into `editor` and types `draft`. */
export async function openAndType(session: FixtureSession, url: string, editor: string, draft: string): Promise<Page> {
  const page = await session.newPage();
  await page.goto(url);
  await expect.poll(() => page.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBe(1);
  await page.locator(editor).click();
  await page.keyboard.type(draft, { delay: 5 });
  return page;
}

const worker = (browser: ExtensionBrowser) => browser.context.serviceWorkers()[0] as Worker;

export async function auditLog(browser: ExtensionBrowser): Promise<AuditEntry[]> {
  // `chrome` is the extension's own global inside its service worker.
  return worker(browser).evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    return ((await chrome.storage.local.get('audit')).audit ?? []) as never;
  });
}

export async function setLocal(browser: ExtensionBrowser, items: Record<string, unknown>): Promise<void> {
  await worker(browser).evaluate(async (values) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    await chrome.storage.local.set(values);
  }, items);
}

/**
 * Hold the background's storage reads until the returned function is called: every page opened
 * meanwhile waits for its rule packs, as on a slow start. Within the gate's 5 seconds, or the wait
 * counts as a failure.
 */
export async function holdPacks(browser: ExtensionBrowser): Promise<() => Promise<void>> {
  type Held = { __release?: () => void };
  await worker(browser).evaluate(() => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    const local = chrome.storage.local;
    const get = local.get.bind(local);
    const held = new Promise<void>((resolve) => {
      (globalThis as Held).__release = () => {
        local.get = get;
        resolve();
      };
    });
    local.get = async (key) => {
      await held;
      return get(key);
    };
  });
  return () => worker(browser).evaluate(() => (globalThis as Held).__release?.());
}

export const posted = (page: Page) => page.evaluate(() => window.__fixture.posted);

/** If the gate's dialog opened, leave it by "Edit"; says whether it had opened. */
export async function closeGateIfOpen(page: Page, within = 300): Promise<boolean> {
  const dialog = page.getByRole('alertdialog');
  try {
    await dialog.waitFor({ state: 'visible', timeout: within });
  } catch {
    return false;
  }
  await dialog.locator('button.edit').click();
  await expect.poll(() => dialog.count()).toBe(0);
  return true;
}
