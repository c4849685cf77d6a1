/**
 * One-click fixes in Firefox, one per editor family the Firefox suite covers: the card opened with
 * Alt+Enter in the underline, its fix applied through the editor's own input path (Quill's through
 * its API), one more character typed, Post pressed: the page receives the fixed text. Then, on a
 * fresh draft, one press of the editor's own undo restores the original. Draft.js hears no
 * `insertText` in Firefox: there the fix is typed as a `textInput` over Draft's own selection
 * (editors/draft.ts), so Draft makes the change and owns its undo step.
 */

import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caretIntoFinding,
  caretIntoRemoval,
  FIX_DRAFT as DRAFT,
  FIX_FIXED as FIXED,
  REMOVAL_DRAFT,
  REMOVED,
  removalPackFile,
  typeAfterFixAndPost,
} from '../e2e/fix-steps';
import { extensionPage, firefoxMissing, fixturePage, launchFirefox, READY_MS } from './firefox';

interface Family {
  name: string;
  origin: string;
  path: string;
  fixture: string;
  composer: string;
  publish: string;
}

const FAMILIES: Family[] = [
  {
    name: 'textarea (Mastodon)',
    origin: 'https://mastodon.social',
    path: '/home',
    fixture: 'mastodon',
    composer: 'form.compose-form textarea',
    publish: 'form.compose-form button[type="submit"]',
  },
  {
    name: 'Draft.js (X)',
    origin: 'https://x.com',
    path: '/home',
    fixture: 'x',
    composer: 'div[data-testid^="tweetTextarea_"][contenteditable="true"]',
    publish: '.composer[data-slot="0"] [data-testid^="tweetButton"]',
  },
  {
    name: 'Lexical (Reddit)',
    origin: 'https://www.reddit.com',
    path: '/r/preflight/comments/1abcde/what_time_does_the_store_open_on_sundays/',
    fixture: 'reddit',
    composer: 'shreddit-composer div[contenteditable="true"][role="textbox"]',
    publish: 'shreddit-composer button[slot="submit-button"]',
  },
  {
    name: 'ProseMirror (Bluesky)',
    origin: 'https://bsky.app',
    path: '/',
    fixture: 'bluesky',
    composer: '[role="dialog"] .ProseMirror[contenteditable="true"]',
    publish: 'button[data-testid="composerPublishBtn"]',
  },
  {
    name: 'Quill (LinkedIn)',
    origin: 'https://www.linkedin.com',
    path: '/feed/',
    fixture: 'linkedin',
    composer: '.ql-editor[contenteditable="true"]',
    publish: 'form.comments-comment-box__form button.comments-comment-box__submit-button',
  },
];

const BADGE = 'preflight-layer >>> [data-preflight="badge"]';
const CARD = 'preflight-layer >>> [data-preflight="card"]';
const FIX = 'preflight-layer >>> [data-preflight="card"] [data-preflight="fix"]';

const model = (page: Page) => page.evaluate(() => window.__fixture.modelText(0));
const press = async (page: Page, modifier: KeyInput, key: KeyInput) => {
  await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  await page.keyboard.up(modifier);
};

/** Import the removal pack through the options page's file input, as an admin would. */
async function importRemovalPack(browser: Browser): Promise<void> {
  const options = await extensionPage(browser, 'options.html#packs');
  const input = await options.waitForSelector('input[data-testid="import-pack"]', { timeout: READY_MS });
  await input!.uploadFile(removalPackFile());
  await options.waitForSelector('::-p-text(Imported Filler words)', { timeout: READY_MS });
  await options.close();
}

/** A page with `draft` typed into its composer, once the badge says it warns. */
async function typeWarned(browser: Browser, family: Family, draft: string, path = family.path): Promise<Page> {
  const page = await fixturePage(browser, family.origin, family.fixture);
  await page.goto(`${family.origin}${path}`);
  await page.waitForSelector(family.composer, { timeout: READY_MS });
  await page.waitForSelector(BADGE, { timeout: READY_MS });
  await page.click(family.composer);
  await page.keyboard.type(draft, { delay: 5 });
  await expect.poll(() => page.$eval(BADGE, (badge) => badge.getAttribute('data-severity'))).toBe('warn');
  return page;
}

/** A page with the draft typed, the caret in "Youtube", its card opened from the keyboard and its fix clicked. */
async function clickFix(browser: Browser, family: Family, path = family.path): Promise<Page> {
  const page = await typeWarned(browser, family, DRAFT, path);
  await caretIntoFinding((key) => page.keyboard.press(key));
  await press(page, 'Alt', 'Enter');
  // Polled: waitForSelector watches the document's mutations, not those inside Preflight's shadow root.
  await expect.poll(async () => (await page.$(FIX)) !== null).toBe(true);
  await page.click(FIX);
  return page;
}

