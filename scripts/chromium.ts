/**
 * Debian's Chromium (never a downloaded one) with the built extension loaded, through
 * playwright-core: shared by the browser tests (test/e2e) and the scripts that drive a browser
 * (demo, icons, adapters:check, the benchmark's browser part).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';

/** Fixed by the manifest's `key` (wxt.config.ts); enterprise policy names the extension by it. */
export const EXTENSION_ID = 'baddhdakpamoealemkigdhjhacnfbbig';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set by scripts/test.mjs when no Chromium exists; it has already said so loudly. */
export const browserMissing = process.env.PREFLIGHT_NO_BROWSER === '1' || !existsSync(CHROMIUM);
export const EXTENSION_DIR = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/** Chromium's flags for this machine (no sandbox as root, no network of its own) with the extension loaded. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/**
 * Chromium with the extension; `language` sets the browser's UI language (`--lang`), which the
 * extension's messages, rule messages and manual follow. Debian's Chromium has only en-US without
 * the `chromium-l10n` package: a test in another language then fails on its first Japanese string.
 */
export async function launchWithExtension(options: { language?: string } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run \`npx wxt build\` (npm test does it)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'preflight-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs(EXTENSION_DIR), ...(options.language ? [`--lang=${options.language}`] : [])],
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language } } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
