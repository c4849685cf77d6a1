// @vitest-environment happy-dom
/**
 * The gate's decisions, on any machine: which presses it holds, what it does while the packs are
 * still loading or have failed, and what it writes to the audit log. The browser suites
 * (test/e2e/adversarial) run the same cases against real editors in Chromium.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerHost } from '../../../entrypoints/content/composer';
import type { EngineHost } from '../../../entrypoints/content/engine';
import { type DialogResult, Gate, type GateHost, PASS_TTL_MS } from '../../../entrypoints/content/gate';
import { enterMayPublish } from '../../../entrypoints/content/keys';
import { defineAdapter, type ReplayMode, type SubmitKey } from '../../../entrypoints/content/platforms/types';
import type { Finding, Severity } from '../../../rules/schema';
import type { AuditContext, AuditEntry } from '../../../utils/audit';
import { sha256Hex } from '../../../utils/hash';

const BLOCKED = 'BLOCKED';
const WARNED = 'WARNED';

const finding = (ruleId: string, severity: Severity, start = 0): Finding => ({
  ruleId,
  pack: 'p',
  set: 's',
  category: 'risk',
  severity,
  message: `${ruleId} found`,
  start,
  end: start + 1,
  excerpt: 'x',
  suggestions: [],
  manual: { id: 'm', title: 'Manual' },
});

/** A stand-in engine: BLOCKED matches a block rule twice (once at each severity), WARNED a warn rule. */
class FakeEngine {
  ready = true;
  error: string | undefined;
  generation = 1;
  check(text: string): Finding[] {
    const found: Finding[] = [];
    if (text.includes(BLOCKED)) found.push(finding('rule.block', 'warn', 0), finding('rule.block', 'block', 2));
    if (text.includes(WARNED)) found.push(finding('rule.warn', 'warn'));
    return found;
  }
}

const adapter = (keys: SubmitKey[], replay?: ReplayMode) =>
  defineAdapter({
    ...(replay ? { replay } : {}),
    id: 'tiktok',
    matches: ['https://www.tiktok.com/*'],
    composers: ['textarea.composer'],
    publish: ['[data-e2e="comment-post"]'],
    container: ['form'],
    submitKeys: keys,
  });

const CONTEXT: AuditContext = {
  packs: [{ id: 'preflight-default', version: '1.0.0' }],
  ruleChanges: [{ rule: 'rule.warn', to: 'off', by: 'reviewer' }],
  setChanges: [],
  profile: 'campaign-team',
};

interface Page {
  form: HTMLFormElement;
  textarea: HTMLTextAreaElement;
  control: HTMLElement;
  /** What the site's own handlers did: posted texts. */
  posted: string[];
  audit: AuditEntry[];
  dialogs: { findings: Finding[]; failure: string | undefined }[];
  /** "Press Post again" notices for held presses (each closed at once), with the failure if unchecked. */
  notices: { failure: string | undefined }[];
  answer: (result: DialogResult) => void;
  engine: FakeEngine;
  engineReady: () => void;
  failMode: 'open' | 'closed';
}

let lifetime: AbortController;
let page: Page;