describe.skipIf(firefoxMissing).each(FAMILIES)('fixes in Firefox: $name', (family) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox({ extensionPages: true });
    await importRemovalPack(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The draft typed, the caret put in "Youtube", its card opened from the keyboard and its fix clicked. */
  const fixed = async (): Promise<Page> => {
    const page = await clickFix(browser, family);
    await expect.poll(() => model(page)).toBe(FIXED);
    await expect.poll(async () => (await page.$(CARD)) === null).toBe(true);
    return page;
  };

  it('applies the fix in the model, keeps typing after it, and posts exactly that', async () => {
    const page = await fixed();
    await typeAfterFixAndPost({
      model: () => model(page),
      type: (text) => page.keyboard.type(text, { delay: 5 }),
      post: () => page.click(family.publish),
      lastPosted: () => page.evaluate(() => window.__fixture.posted.at(-1)),
    });
    await page.close();
  });

  it("takes the fix back with one press of the editor's own undo", async () => {
    const page = await fixed();
    await page.focus(family.composer);
    await press(page, 'Control', 'z');
    await expect.poll(() => model(page)).toBe(DRAFT);
    await page.close();
  });

  it('removes the words and one space with a "Remove" fix, and the editor\'s own undo brings them back', async () => {
    const page = await typeWarned(browser, family, REMOVAL_DRAFT);
    await caretIntoRemoval((key) => page.keyboard.press(key));
    await press(page, 'Alt', 'Enter');
    await expect.poll(async () => (await page.$(FIX)) !== null).toBe(true);
    expect(await page.$eval(FIX, (button) => button.textContent)).toBe('Remove');
    await page.click(FIX);
    await expect.poll(() => model(page)).toBe(REMOVED);
    await page.focus(family.composer);
    await press(page, 'Control', 'z');
    await expect.poll(() => model(page)).toBe(REMOVAL_DRAFT);
    await page.close();
  });
});

describe.skipIf(firefoxMissing)('fixes in Firefox: Draft.js (X), what the operator sees', () => {
  const draft = FAMILIES.find((family) => family.fixture === 'x')!;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const shown = (page: Page) => page.$eval(draft.composer, (element) => element.textContent);

  it("draws what its model holds, after the fix and after Draft's own undo", async () => {
    const page = await clickFix(browser, draft);
    await expect.poll(() => model(page)).toBe(FIXED);
    expect(await shown(page)).toBe(FIXED);
    await page.focus(draft.composer);
    await press(page, 'Control', 'z');
    await expect.poll(() => model(page)).toBe(DRAFT);
    expect(await shown(page)).toBe(DRAFT);
    // And Draft's redo brings the fix back: the step is Draft's own, not the browser's.
    await page.keyboard.down('Control');
    await press(page, 'Shift', 'z');
    await page.keyboard.up('Control');
    await expect.poll(() => model(page)).toBe(FIXED);
    expect(await shown(page)).toBe(FIXED);
    await page.close();
  });

  it("fixes in a later paragraph, after an emoji (offsets in Draft's blocks and UTF-16)", async () => {
    const first = 'Morning 👋🏽 team';
    const page = await fixturePage(browser, draft.origin, draft.fixture);
    await page.goto(`${draft.origin}${draft.path}?text=${encodeURIComponent(`${first}\n${DRAFT}`)}`);
    await page.waitForSelector(BADGE, { timeout: READY_MS });
    await expect.poll(() => page.$eval(BADGE, (badge) => badge.getAttribute('data-severity'))).toBe('warn');
    await page.click(draft.composer);
    await press(page, 'Control', 'End');
    for (let i = 0; i < ' today'.length + 2; i++) await page.keyboard.press('ArrowLeft');
    await press(page, 'Alt', 'Enter');
    await expect.poll(async () => (await page.$(FIX)) !== null).toBe(true);
    await page.click(FIX);
    await expect.poll(() => model(page)).toBe(`${first}\n${FIXED}`);
    await page.focus(draft.composer);
    await press(page, 'Control', 'z');
    await expect.poll(() => model(page)).toBe(`${first}\n${DRAFT}`);
    await page.close();
  });

  it('applies the fix from the gate, and the next press posts it', async () => {
    const page = await fixturePage(browser, draft.origin, draft.fixture);
    await page.goto(`${draft.origin}${draft.path}`);
    await page.waitForSelector(BADGE, { timeout: READY_MS });
    await page.click(draft.composer);
    await page.keyboard.type(DRAFT, { delay: 5 });
    await expect.poll(() => page.$eval(BADGE, (badge) => badge.getAttribute('data-severity'))).toBe('warn');
    await page.click(draft.publish);
    const gate = 'preflight-layer >>> [role="alertdialog"]';
    await expect.poll(async () => (await page.$(`${gate} .apply-all`)) !== null).toBe(true);
    await page.click(`${gate} .apply-all`);
    await expect.poll(async () => (await page.$(gate)) === null).toBe(true);
    await expect.poll(() => model(page)).toBe(FIXED);
    expect(await shown(page)).toBe(FIXED);
    await page.click(draft.publish);
    await expect.poll(() => page.evaluate(() => window.__fixture.posted.at(-1))).toBe(FIXED);
    await page.close();
  });

  it('leaves the draft and its undo history alone when the site drops the fix, and says so', async () => {
    const page = await clickFix(browser, draft, `${draft.path}?rewrite=swallow`);
    await expect.poll(async () => (await page.$(`${CARD} [role="status"]`)) !== null).toBe(true);
    expect(await model(page)).toBe(DRAFT);
    expect(await shown(page)).toBe(DRAFT);
    // Nothing was taken back on the operator's behalf: their own undo still removes their typing.
    await page.focus(draft.composer);
    await press(page, 'Control', 'z');
    await expect.poll(() => model(page)).not.toBe(DRAFT);
    await page.close();
  });

  it("takes back a fix the site rewrote, with Draft's own undo, and says so", async () => {
    const page = await clickFix(browser, draft, `${draft.path}?rewrite=shout`);
    await expect.poll(async () => (await page.$(`${CARD} [role="status"]`)) !== null).toBe(true);
    expect(await page.$eval(`${CARD} [role="status"]`, (status) => status.textContent)).toContain('undone');
    await expect.poll(() => model(page)).toBe(DRAFT);
    expect(await shown(page)).toBe(DRAFT);
    // Typing goes on where the operator left it, and the post is what is shown.
    await page.focus(draft.composer);
    await page.keyboard.press('End');
    await page.keyboard.type('!', { delay: 5 });
    await expect.poll(() => model(page)).toBe(`${DRAFT}!`);
    await page.close();
  });
});
