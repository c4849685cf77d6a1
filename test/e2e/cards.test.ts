/**
 * Cards on underlines and one-click fixes, per editor family: a click on the underline opens the
 * card; its fix goes through the editor's own input path, so the site's model (what its Post sends)
 * holds the new text, typing continues after it, and the editor's own undo restores the original.
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../utils/audit';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension, openMastodon } from './browser';
import {
  caretIntoFinding,
  caretIntoRemoval,
  FIX_DRAFT as DRAFT,
  FIX_FIXED as FIXED,
  packFile,
  REMOVAL_DRAFT,
  REMOVED,
  removalPackFile,
  FIX_TYPED as TYPED,
  typeAfterFixAndPost,
} from './fix-steps';

interface Family {
  name: string;
  origin: string;
  path: string;
  fixture: string;
  composer: string;
  /** Which composer on the page (its badge and its model, in page order); the first by default. */
  index?: number;
  /** What opens the composer, when the page does not show it at load. */
  reveal?: (page: Page) => Promise<void>;
  /** The page's own way to post; Ctrl+Enter by default. */
  post?: (page: Page) => Promise<void>;
  /** The editor keeps the fix and the typing after it as separate undo steps (Preflight cuts Quill's history). */
  separateUndo?: boolean;
}

const FAMILIES: Family[] = [
  {
    name: 'textarea (Mastodon)',
    origin: 'https://mastodon.social',
    path: '/home',
    fixture: 'mastodon',
    composer: 'form.compose-form textarea',
  },
  {
    name: 'Draft.js (X)',
    origin: 'https://x.com',
    path: '/home',
    fixture: 'x',
    composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
  },
  {
    name: 'Lexical (Threads)',
    origin: 'https://www.threads.com',
    path: '/intent/post',
    fixture: 'threads',
    composer: '[role="dialog"] div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
  },
  {
    name: 'ProseMirror (Bluesky)',
    origin: 'https://bsky.app',
    path: '/',
    fixture: 'bluesky',
    composer: '[role="dialog"] .ProseMirror[contenteditable="true"]',
  },
  {
    // A LinkedIn comment box: Quill 1.3.7, fixed through Quill's API with its history cut around the fix.
    name: 'Quill (LinkedIn comment)',
    origin: 'https://www.linkedin.com',
    path: '/feed/',
    fixture: 'linkedin',
    composer: 'form.comments-comment-box__form .ql-editor[contenteditable="true"]',
    post: (page) => page.locator('button.comments-comment-box__submit-button').first().click(),
    separateUndo: true,
  },
  {
    // The share box: Quill inside #interop-outlet's shadow root, where Quill 1 never sees its focus and
    // the browser's own undo answers Ctrl+Z: the fix is typed, and that undo takes it back.
    name: 'Quill in a shadow root (LinkedIn share box)',
    origin: 'https://www.linkedin.com',
    path: '/feed/',
    fixture: 'linkedin',
    composer: '#interop-outlet .share-box .ql-editor[contenteditable="true"]',
    index: 2,
    reveal: (page) => page.locator('button.share-box-feed-entry__trigger').click(),
    post: (page) => page.locator('#interop-outlet button.share-actions__primary-action').click(),
    separateUndo: true,
  },
  {
    // No editor library: LinkedIn messaging's plain contenteditable, found by the generic fallback.
    name: 'plain contenteditable (LinkedIn messaging)',
    origin: 'https://www.linkedin.com',
    path: '/messaging/',
    fixture: 'fallback',
    composer: '.msg-form__contenteditable',
    post: (page) => page.locator('button.msg-form__send-button').click(),
  },
];

/** Import a pack file through the options page's file input, as an admin would; `name` is its English name. */
async function importPack(browser: ExtensionBrowser, file: string, name: string): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
  await options.getByTestId('import-pack').setInputFiles(file);
  // A hook cannot poll (expect.poll is for tests): the status line says the import took.
  await options.locator('[role="status"]', { hasText: `Imported ${name}` }).waitFor();
  await options.close();
}

