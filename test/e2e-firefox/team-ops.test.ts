/**
 * Team operations in Firefox ESR, on the Mastodon fixture (served at its real address by request
 * interception) with the built extension. The team state: a real loopback server (node:http) serves
 * a signed state, the options page follows it, turning the quiet period on there stops a promotion
 * in a composer that is already open and turning it off releases it. Four-eyes approval: the gate
 * stops a health claim, "Ask for approval" gives the request, the reviewer approves it in the
 * options page with their key kept sealed, and the code pasted into the gate posts the draft as
 * written. "Check now" sends the same message as the one-minute alarm, so no test waits a minute.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, type KeyPair } from '../../rules/signature';
import { signTeamState } from '../../rules/team-state';
import { type PackServer, startPackServer } from '../e2e/pack-server';
import { QUIET_MESSAGE as MESSAGE, quietState as state } from '../helpers/team-state';
import { extensionPage, firefoxMissing, fixturePage, launchFirefox, READY_MS, readAuditLog } from './firefox';

const INDICATOR = 'preflight-layer >>> .indicator';
const APPROVAL = 'preflight-layer >>> [data-testid="approval"]';
const PRESS_AGAIN_OK = 'preflight-layer >>> .press-again-ok';
const COMPOSER = 'form.compose-form textarea';
const PUBLISH = 'form.compose-form button[type="submit"]';
const PASSPHRASE = 'correct horse battery';

/** Put text into a field as a paste does (one input event), wherever it is (`>>>` pierces shadow roots). */
async function paste(page: Page, selector: string, text: string) {
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (field, value) => {
      (field as HTMLTextAreaElement).value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}
/**
 * Click as a person does, once the control is in view: the extension's pages run in their own
 * process, where puppeteer does not scroll a control into view before clicking it.
 */
async function press(page: Page, selector: string) {
  await page.waitForSelector(selector);
  await page.$eval(selector, (element) => element.scrollIntoView({ block: 'center' }));
  await page.click(selector);
}
const testId = (id: string) => `[data-testid="${id}"]`;
const text = (page: Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent ?? '').catch(() => undefined);
const value = (page: Page, selector: string) =>
  page.$eval(selector, (field) => (field as HTMLTextAreaElement).value).catch(() => '');

async function openComposer(browser: Browser, draft: string): Promise<Page> {
  const page = await fixturePage(browser, 'https://mastodon.social', 'mastodon');
  await page.goto('https://mastodon.social/home');
  await page.waitForSelector(COMPOSER, { timeout: READY_MS });
  await page.waitForSelector(INDICATOR, { timeout: READY_MS });
  await page.click(COMPOSER);
  await page.keyboard.type(draft, { delay: 5 });
  return page;
}
/** What the composer's page shows, for a failure message: the gate, a card, the indicator, the draft, what was posted. */
const pageState = (page: Page) =>
  page.evaluate(() => {
    const layer = document.querySelector('preflight-layer')?.shadowRoot;
    return JSON.stringify({
      gate: Boolean(layer?.querySelector('[data-preflight="gate"]')),
      approval: Boolean(layer?.querySelector('[data-testid="approval"]')),
      card: Boolean(layer?.querySelector('[data-preflight="card"]')),
      severity: layer?.querySelector('.indicator')?.getAttribute('data-severity'),
      draft: document.querySelector<HTMLTextAreaElement>('form.compose-form textarea')?.value,
      focus: document.activeElement?.tagName,
      visible: document.visibilityState,
      posted: window.__fixture.posted,
    });
  });
/** Wait for `selector` to appear (or, `hidden`, to go); if it does not, say what the page shows instead. */
async function expectSelector(page: Page, selector: string, { hidden = false } = {}) {
  try {
    await page.waitForSelector(selector, { hidden, timeout: 20_000 });
  } catch (error) {
    const state = await pageState(page).catch((cause: Error) => `unreadable (${cause.message})`);
    throw new Error(`${selector} did not ${hidden ? 'go' : 'appear'}; the page: ${state}`, { cause: error });
  }
}
const severity = (page: Page) =>
  page.$eval(INDICATOR, (indicator) => indicator.getAttribute('data-severity')).catch(() => undefined);
const posted = (page: Page) => page.evaluate(() => window.__fixture.posted);

describe.skipIf(firefoxMissing)('team operations in Firefox', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchFirefox({ extensionPages: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('the team state', () => {
    let server: PackServer;
    let key: KeyPair;
    let options: Page;
    let composer: Page;
    const serve = (body: unknown, etag: string) =>
      server.set('/state.json', { kind: 'pack', body: JSON.stringify(body), etag });
    const checkNow = () => options.click(testId('team-state-refresh'));
    const badge = () => text(composer, INDICATOR);

    beforeAll(async () => {
      key = await generateKeyPair('duty-lead');
      server = await startPackServer();
      serve(await signTeamState(state('2026-12-04T13:00:00Z', false), key), '"v0"');
      options = await extensionPage(browser, 'options.html#packs');
      await options.waitForSelector(testId('team-state-input'));
      // The admin trusts the team's public key (pack keygen's NAME.pub.json) in the options page.
      await paste(
        options,
        testId('key-input'),
        JSON.stringify({ keyId: key.keyId, name: key.name, publicKey: key.publicKey }),
      );
      await press(options, testId('key-add'));
      await options.waitForSelector(`[data-key="${key.keyId}"]`);
      composer = await openComposer(browser, 'Weekend sale: 20% off everything!');
    });
    afterAll(async () => {
      await server?.close();
    });

    it('follows a state from a loopback server; turning the quiet period on stops a promotion in the open composer', async () => {
      await expect.poll(() => severity(composer)).not.toBe('block');
      await options.type(testId('team-state-input'), `${server.base}/state.json`);
      await press(options, testId('team-state-follow'));
      await expect.poll(() => text(options, testId('team-state-url'))).toContain('/state.json');
      await expect.poll(() => text(options, testId('team-lock'))).toContain('duty-lead');
      expect(await severity(composer)).not.toBe('block');
      serve(await signTeamState(state('2026-12-04T14:02:00Z', true, MESSAGE), key), '"v1"');
      await checkNow();
      await expect.poll(() => severity(composer)).toBe('block');
      await expect.poll(badge).toContain(MESSAGE);
      expect(server.requests.at(-1)).toMatchObject({ path: '/state.json', ifNoneMatch: '"v0"' });
    });

    it('turning it off releases the draft', async () => {
      serve(await signTeamState(state('2026-12-04T15:00:00Z', false), key), '"v2"');
      await checkNow();
      await expect.poll(() => severity(composer)).not.toBe('block');
      await expect.poll(badge).not.toContain(MESSAGE);
    });
  });

  describe('four-eyes approval', () => {
    const DRAFT = 'Our tea cures anxiety and prevents colds.';
    let reviewer: KeyPair;
    let options: Page;
    let composer: Page;

    beforeAll(async () => {
      reviewer = await generateKeyPair('legal');
      options = await extensionPage(browser, 'options.html#packs');
      // The reviewer's public key in the reviewers' list, and their private key kept sealed.
      await paste(
        options,
        testId('reviewer-key-input'),
        JSON.stringify({ keyId: reviewer.keyId, name: reviewer.name, publicKey: reviewer.publicKey }),
      );
      await press(options, testId('reviewer-key-add'));
      await options.waitForSelector(`.reviewers [data-key="${reviewer.keyId}"]`);
      await paste(options, testId('reviewer-key-file'), JSON.stringify(reviewer));
      await paste(options, testId('reviewer-new-passphrase'), PASSPHRASE);
      await press(options, testId('reviewer-key-save'));
      await options.waitForSelector(testId('approve-request'), { timeout: READY_MS });
      composer = await openComposer(browser, DRAFT);
    });

    const inGate = (id: string) => `${APPROVAL} ${testId(id)}`;
    /** The operator presses Post, and "Ask for approval" in the gate: the request to send. */
    const askForApproval = async () => {
      await composer.bringToFront();
      await expect.poll(() => severity(composer)).toBe('block');
      await composer.click(PUBLISH);
      await expectSelector(composer, APPROVAL);
      await composer.click(inGate('ask-approval'));
      await expect.poll(() => value(composer, inGate('approval-request'))).toMatch(/\S/);
      return value(composer, inGate('approval-request'));
    };
    /** The reviewer checks the request in the options page and approves it: the code to send back. */
    const approveInOptions = async (request: string, note: string) => {
      // The reviewer's page in front, as theirs would be: a background tab's timers are throttled.
      await options.bringToFront();
      await paste(options, testId('approve-request'), request);
      await press(options, testId('approve-check'));
      // Checking clears the last draft and code before it shows this one.
      await expect.poll(async () => (await options.$(testId('approve-code'))) === null).toBe(true);
      await expect.poll(() => text(options, testId('approve-draft'))).toBe(DRAFT);
      await paste(options, testId('approve-note'), note);
      await paste(options, testId('approve-passphrase'), PASSPHRASE);
      await press(options, testId('approve-sign'));
      await expect
        .poll(() => value(options, testId('approve-code')), { timeout: READY_MS })
        .toMatch(/^preflight-approval:/);
      return value(options, testId('approve-code'));
    };
    const pasteCode = async (code: string) => {
      await paste(composer, inGate('approval-code'), code);
      await composer.click(inGate('check-approval'));
    };

    /** Each test on its own: whatever an earlier test (or an earlier try of this one) left open or typed goes first. */
    const startWith = async (draft: string) => {
      if (await composer.$(APPROVAL)) await closeGate();
      await typeAtEnd(draft, { replace: true });
      await expect.poll(() => value(composer, COMPOSER)).toBe(draft);
    };

    it('request → approve in the options page → the code pasted in the gate posts the draft as written', async () => {
      await startWith(DRAFT);
      await expect.poll(() => severity(composer)).toBe('block');
      const code = await approveInOptions(await askForApproval(), 'Legal: reviewed in Firefox');
      expect(await posted(composer)).toEqual([]);
      await pasteCode(code);
      await expect.poll(() => text(composer, inGate('post-approved'))).toBe('Post (approved by legal)');
      await composer.click(inGate('post-approved'));
      // "Press Post again to publish": the operator's own next press sends the approved draft.
      await composer.waitForSelector(PRESS_AGAIN_OK);
      await composer.click(PRESS_AGAIN_OK);
      expect(await posted(composer)).toEqual([]);
      await composer.click(PUBLISH);
      await expect.poll(() => posted(composer)).toEqual([DRAFT]);
      expect((await readAuditLog(options)).at(-1)).toMatchObject({
        decision: 'approved',
        approval: { reviewer: 'legal', keyId: reviewer.keyId, note: 'Legal: reviewed in Firefox' },
      });
    });

    /** Close the gate as the operator does, with Escape, and see it gone. */
    const closeGate = async () => {
      await composer.bringToFront();
      await composer.focus(inGate('approval-code'));
      await composer.keyboard.press('Escape');
      await expectSelector(composer, APPROVAL, { hidden: true });
    };
    /**
     * The operator's keys at the end of the draft. Focus, not a click: a click can land on an
     * underline, whose card then covers Post.
     */
    const typeAtEnd = async (text: string, { replace = false } = {}) => {
      await composer.bringToFront();
      await composer.focus(COMPOSER);
      await composer.keyboard.down('Control');
      await composer.keyboard.press(replace ? 'a' : 'End');
      await composer.keyboard.up('Control');
      if (replace) await composer.keyboard.press('Backspace');
      await composer.keyboard.type(text, { delay: 5 });
    };

    it('refuses the code once the draft is edited', async () => {
      await startWith(DRAFT);
      const code = await approveInOptions(await askForApproval(), 'Legal: second look');
      await closeGate();
      await typeAtEnd('!');
      await expect.poll(() => value(composer, COMPOSER)).toBe(`${DRAFT}!`);
      await expect.poll(() => severity(composer)).toBe('block');
      await composer.click(PUBLISH);
      await expectSelector(composer, APPROVAL);
      await pasteCode(code);
      await expect
        .poll(() => text(composer, inGate('approval-error')))
        .toContain('the draft was edited after the request');
      expect(await posted(composer)).toEqual([DRAFT]);
    });
  });
});
