/**
 * "Post anyway" as an operator does it: a reason, the button, then (sites ignore a press made by
 * script, so Preflight arms a pass for this exact draft) the dialog's "press Post again" and the
 * operator's own press of Post.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function postAnyway(page: Page, reason: string, pressAgain: () => Promise<void>): Promise<void> {
  const dialog = page.locator('preflight-layer [role="alertdialog"]');
  await dialog.locator('textarea').fill(reason);
  await dialog.locator('.post-anyway').click();
  await confirmPressAgain(page);
  await pressAgain();
}

/** The dialog says "Press Post again to publish"; its OK closes it (nothing has been posted yet). */
export async function confirmPressAgain(page: Page): Promise<void> {
  const ok = page.locator('preflight-layer .press-again-ok');
  await ok.waitFor({ state: 'visible', timeout: 5000 });
  await ok.click();
  await expect.poll(() => page.locator('preflight-layer [role="alertdialog"]').count()).toBe(0);
}