function setUp(keys: SubmitKey[] = ['enter'], replay?: ReplayMode): Page {
  document.body.innerHTML = `
    <form>
      <textarea class="composer"></textarea>
      <div data-e2e="comment-post" role="button" tabindex="0">Post</div>
      <button type="submit">Send</button>
    </form>`;
  const form = document.querySelector('form')!;
  const textarea = document.querySelector('textarea')!;
  const control = document.querySelector<HTMLElement>('[data-e2e="comment-post"]')!;
  const engine = new FakeEngine();
  let readyNow: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    readyNow = resolve;
  });
  const composerHost: ComposerHost = {
    engine: engine as unknown as EngineHost,
    highlights: undefined,
    changed: () => undefined,
  };
  const composer = new Composer(textarea, adapter(keys, replay), composerHost);
  const p: Page = {
    form,
    textarea,
    control,
    posted: [],
    audit: [],
    dialogs: [],
    notices: [],
    answer: () => undefined,
    engine,
    engineReady: () => {
      engine.ready = true;
      engine.generation++;
      readyNow();
    },
    failMode: 'open',
  };
  const host: GateHost = {
    adapter: adapter(keys, replay),
    composers: () => [composer],
    ready: () => (engine.ready || engine.error ? Promise.resolve() : readyPromise),
    allowOverride: () => true,
    failMode: () => p.failMode,
    isOwnUi: () => false,
    openDialog: (findings, _composers, failure) =>
      new Promise((resolve) => {
        p.dialogs.push({ findings, failure });
        p.answer = resolve;
      }),
    tellPressAgain: async (_composers, failure) => {
      p.notices.push({ failure });
    },
    auditContext: () => CONTEXT,
    audit: (entry) => p.audit.push(entry),
  };
  new Gate(host, lifetime.signal);
  // The site's own handlers, registered after Preflight's (which run first, on window, in capture).
  const post = () => p.posted.push(textarea.value);
  control.addEventListener('click', post);
  control.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') post();
  });
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) post();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    post();
  });
  return p;
}

const key = (target: Element, init: KeyboardEventInit & { keyCode?: number }, type = 'keydown') => {
  const event = new KeyboardEvent(type, { bubbles: true, cancelable: true, composed: true, ...init });
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  target.dispatchEvent(event);
  return event;
};
/**
 * Waits for what the gate does asynchronously (hashing the draft, writing the audit): a bound, not a timing. vitest's
 * default of one second was once too short on a loaded CI machine.
 */
const eventually = <T>(assertion: () => T) => vi.waitFor(assertion, { timeout: 10_000, interval: 20 });
const auditSettles = () => eventually(() => expect(page.audit.length).toBeGreaterThan(0));

beforeEach(() => {
  lifetime = new AbortController();
});
afterEach(() => {
  vi.restoreAllMocks();
  lifetime.abort();
  document.body.innerHTML = '';
});

describe('which Enter may publish', () => {
  const press = (mods: Partial<KeyboardEventInit>, extra: Partial<{ isComposing: boolean; keyCode: number }> = {}) => ({
    key: 'Enter',
    keyCode: 13,
    isComposing: false,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
    ...extra,
  });

  it('on a box where Enter posts: every Enter but a bare Shift+Enter', () => {
    for (const mods of [{}, { ctrlKey: true }, { altKey: true }, { metaKey: true }, { ctrlKey: true, shiftKey: true }])
      expect(enterMayPublish(press(mods), ['enter'])).toBe(true);
    expect(enterMayPublish(press({ shiftKey: true }), ['enter'])).toBe(false);
    expect(enterMayPublish(press({ shiftKey: true, altKey: true }), ['enter'])).toBe(true);
  });

  it('where Ctrl/Cmd+Enter posts: with any other modifier too; a plain, Shift or Alt Enter is a new line', () => {
    for (const mods of [
      { ctrlKey: true },
      { metaKey: true },
      { ctrlKey: true, shiftKey: true },
      { metaKey: true, altKey: true },
    ])
      expect(enterMayPublish(press(mods), ['mod+enter'])).toBe(true);
    for (const mods of [{}, { shiftKey: true }, { altKey: true }])
      expect(enterMayPublish(press(mods), ['mod+enter'])).toBe(false);
  });

  it('in a composer with no known shortcut, Ctrl/Cmd+Enter still counts (a site may add it)', () => {
    expect(enterMayPublish(press({ ctrlKey: true }), [])).toBe(true);
    expect(enterMayPublish(press({}), [])).toBe(false);
  });

  it('never the Enter that commits an IME conversion', () => {
    expect(enterMayPublish(press({}, { isComposing: true }), ['enter'])).toBe(false);
    expect(enterMayPublish(press({ ctrlKey: true }, { keyCode: 229 }), ['mod+enter'])).toBe(false);
  });
});

