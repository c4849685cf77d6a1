/**
 * Hot fixes without a release: a composer and an icon-only send control that no adapter knows are
 * recognised and gated once a pack's `adapters` names them, whether the pack is imported in the
 * options page or forced by enterprise policy (a real managed-policy file, as policy.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from './browser';
import { DRAFTS } from './contract';
import { canWritePolicy, managedPolicy } from './managed-policy';

const ORIGIN = 'https://x.com';
const EDITOR = '.r-9x1c[contenteditable="true"]';
const SEND = '.r-5kq7[role="button"]';

const hotfixPack = (version: string) => ({
  id: 'acme-hotfix',
  name: 'ACME adapter hot fix',
  version,
  locales: ['en'],
  adapters: {
    x: {
      composers: ['div.r-9x1c[contenteditable="true"][role="textbox"]'],
      publish: ['div[role="button"]:has(> svg)'],
      publishText: ['Send reply'],
      container: ['div.r-7ab2'],
      note: 'Reply box after the 2026-12 redesign',
    },
  },
});

async function typeInto(page: Page, index: number, text: string): Promise<void> {
  await page.locator(EDITOR).nth(index).click();
  await page.keyboard.type(text, { delay: 5 });
}

const recognised = (page: Page) => page.locator('preflight-layer .indicator:not([data-fallback])');
const posted = (page: Page) => page.evaluate(() => window.__fixture.posted);

async function expectGated(page: Page): Promise<void> {
  await expect.poll(() => recognised(page).count(), { timeout: 10_000 }).toBe(2);
  await typeInto(page, 1, DRAFTS.block);
  await expect.poll(() => recognised(page).nth(1).getAttribute('data-severity')).toBe('block');
  await page.locator(SEND).nth(1).click();
  await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
  expect(await posted(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.locator(EDITOR).nth(1).fill(DRAFTS.clean);
  await expect.poll(() => recognised(page).nth(1).getAttribute('data-severity')).toBe('clean');
  await page.locator(SEND).nth(1).click();
  await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
}

describe.skipIf(browserMissing)('hot fix: an imported pack names an unknown composer and its icon-only control', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, ORIGIN, 'hotfix');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('does not gate it before the pack, and gates it once the pack is imported, without a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ORIGIN}/home`);
    await page.locator(EDITOR).first().waitFor();
    await typeInto(page, 0, DRAFTS.block);
    await page.locator(SEND).first().click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.block]);
    expect(await recognised(page).count()).toBe(0);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    const file = join(mkdtempSync(join(tmpdir(), 'preflight-hotfix-')), 'hotfix.json');
    writeFileSync(file, JSON.stringify(hotfixPack('1.0.0')));
    await options.getByTestId('import-pack').setInputFiles(file);
    await expect.poll(() => options.locator('[role="status"]').textContent()).toContain('Imported');
    await options.close();

    await page.evaluate(() => {
      window.__fixture.posted.length = 0;
    });
    await expectGated(page);
    await page.close();
  });

  it('refuses a pack whose selector does not parse, and says which', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    const broken = { ...hotfixPack('1.1.0'), adapters: { x: { publish: ['div[role="button"'] } } };
    const file = join(mkdtempSync(join(tmpdir(), 'preflight-hotfix-')), 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    await options.getByTestId('import-pack').setInputFiles(file);
    await expect
      .poll(() => options.locator('.import-failed[role="alert"]').textContent())
      .toMatch(/adapters\.x\.publish\[0\]/);
    await options.close();
  });
});

describe.skipIf(browserMissing || !canWritePolicy)('hot fix: a pack forced by enterprise policy', () => {
  const policy = managedPolicy('hotfix');
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    policy.write({ forcedPacks: [JSON.stringify(hotfixPack('2.0.0'))] });
    browser = await launchWithExtension();
    await serveFixture(browser.context, ORIGIN, 'hotfix');
  });
  afterAll(async () => {
    await browser?.close();
    policy.remove();
  });

  it('gates the composer the forced pack names from the first load', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ORIGIN}/home`);
    await expectGated(page);
    await page.close();
  });
});
