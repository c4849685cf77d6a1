/**
 * The audit trail: one decision is one entry (a click on a form's submit button used to log the
 * click and the submit), a rule is listed once however often it matched, and every entry says what
 * was in force: the packs and versions, and the rules a reviewer had switched off.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../../cli/builtin-pack';
import { loadPackFrom } from '../../../cli/pack-source';
import { compilePacks } from '../../../rules/index';
import { serveFixture } from '../../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension } from '../browser';
import { DRAFTS } from '../contract';
import { auditLog, posted, setLocal } from './helpers';
import { TARGETS } from './platforms';

/** Platforms whose Post is a submit button in a form: the click and the form's submit both reach the gate. */
const FORM_POSTS = TARGETS.filter((t) => t.platform === 'mastodon' || t.platform === 'linkedin');

/** The rules of the default pack that find something in a draft, each once: read from the pack, not written here. */
const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
const rulesIn = (text: string, platform: (typeof FORM_POSTS)[number]['platform'], severities = ['block', 'warn']) => [
  ...new Set(
    checker
      .check(text, { platform })
      .filter((f) => severities.includes(f.severity))
      .map((f) => f.ruleId),
  ),
];
/** The default pack's rule that stops 「元本保証」 (read from the pack, so that folding rules keeps this test true). */
const guaranteeRule = (platform: (typeof FORM_POSTS)[number]['platform']) => {
  const [rule, ...others] = rulesIn('元本保証', platform, ['block']);
  expect(others).toEqual([]);
  return rule;
};

describe.skipIf(browserMissing)('the audit trail', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    for (const target of FORM_POSTS) await serveFixture(browser.context, target.origin, target.fixture);
  });
  afterAll(async () => {
    await setLocal(browser, { ruleOverrides: {} }).catch(() => undefined);
    await browser?.close();
  });

  const typeInto = async (page: Page, target: (typeof FORM_POSTS)[number], draft: string, severity: string) => {
    await page.goto(`${target.origin}${target.path}`);
    await expect.poll(() => page.locator('preflight-layer .indicator').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator(target.composer).first().click();
    await page.keyboard.type(draft, { delay: 5 });
    await expect
      .poll(() => page.locator('preflight-layer .indicator').first().getAttribute('data-severity'))
      .toBe(severity);
  };

  for (const target of FORM_POSTS) {
    it(`${target.platform}: one clean post writes one entry`, async () => {
      const page = await browser.context.newPage();
      await typeInto(page, target, DRAFTS.clean, 'clean');
      const before = (await auditLog(browser)).length;
      await page.locator(target.publish).click();
      await expect.poll(() => posted(page)).toEqual([DRAFTS.clean]);
      await expect.poll(async () => (await auditLog(browser)).length).toBe(before + 1);
      // A second entry would come within milliseconds; give it ample time to show.
      await page.waitForTimeout(500);
      const added = (await auditLog(browser)).slice(before);
      expect(added.map((e) => e.decision)).toEqual(['posted']);
      await page.close();
    });
  }

  it('lists a rule that matched several times once', async () => {
    const target = FORM_POSTS[0]!;
    const page = await browser.context.newPage();
    const draft = `${DRAFTS.block} 元本保証`;
    await typeInto(page, target, draft, 'block');
    const before = (await auditLog(browser)).length;
    await page.locator(target.publish).click();
    await expect.poll(() => page.getByRole('alertdialog').isVisible()).toBe(true);
    await expect.poll(async () => (await auditLog(browser)).length).toBe(before + 1);
    const entry = (await auditLog(browser)).at(-1);
    expect(entry?.decision).toBe('stopped');
    // The rule that stops 「元本保証」 matches more than once here; the entry lists each rule once.
    const guarantee = guaranteeRule(target.platform);
    expect(
      checker.check(draft, { platform: target.platform }).filter((f) => f.ruleId === guarantee).length,
    ).toBeGreaterThan(1);
    expect([...(entry?.ruleIds ?? [])].sort()).toEqual(rulesIn(draft, target.platform).sort());
    expect(entry?.severities).toHaveLength(entry?.ruleIds.length ?? -1);
    expect(entry?.packs).toContainEqual({ id: 'preflight-default', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    await page.close();
  });

  it('records the rule a reviewer switched off when a draft it would have stopped goes out', async () => {
    const target = FORM_POSTS[0]!;
    // Every rule that finds something in the draft, switched off by the reviewer.
    const off = rulesIn(DRAFTS.block, target.platform, ['block', 'warn', 'info']);
    const guarantee = guaranteeRule(target.platform);
    expect(off).toContain(guarantee);
    await setLocal(browser, { ruleOverrides: Object.fromEntries(off.map((id) => [id, 'off'])) });
    const page = await browser.context.newPage();
    await typeInto(page, target, DRAFTS.block, 'clean');
    const before = (await auditLog(browser)).length;
    await page.locator(target.publish).click();
    await expect.poll(() => posted(page)).toEqual([DRAFTS.block]);
    await expect.poll(async () => (await auditLog(browser)).length).toBe(before + 1);
    const entry = (await auditLog(browser)).at(-1);
    expect(entry).toMatchObject({ decision: 'posted', ruleIds: [] });
    expect(entry?.ruleChanges).toContainEqual({ rule: guarantee, to: 'off', by: 'reviewer' });
    expect(entry?.packs.map((p) => p.id)).toContain('preflight-default');
    expect(JSON.stringify(entry)).not.toContain('元本保証');
    await setLocal(browser, { ruleOverrides: {} });
    await page.close();
  });
});