describe('the gate', () => {
  it('holds Enter and Space pressed on the focused Post control', async () => {
    page = setUp();
    page.textarea.value = BLOCKED;
    for (const pressed of ['Enter', ' ']) {
      const down = key(page.control, { key: pressed });
      expect(down.defaultPrevented).toBe(true);
      page.answer({ action: 'edit' });
      await Promise.resolve();
    }
    expect(page.posted).toEqual([]);
    expect(page.dialogs).toHaveLength(2);
  });

  it('holds the key coming up on the control while its press is held', async () => {
    page = setUp();
    page.textarea.value = BLOCKED;
    key(page.control, { key: ' ' });
    const up = key(page.control, { key: ' ' }, 'keyup');
    expect(up.defaultPrevented).toBe(true);
    expect(page.posted).toEqual([]);
  });

  it('lets a clean draft go by the control’s keys, untouched', () => {
    page = setUp();
    page.textarea.value = 'All good';
    const down = key(page.control, { key: 'Enter' });
    expect(down.defaultPrevented).toBe(false);
    expect(page.posted).toEqual(['All good']);
  });

  it('holds Ctrl, Alt and Meta+Enter where a plain Enter posts; Shift+Enter stays a new line', async () => {
    page = setUp(['enter']);
    page.textarea.value = BLOCKED;
    for (const mods of [{ ctrlKey: true }, { altKey: true }, { metaKey: true }]) {
      expect(key(page.textarea, { key: 'Enter', ...mods }).defaultPrevented).toBe(true);
      page.answer({ action: 'edit' });
      await Promise.resolve();
    }
    expect(page.dialogs).toHaveLength(3);
    expect(key(page.textarea, { key: 'Enter', shiftKey: true }).defaultPrevented).toBe(false);
    expect(page.posted).toEqual([]);
  });

  it('lets the Enter of an IME conversion through, and holds the Enter after it', () => {
    page = setUp(['enter']);
    page.textarea.value = BLOCKED;
    expect(key(page.textarea, { key: 'Enter', isComposing: true, keyCode: 229 }).defaultPrevented).toBe(false);
    expect(key(page.textarea, { key: 'Process', keyCode: 229 }).defaultPrevented).toBe(false);
    expect(page.dialogs).toHaveLength(0);
    expect(key(page.textarea, { key: 'Enter', keyCode: 13 }).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(1);
    expect(page.posted).toEqual([]);
  });

  it('holds a press made before the packs have loaded, then stops it once they show a block finding', async () => {
    page = setUp();
    page.engine.ready = false;
    page.textarea.value = BLOCKED;
    page.control.click();
    expect(page.posted).toEqual([]);
    expect(page.dialogs).toHaveLength(0);
    // Every other way to post waits too.
    expect(key(page.textarea, { key: 'Enter' }).defaultPrevented).toBe(true);
    page.engineReady();
    await eventually(() => expect(page.dialogs).toHaveLength(1));
    expect(page.dialogs[0]?.findings.map((f) => f.severity)).toContain('block');
    expect(page.posted).toEqual([]);
    await auditSettles();
    expect(page.audit.map((e) => e.decision)).toEqual(['stopped']);
  });

  it('holds a press made before the packs have loaded; clean, the site accepting scripted presses gets it replayed once', async () => {
    page = setUp(['enter'], 'synthetic');
    page.engine.ready = false;
    page.textarea.value = 'Opening hours: 10 to 6';
    page.control.click();
    expect(page.posted).toEqual([]);
    page.engineReady();
    await eventually(() => expect(page.posted).toEqual(['Opening hours: 10 to 6']));
    await auditSettles();
    expect(page.audit.map((e) => e.decision)).toEqual(['posted']);
    expect(page.notices).toEqual([]);
  });

  it('falls to failMode only on a real failure: closed stops the post, open lets it through and says why', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    page = setUp();
    page.engine.error = 'the background did not answer';
    page.textarea.value = 'Opening hours: 10 to 6';
    page.failMode = 'closed';
    page.control.click();
    expect(page.posted).toEqual([]);
    await eventually(() => expect(page.dialogs).toHaveLength(1));
    expect(page.dialogs[0]?.failure).toContain('the background did not answer');
    page.answer({ action: 'edit' });
    await eventually(() => expect(page.audit).toHaveLength(1));

    page.failMode = 'open';
    page.control.click();
    expect(page.posted).toEqual(['Opening hours: 10 to 6']);
    await eventually(() => expect(page.audit).toHaveLength(2));
    expect(page.audit[1]).toMatchObject({ decision: 'posted', failure: 'the background did not answer' });
  });

  it('writes one entry for one post, even when a click is followed by its form’s submit', async () => {
    page = setUp();
    page.textarea.value = 'Opening hours: 10 to 6';
    const submit = page.form.querySelector('button')!;
    submit.click();
    page.form.requestSubmit(submit);
    await auditSettles();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.audit).toHaveLength(1);
    expect(page.audit[0]?.decision).toBe('posted');
  });

  it('writes one entry for Space on a button and the click the browser makes of it when the key comes up', async () => {
    page = setUp();
    page.textarea.value = 'Opening hours: 10 to 6';
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Post' });
    button.dataset.e2e = 'comment-post';
    button.addEventListener('click', () => page.posted.push(page.textarea.value));
    page.form.append(button);
    key(button, { key: ' ' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    key(button, { key: ' ' }, 'keyup');
    button.click();
    await auditSettles();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.audit.map((e) => e.decision)).toEqual(['posted']);
    expect(page.posted).toEqual(['Opening hours: 10 to 6']);
  });

  it('lists a rule once, at its worst severity, with the packs, changes and profile in force', async () => {
    page = setUp();
    page.textarea.value = `${BLOCKED} and ${WARNED}`;
    page.control.click();
    await auditSettles();
    expect(page.audit[0]).toMatchObject({
      decision: 'stopped',
      ruleIds: ['rule.block', 'rule.warn'],
      severities: ['block', 'warn'],
      ...CONTEXT,
    });
  });
});