/** A team's own rule on words the default pack also stops: two findings on one underline. */
const SAME_WORDS_PACK = `id: team-finance
name: { en: Finance desk, ja: 金融デスク }
version: 1.0.0
locales: [en, ja]
sets: [{ id: finance-desk, title: { en: Finance desk, ja: 金融デスク } }]
manual:
  - id: finance-desk
    title: { en: Finance desk, ja: 金融デスク }
    body: { en: The finance desk signs off every return., ja: 利回りの表現は金融デスクが確認します。 }
rules:
  - id: team.principal-wording
    set: finance-desk
    kind: terms
    category: legal
    severity: warn
    manual: finance-desk
    message: { en: "{match} needs the finance desk.", ja: "「{match}」は金融デスクの確認が必要です。" }
    terms: [元本保証]
    examples: { flag: [元本保証で安心], pass: [安心の運用] }
`;

for (const family of FAMILIES) {
  describe.skipIf(browserMissing)(`cards and fixes: ${family.name}`, () => {
    let browser: ExtensionBrowser;
    beforeAll(async () => {
      browser = await launchWithExtension();
      await serveFixture(browser.context, family.origin, family.fixture);
      await importPack(browser, removalPackFile(), 'Filler words');
    });
    afterAll(async () => {
      await browser?.close();
    });

    const index = family.index ?? 0;
    const badge = (page: Page) => page.locator('preflight-layer [data-preflight="badge"]').nth(index);
    const open = async (draft = DRAFT): Promise<Page> => {
      const page = await browser.context.newPage();
      await page.goto(`${family.origin}${family.path}`);
      await page.locator('preflight-layer [data-preflight="badge"]').first().waitFor();
      await family.reveal?.(page);
      await page.locator(family.composer).first().click();
      await page.keyboard.type(draft, { delay: 5 });
      await expect.poll(() => badge(page).getAttribute('data-severity')).toBe('warn');
      return page;
    };
    const model = (page: Page) => page.evaluate((n) => window.__fixture.modelText(n), index);
    const card = (page: Page) => page.locator('preflight-layer [data-preflight="card"]');
    /** Caret into "Youtube" (from the end of the draft), and its card opened from the keyboard. */
    const openCard = async (page: Page) => {
      await caretIntoFinding((key) => page.keyboard.press(key));
      await page.keyboard.press('Alt+Enter');
      await card(page).waitFor();
    };
    const undo = async (page: Page) => {
      await page.locator(family.composer).first().focus();
      await page.keyboard.press('Control+z');
    };

    it('opens a card with Alt+Enter in the underline, applies the fix in the model, and keeps typing after it', async () => {
      const page = await open();
      await openCard(page);
      expect(await card(page).getAttribute('data-severity')).toBe('warn');
      expect(await card(page).locator('.badge').textContent()).toContain('Warning');
      expect(await card(page).locator('.ignore').count()).toBe(1);
      await card(page).locator('[data-preflight="fix"]').click();
      await expect.poll(() => card(page).count()).toBe(0);
      await typeAfterFixAndPost({
        model: () => model(page),
        type: (text) => page.keyboard.type(text, { delay: 5 }),
        post: () => (family.post ? family.post(page) : page.keyboard.press('Control+Enter')),
        lastPosted: () => page.evaluate(() => window.__fixture.posted.at(-1)),
      });
      await page.close();
    });

    it("undoes a fix with one press of the editor's own undo", async () => {
      const page = await open();
      await openCard(page);
      await card(page).locator('[data-preflight="fix"]').click();
      await expect.poll(() => model(page)).toBe(FIXED);
      await undo(page);
      await expect.poll(() => model(page)).toBe(DRAFT);
      await page.close();
    });

    it('removes the words and one space with a "Remove" fix, and the editor\'s own undo brings them back', async () => {
      const page = await open(REMOVAL_DRAFT);
      await caretIntoRemoval((key) => page.keyboard.press(key));
      await page.keyboard.press('Alt+Enter');
      const fix = card(page).locator('[data-preflight="fix"]');
      expect(await fix.textContent()).toBe('Remove');
      await fix.click();
      await expect.poll(() => model(page)).toBe(REMOVED);
      await undo(page);
      await expect.poll(() => model(page)).toBe(REMOVAL_DRAFT);
      await page.close();
    });

    // Chromium's and the other editors' own undo may merge typing into the step before it; Quill's is cut.
    if (family.separateUndo)
      it('keeps the fix and the typing right after it apart in the undo history', async () => {
        const page = await open();
        await openCard(page);
        await card(page).locator('[data-preflight="fix"]').click();
        await expect.poll(() => model(page)).toBe(FIXED);
        await page.keyboard.type('!', { delay: 5 });
        await expect.poll(() => model(page)).toBe(TYPED);
        await undo(page);
        await expect.poll(() => model(page)).toBe(FIXED);
        await undo(page);
        await expect.poll(() => model(page)).toBe(DRAFT);
        await page.close();
      });
  });
}

