/**
 * Chromium's enterprise policy on Linux, as an admin deploys it: a JSON file in
 * /etc/chromium/policies/managed/ naming the extension by its fixed ID. Writing there needs root,
 * as CI has; the tests that need it are skipped where it cannot be written.
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Policy } from '../../utils/policy';
import { EXTENSION_ID, type ExtensionBrowser } from './browser';

const POLICY_DIR = '/etc/chromium/policies/managed';

export const canWritePolicy = (() => {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
})();

/** One test file's policy file (`preflight-e2e-NAME.json`): write it, and remove it afterwards. */
export function managedPolicy(name: string) {
  const file = join(POLICY_DIR, `preflight-e2e-${name}.json`);
  return {
    write: (policy: Policy) =>
      writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } })),
    remove: () => rmSync(file, { force: true }),
  };
}

/** Have Chromium read its policy files again, as chrome://policy's "Reload policies" does. */
export async function reloadPolicies(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://policy');
  await page.locator('#reload-policies').click();
  await page.close();
}