/** A press the operator made: the browser marks its events trusted (happy-dom has no such flag). */
function operatorClick(target: Element): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  target.dispatchEvent(event);
  return event;
}

describe('"Post anyway" on a site that ignores a press made by script', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const decisions = () => page.audit.map((e) => e.decision);

  /** Warn draft, Post, a reason, "Post anyway": the pass is armed and nothing has gone out yet. */
  async function armed(text = `Note: ${WARNED}`): Promise<void> {
    page = setUp(['mod+enter']);
    page.textarea.value = text;
    operatorClick(page.control);
    expect(page.dialogs).toHaveLength(1);
    page.answer({ action: 'override', reason: 'Checked with the campaign owner' });
    await settle();
    expect(page.posted).toEqual([]);
  }

  it('lets the operator’s own next press through once, and writes the decision once', async () => {
    await armed();
    const press = operatorClick(page.control);
    expect(press.defaultPrevented).toBe(false);
    expect(page.posted).toEqual([`Note: ${WARNED}`]);
    // The same press's later events (its form's submit) go out with it, and write nothing more.
    const submit = new SubmitEvent('submit', { bubbles: true, cancelable: true });
    Object.defineProperty(submit, 'isTrusted', { value: true });
    page.form.dispatchEvent(submit);
    // This test page posts from both handlers (a real site posts once): the submit reached the page's handler.
    expect(page.posted).toEqual([`Note: ${WARNED}`, `Note: ${WARNED}`]);
    await eventually(() => expect(decisions()).toEqual(['stopped', 'override']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(decisions()).toEqual(['stopped', 'override']);
    expect(page.audit[1]).toMatchObject({ reason: 'Checked with the campaign owner', ruleIds: ['rule.warn'] });
  });

  it('writes the audit in the order of the decisions, whichever draft hash settles first', async () => {
    // The stop's hash settles late (a loaded machine once wrote "override" before "stopped").
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    let calls = 0;
    vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
      const late = calls++ === 0;
      const hash = await digest(algorithm, data);
      if (late) await new Promise((resolve) => setTimeout(resolve, 50));
      return hash;
    });
    await armed();
    operatorClick(page.control);
    await eventually(() => expect(decisions()).toHaveLength(2));
    expect(decisions()).toEqual(['stopped', 'override']);
    expect(calls).toBe(2);
  });

  it('is consumed: a later press of the same draft is gated again', async () => {
    await armed();
    const now = Date.now();
    operatorClick(page.control);
    vi.spyOn(Date, 'now').mockReturnValue(now + 5000);
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(2);
    expect(page.posted).toHaveLength(1);
  });

  it('is void after any edit, even one that puts the same text back', async () => {
    await armed();
    page.textarea.value = `Note: ${WARNED}!`;
    page.textarea.dispatchEvent(new Event('input', { bubbles: true }));
    page.textarea.value = `Note: ${WARNED}`;
    page.textarea.dispatchEvent(new Event('input', { bubbles: true }));
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(2);
    expect(page.posted).toEqual([]);
  });

  it('is void when the text changed without an input event (a script wrote it)', async () => {
    await armed();
    page.textarea.value = `${WARNED} and more`;
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.posted).toEqual([]);
  });

  it('expires: a press after the pass’s time is gated again', async () => {
    await armed();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + PASS_TTL_MS + 1);
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(2);
    expect(page.posted).toEqual([]);
  });

  it('is not used by a press the page makes by script; the operator’s press still posts', async () => {
    await armed();
    page.control.click();
    expect(page.dialogs).toHaveLength(2);
    expect(page.posted).toEqual([]);
    page.answer({ action: 'edit' });
    await settle();
    operatorClick(page.control);
    expect(page.posted).toEqual([`Note: ${WARNED}`]);
  });

  it('is never armed for a block draft: "Post anyway" from a block changes nothing', async () => {
    page = setUp(['mod+enter']);
    page.textarea.value = BLOCKED;
    operatorClick(page.control);
    page.answer({ action: 'override', reason: 'Checked with the campaign owner' });
    await settle();
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(2);
    expect(page.posted).toEqual([]);
    await auditSettles();
    expect(decisions()).not.toContain('override');
  });

  it('is void when the draft gains a block finding (a new pack) before the press', async () => {
    await armed(`Note: ${WARNED}`);
    const check = page.engine.check.bind(page.engine);
    page.engine.check = (text: string) => [...check(text), finding('rule.new', 'block')];
    page.engine.generation++;
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.posted).toEqual([]);
  });

  it('arms for a block draft a reviewer’s code released, and records "approved" once', async () => {
    page = setUp(['mod+enter']);
    page.textarea.value = BLOCKED;
    operatorClick(page.control);
    page.answer({
      action: 'approved',
      approval: {
        reviewer: 'Reviewer',
        keyId: 'k1',
        note: '',
        requestHash: await sha256Hex(BLOCKED),
        rules: ['rule.block'],
        expires: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    await eventually(() => expect(page.audit.length).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.posted).toEqual([]);
    operatorClick(page.control);
    expect(page.posted).toEqual([BLOCKED]);
    await eventually(() => expect(decisions()).toEqual(['stopped', 'approved']));
  });

  it('replays the press itself where the adapter says the site accepts scripted events', async () => {
    page = setUp(['mod+enter'], 'synthetic');
    page.textarea.value = `Note: ${WARNED}`;
    operatorClick(page.control);
    page.answer({ action: 'override', reason: 'Checked with the campaign owner' });
    await eventually(() => expect(page.posted).toEqual([`Note: ${WARNED}`]));
    await eventually(() => expect(decisions()).toEqual(['stopped', 'override']));
  });
});

describe('a press held while the packs load, on a site that ignores a press made by script', () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  const CLEAN = 'Opening hours: 10 to 6';

  /** The operator presses Post before the packs have arrived; then they arrive. */
  async function held(text: string): Promise<void> {
    page = setUp(['mod+enter']);
    page.engine.ready = false;
    page.textarea.value = text;
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    page.engineReady();
    await eventually(() => expect(page.notices.length + page.dialogs.length).toBe(1));
    await settle();
  }

  it('clean: replays nothing, says "press Post again", and the operator’s own press posts it once, logged once', async () => {
    await held(CLEAN);
    expect(page.notices).toEqual([{ failure: undefined }]);
    expect(page.posted).toEqual([]);
    // Nothing is logged as posted until a press really goes out.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.audit).toEqual([]);
    expect(operatorClick(page.control).defaultPrevented).toBe(false);
    expect(page.posted).toEqual([CLEAN]);
    await auditSettles();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(page.audit.map((e) => e.decision)).toEqual(['posted']);
    expect(page.dialogs).toEqual([]);
  });

  it('the pass is this exact draft’s: an edit voids it, and the next press is checked as usual', async () => {
    await held(CLEAN);
    page.textarea.value = `${CLEAN}. ${WARNED}`;
    page.textarea.dispatchEvent(new Event('input', { bubbles: true }));
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(1);
    expect(page.posted).toEqual([]);
  });

  it('a block draft is never armed: the gate dialog opens, and the next press is stopped again', async () => {
    await held(BLOCKED);
    expect(page.notices).toEqual([]);
    expect(page.dialogs).toHaveLength(1);
    page.answer({ action: 'edit' });
    await settle();
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(2);
    expect(page.posted).toEqual([]);
  });

  it('a warn draft gets the gate dialog, not a pass', async () => {
    await held(`Note: ${WARNED}`);
    expect(page.notices).toEqual([]);
    expect(page.dialogs).toHaveLength(1);
    expect(page.posted).toEqual([]);
  });

  it('not checked (the packs failed) and policy fails open: says so, and the operator’s press posts, logged with the failure', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    page = setUp(['mod+enter']);
    page.engine.ready = false;
    page.textarea.value = CLEAN;
    expect(operatorClick(page.control).defaultPrevented).toBe(true);
    page.engine.error = 'the background did not answer';
    page.engineReady();
    await eventually(() => expect(page.notices).toHaveLength(1));
    expect(page.notices[0]?.failure).toContain('the background did not answer');
    expect(page.posted).toEqual([]);
    operatorClick(page.control);
    expect(page.posted).toEqual([CLEAN]);
    await auditSettles();
    expect(page.audit[0]).toMatchObject({ decision: 'posted', failure: 'the background did not answer' });
  });
});