describe.skipIf(browserMissing)('a card opened by a click, and "Ignore once"', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
    await importPack(browser, packFile(SAME_WORDS_PACK), 'Finance desk');
  });
  afterAll(async () => {
    await browser?.close();
  });
  const auditLog = (): Promise<AuditEntry[]> => {
    const worker = browser.context.serviceWorkers()[0] as Worker;
    type Chrome = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    return worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      return ((await chrome.storage.local.get('audit')).audit ?? []) as never;
    });
  };

  /** Mastodon with `draft` typed, checked to `severity`, and the card its first underline opens on a click. */
  const clickUnderline = async (draft: string, severity: 'warn' | 'block') => {
    const page = await openMastodon(browser, draft);
    const indicator = page.locator('preflight-layer .indicator').first();
    await expect.poll(() => indicator.getAttribute('data-severity')).toBe(severity);
    const box = await page.locator('preflight-layer .box').first().boundingBox();
    if (!box) throw new Error('no underline box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const card = page.locator('preflight-layer [data-preflight="card"]');
    await card.waitFor();
    return { page, indicator, card };
  };

  it('opens on a click on the underline; ignoring a warning once needs a reason and is audited', async () => {
    const { page, indicator, card } = await clickUnderline(DRAFT, 'warn');
    await card.locator('.ignore').click();
    await card.locator('.card-ignore textarea').fill('Quoting the customer verbatim');
    await card.locator('.ignore-confirm').click();
    await expect.poll(() => indicator.getAttribute('data-severity')).toBe('clean');
    await expect
      .poll(async () => (await auditLog()).at(-1))
      .toMatchObject({
        decision: 'ignored',
        ruleIds: ['brand.name-spelling'],
        reason: 'Quoting the customer verbatim',
      });
    // The draft itself never reaches the log.
    expect(JSON.stringify(await auditLog())).not.toContain('Youtube');
    await page.close();
  });

  it("lists the other rules that stop the same words, and opens each one's card from there", async () => {
    // 「元本保証」 is stopped by the default pack's guarantee class and by the team's own rule: one underline,
    // two findings; the block opens first.
    const { page, card } = await clickUnderline('元本保証で安心', 'block');
    const first = await card.getAttribute('data-rule');
    const other = card.locator('[data-preflight="card-others"] .card-other');
    expect(await other.count()).toBe(1);
    const second = await other.getAttribute('data-rule');
    expect([first, second]).toEqual(['legal.guarantee-claim', 'team.principal-wording']);
    await other.click();
    await expect.poll(() => card.getAttribute('data-rule')).toBe(second);
    expect(await card.locator('[data-preflight="card-others"] .card-other').getAttribute('data-rule')).toBe(first);
    await page.close();
  });

  it('clips underline boxes to what can be seen of the textarea, inside a clipping container', async () => {
    const page = await openMastodon(browser, `one\ntwo\nthree\n${DRAFT}`);
    await expect.poll(() => page.locator('preflight-layer .box').count()).toBeGreaterThan(0);
    // The feed cuts the composer to its first line: the finding on the fourth is out of sight.
    await page.evaluate(() => {
      const form = document.querySelector('form.compose-form') as HTMLElement;
      Object.assign(form.style, { overflow: 'hidden', maxHeight: '30px' });
      window.dispatchEvent(new Event('resize'));
    });
    await expect.poll(() => page.locator('preflight-layer .box').count()).toBe(0);
    await page.close();
  });

  it('offers the fix in the gate: "Apply all fixes" changes the draft, and the next press posts it', async () => {
    const page = await openMastodon(browser, DRAFT);
    await page.keyboard.press('Control+Enter');
    const gate = page.locator('preflight-layer [role="alertdialog"]');
    await gate.waitFor();
    expect(await gate.locator('[data-preflight="fix"]').count()).toBe(1);
    await gate.locator('.apply-all').click();
    await expect.poll(() => gate.count()).toBe(0);
    await expect.poll(() => page.locator('form.compose-form textarea').first().inputValue()).toBe(FIXED);
    await page.locator('form.compose-form textarea').first().focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(() => window.__fixture.posted.at(-1))).toBe(FIXED);
    await page.close();
  });
});