describe('Enter from an Android keyboard (key code 229, then the beforeinput of a new line)', () => {
  const lineBreak = (target: Element, inputType = 'insertLineBreak') => {
    const event = new InputEvent('beforeinput', { inputType, bubbles: true, cancelable: true, composed: true });
    target.dispatchEvent(event);
    return event;
  };

  it('is held where Enter posts, and a clean draft’s goes through', async () => {
    page = setUp(['enter']);
    page.textarea.value = BLOCKED;
    expect(key(page.textarea, { key: 'Unidentified', keyCode: 229 }).defaultPrevented).toBe(false);
    expect(lineBreak(page.textarea).defaultPrevented).toBe(true);
    expect(page.dialogs).toHaveLength(1);
    page.answer({ action: 'edit' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    page.textarea.value = 'All good';
    key(page.textarea, { key: 'Unidentified', keyCode: 229 });
    expect(lineBreak(page.textarea, 'insertParagraph').defaultPrevented).toBe(false);
    expect(page.dialogs).toHaveLength(1);
  });

  it('leaves the line break of a desktop Enter key alone (its keydown was decided) and other input', () => {
    page = setUp(['enter']);
    page.textarea.value = BLOCKED;
    key(page.textarea, { key: 'Enter', keyCode: 13, shiftKey: true });
    expect(lineBreak(page.textarea).defaultPrevented).toBe(false);
    expect(lineBreak(page.textarea, 'insertText').defaultPrevented).toBe(false);
    expect(page.dialogs).toHaveLength(0);
  });

  it('is a new line where Enter does not post', () => {
    page = setUp(['mod+enter']);
    page.textarea.value = BLOCKED;
    key(page.textarea, { key: 'Unidentified', keyCode: 229 });
    expect(lineBreak(page.textarea, 'insertParagraph').defaultPrevented).toBe(false);
    expect(page.dialogs).toHaveLength(0);
  });
});
