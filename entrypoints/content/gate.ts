/**
 * The gate: Preflight's listeners run on `window` in the capture phase from document_start, so they
 * see a press of Post (or its shortcut) before the site does. With no `block` or `warn` finding the
 * event goes through untouched. Otherwise it is stopped and the dialog explains why; a warn-only
 * post (or a block a reviewer's approval code released) can then go out: the gate arms a one-time
 * pass for that exact draft and lets the operator's own next press through, since sites that check
 * `event.isTrusted` ignore a press made by script. Only an adapter that declares `replay: 'synthetic'`
 * has the press replayed for it.
 * The gate never takes a missing result for a clean one: it checks the text at the moment of the
 * press, and a press that comes before the packs have arrived is held until they have. If the draft
 * is then clean, the gate arms the same one-time pass and says "Checked — press Post again" (a press
 * held and replayed by script would be ignored by the same sites); only `replay: 'synthetic'` replays
 * it. Only a real failure falls to policy's `failMode` (open: the post goes through; closed: it is
 * stopped).
 */
import type { Finding, Severity } from '../../rules/schema';
import { type ApprovalRecord, type AuditContext, type AuditEntry, rulesOf } from '../../utils/audit';
import { sha256Hex } from '../../utils/hash';
import type { Composer } from './composer';
import { activatesControl, enterMayPublish, isEnterKey, isLineBreakInput } from './keys';
import { isPublishControl, type PlatformAdapter, replayMode, submitKeysFor } from './platforms/types';

/** A reviewer's approval the dialog accepted for the draft whose hash it names (rules/approval.ts). */
export type ApprovalRelease = ApprovalRecord;

export type DialogResult =
  | { action: 'edit' }
  | { action: 'override'; reason: string }
  | { action: 'approved'; approval: ApprovalRelease };

export interface GateHost {
  adapter: PlatformAdapter;
  /** Every composer on the page at this moment, found on the spot if discovery has not seen it yet. */
  composers(): Composer[];
  /** Composers in the page's same-origin frames, found on the spot: for a Post button outside its editor's frame. */
  framedComposers?(): Composer[];
  /** Fallback editors (not recognised) whose one obvious send button is `control`. */
  fallbackComposersFor?(control: Element): Composer[];
  /** Settles once the engine can check (its packs compiled) or has failed. */
  ready(): Promise<void>;
  allowOverride(): boolean;
  failMode(): 'open' | 'closed';
  isOwnUi(target: EventTarget): boolean;
  /** `failure`: Preflight could not check and policy fails closed; the dialog then offers no way on. */
  openDialog(findings: Finding[], composers: Composer[], failure?: string): Promise<DialogResult>;
  /**
   * A held press may go (checked clean, or `failure`: not checked and policy fails open): tell the
   * operator to press Post again; settles when they have closed the notice.
   */
  tellPressAgain(composers: Composer[], failure?: string): Promise<void>;
  /** The packs, switches and profile in force now, for the audit entry. */
  auditContext(): AuditContext;
  audit(entry: AuditEntry): void;
}

/** How long a press waits for the engine (packs still arriving) before that counts as a failure. */
export const READY_TIMEOUT_MS = 5000;

/** Events of one press (key down, key up, click, submit) come within this; a second post of the same text takes longer. */
const SAME_PRESS_MS = 1000;
/** How long a pass to post waits for the operator's press (the dialog says "press Post again"). */
export const PASS_TTL_MS = 60_000;
const PRESS_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend'] as const;
const STOPPING: ReadonlySet<Severity> = new Set(['block', 'warn']);

/** The gate's view of a draft at the moment of a press. `pending`: the packs have not arrived yet. */
export type Check = { kind: 'checked'; findings: Finding[] } | { kind: 'pending' } | { kind: 'failed'; reason: string };

function parentAcrossShadow(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/**
 * `container.contains(node)`, also when node is inside shadow roots below container (Reddit's title
 * field) or in a same-origin frame below it (an editor frame beside the page's own Post button).
 */
function containsComposed(container: Node, node: Node): boolean {
  for (let current: Node | null = node; current; ) {
    if (container.contains(current)) return true;
    const root = current.getRootNode();
    // By node type, not instanceof: a frame's nodes belong to the frame's window.
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) current = (root as ShadowRoot).host ?? null;
    else if (root.nodeType === Node.DOCUMENT_NODE) current = (root as Document).defaultView?.frameElement ?? null;
    else current = null;
  }
  return false;
}

/** The nearest ancestor (across shadow roots) that matches one of `selectors`. */
function closestComposed(node: Node, selectors: readonly string[]): Element | undefined {
  if (selectors.length === 0) return undefined;
  for (let current: Node | null = node; current; current = parentAcrossShadow(current)) {
    // By node type, not instanceof: a frame's nodes belong to the frame's window.
    if (current.nodeType !== Node.ELEMENT_NODE) continue;
    const element = current as Element;
    if (selectors.some((selector) => matchesSafely(element, selector))) return element;
  }
  return undefined;
}

/** A hot fix's selector was validated when its pack was admitted; a browser may still refuse one. */
function matchesSafely(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

function isDisabled(element: Element): boolean {
  return (element as HTMLButtonElement).disabled === true || element.getAttribute('aria-disabled') === 'true';
}

/**
 * A one-time pass: the operator chose to post this exact draft (a reason given, or a reviewer's code),
 * or pressed Post on it while the packs were loading and it then checked clean (`posted`); their own
 * next press of it goes out. It holds the draft's exact text and edit count per composer (in this
 * page's memory only, like the composer itself), so any edit voids it.
 */
interface Pass {
  drafts: Map<Composer, { text: string; edits: number }>;
  platform: string;
  expires: number;
  decision: 'override' | 'approved' | 'posted';
  reason?: string | undefined;
  approval?: ApprovalRelease | undefined;
  /** A `posted` pass armed because Preflight could not check and policy fails open: it still may not. */
  failure?: string | undefined;
  /** When the press that used it began: that press's later events (click, then submit) go out with it. */
  usedAt?: number;
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms));
}

export class Gate {
  /** Set while Preflight replays a post the operator chose to send; the replay passes untouched. */
  private bypass = false;
  /** A dialog is open, or a press waits for the engine: every other way to post waits too. */
  private busy = false;
  /** The last keydown was a desktop Enter: the line break that follows is its own, already decided. */
  private enterKeyDown = false;
  /** The last clean post let through: the later events of the same press are the same post. */
  private lastPosted: { composers: ReadonlySet<Composer>; text: string; at: number } | undefined;
  /** The draft the operator chose to post, waiting for their press. */
  private pass: Pass | undefined;
  /** The audit entries being written, one after another. */
  private auditWrites: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: GateHost,
    signal: AbortSignal,
  ) {
    const options = { capture: true, signal };
    window.addEventListener('click', (event) => this.onActivate(event), options);
    for (const type of PRESS_EVENTS) window.addEventListener(type, (event) => this.onPress(event), options);
    window.addEventListener('keydown', (event) => this.onKeyDown(event), options);
    window.addEventListener('keyup', (event) => this.onKeyUp(event), options);
    window.addEventListener('beforeinput', (event) => this.onBeforeInput(event as InputEvent), options);
    window.addEventListener('submit', (event) => this.onSubmit(event as SubmitEvent), options);
  }

  /**
   * The composers a publish control posts: those in the nearest ancestor that holds any, and every
   * other one in its adapter `container` (a dialog or form whose title sits apart from the body).
   */
  composersFor(control: Element): Composer[] {
    const fallback = this.host.fallbackComposersFor?.(control) ?? [];
    if (fallback.length > 0) return fallback;
    const composers = [...this.host.composers(), ...(this.host.framedComposers?.() ?? [])];
    const container = closestComposed(control, this.host.adapter.container);
    const posted = new Set(container ? composers.filter((c) => containsComposed(container, c.element)) : []);
    for (let node: Node | null = control; node; node = parentAcrossShadow(node)) {
      const inside = composers.filter((c) => containsComposed(node, c.element));
      if (inside.length === 0) continue;
      for (const composer of inside) posted.add(composer);
      break;
    }
    return composers.filter((composer) => posted.has(composer));
  }

  private publishControl(event: Event): Element | undefined {
    // The adapter is read at each press: a pack's hot fix can change it while the page is open.
    for (const target of event.composedPath()) {
      if (!(target instanceof Element)) continue;
      if (isPublishControl(this.host.adapter, target)) return target;
      if (this.host.fallbackComposersFor?.(target).length) return target;
    }
    return undefined;
  }

  /** The current text of each composer, checked now (never a debounced result). */
  check(composers: Composer[]): Check {
    try {
      const findings = composers.flatMap((composer) => composer.checkNow());
      const failed = composers.find((c) => c.state === 'error');
      if (failed) return { kind: 'failed', reason: failed.error ?? 'unknown error' };
      if (composers.some((c) => c.state === 'loading')) return { kind: 'pending' };
      return { kind: 'checked', findings };
    } catch (error) {
      console.error('Preflight: the gate could not check this post', error);
      return { kind: 'failed', reason: (error as Error)?.message ?? String(error) };
    }
  }

  /** A pending check holds the post: it is never taken for a clean one. */
  private shouldStop(check: Check): boolean {
    if (check.kind === 'pending') return true;
    if (check.kind === 'failed') return this.host.failMode() === 'closed';
    return check.findings.some((f) => STOPPING.has(f.severity));
  }

  private stop(event: Event): void {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /** Press-style buttons (react-native-web) act on pointer events: hold those too when the click will be held. */
  private onPress(event: Event): void {
    if (this.bypass || !event.isTrusted || this.host.isOwnUi(event.target as EventTarget)) return;
    const control = this.publishControl(event);
    if (!control || isDisabled(control)) return;
    if (this.busy) {
      this.stop(event);
      return;
    }
    const composers = this.composersFor(control);
    if (composers.length > 0 && !this.passes(composers, event, false) && this.shouldStop(this.check(composers)))
      this.stop(event);
  }

  private onActivate(event: MouseEvent): void {
    if (this.bypass || this.host.isOwnUi(event.target as EventTarget)) return;
    const control = this.publishControl(event);
    if (!control || isDisabled(control)) return;
    this.gateControl(event, control);
  }

  /** A press of a publish control (click, or Enter/Space on it): the post is the click it would make. */
  private gateControl(event: Event, control: Element): void {
    const composers = this.composersFor(control);
    if (composers.length === 0) return;
    if (this.busy) {
      this.stop(event);
      return;
    }
    this.decide(event, composers, () => (control as HTMLElement).click());
  }

  private onKeyDown(event: KeyboardEvent): void {
    this.enterKeyDown = isEnterKey(event);
    if (this.bypass || this.host.isOwnUi(event.target as EventTarget)) return;
    // Enter or Space on the focused Post control is a press of it, whatever the site listens to.
    if (activatesControl(event)) {
      const control = this.publishControl(event);
      if (control && !isDisabled(control)) {
        this.gateControl(event, control);
        return;
      }
    }
    const path = event.composedPath();
    if (!path.length || (event.key !== 'Enter' && event.keyCode !== 13)) return;
    const composer = this.host.composers().find((c) => path.includes(c.element));
    if (!composer || !enterMayPublish(event, submitKeysFor(this.host.adapter, composer.element))) return;
    // Enter in an open mention or hashtag list picks the suggestion; it does not post.
    const mod = event.ctrlKey || event.metaKey;
    if (!mod && composer.element.getAttribute('aria-expanded') === 'true') return;
    if (this.busy) {
      this.stop(event);
      return;
    }
    const init: KeyboardEventInit = {
      key: 'Enter',
      code: 'Enter',
      keyCode: 13,
      which: 13,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      shiftKey: event.shiftKey,
      altKey: event.altKey,
      bubbles: true,
      cancelable: true,
      composed: true,
    } as KeyboardEventInit;
    const target = event.target as HTMLElement;
    this.decide(event, [composer], () => {
      composer.element.focus();
      (target.isConnected ? target : composer.element).dispatchEvent(new KeyboardEvent('keydown', init));
    });
  }

  /**
   * A new line typed with no Enter key before it: Android keyboards send Enter as a keydown with key
   * code 229 and then this `beforeinput`. In a composer where Enter posts, it is gated like Enter.
   */
  private onBeforeInput(event: InputEvent): void {
    const afterEnterKey = this.enterKeyDown;
    this.enterKeyDown = false;
    if (this.bypass || afterEnterKey || !isLineBreakInput(event) || this.host.isOwnUi(event.target as EventTarget))
      return;
    const path = event.composedPath();
    const composer = this.host.composers().find((c) => path.includes(c.element));
    if (!composer || !submitKeysFor(this.host.adapter, composer.element).includes('enter')) return;
    // A new line in an open mention list picks the suggestion, as Enter does.
    if (composer.element.getAttribute('aria-expanded') === 'true') return;
    if (this.busy) {
      this.stop(event);
      return;
    }
    const target = event.target as HTMLElement;
    const init: InputEventInit = { inputType: event.inputType, bubbles: true, cancelable: true, composed: true };
    this.decide(event, [composer], () => {
      composer.element.focus();
      (target.isConnected ? target : composer.element).dispatchEvent(new InputEvent('beforeinput', init));
    });
  }

  /** Some controls act when the key comes up: hold that too while the press is held. */
  private onKeyUp(event: KeyboardEvent): void {
    if (this.bypass || !activatesControl(event) || this.host.isOwnUi(event.target as EventTarget)) return;
    const control = this.publishControl(event);
    if (!control || isDisabled(control)) return;
    const composers = this.composersFor(control);
    if (composers.length === 0 || this.passes(composers, event, false)) return;
    if (this.busy || this.shouldStop(this.check(composers))) this.stop(event);
  }

  private onSubmit(event: SubmitEvent): void {
    if (this.bypass || !(event.target instanceof HTMLFormElement)) return;
    const form = event.target;
    const composers = this.host.composers().filter((c) => containsComposed(form, c.element));
    if (composers.length === 0) return;
    if (this.busy) {
      this.stop(event);
      return;
    }
    const submitter = event.submitter;
    this.decide(event, composers, () => form.requestSubmit(submitter?.isConnected ? submitter : undefined));
  }

  /**
   * Decide on a press: a clean draft goes through untouched; a draft with findings is stopped and
   * the dialog opens. When the packs have not arrived yet, the press is held until they have (or
   * until that counts as a failure), then decided the same way and replayed if it may go.
   */
  private decide(event: Event, composers: Composer[], replay: () => void): void {
    if (this.passes(composers, event, true)) return;
    const check = this.check(composers);
    if (check.kind !== 'pending') {
      this.conclude(check, composers, event, replay);
      return;
    }
    this.stop(event);
    this.busy = true;
    void Promise.race([this.host.ready(), timeout(READY_TIMEOUT_MS)]).then(() => {
      this.busy = false;
      const now = this.check(composers);
      const settled: Check =
        now.kind === 'pending' ? { kind: 'failed', reason: 'the rule packs did not load in time' } : now;
      this.conclude(settled, composers, undefined, replay);
    });
  }

  /** `event` is the press itself, still in flight; without it the press was held and is replayed. */
  private conclude(check: Check, composers: Composer[], event: Event | undefined, replay: () => void): void {
    const findings = check.kind === 'checked' ? check.findings : [];
    const failure = check.kind === 'failed' ? check.reason : undefined;
    if (!this.shouldStop(check)) {
      if (event) this.recordPosted(composers, findings, failure);
      else this.release(composers, findings, failure, replay);
      return;
    }
    if (event) this.stop(event);
    this.record('stopped', findings, this.textOf(composers), undefined, failure);
    this.busy = true;
    this.host
      .openDialog(findings, composers, failure)
      .then((result) => {
        this.busy = false;
        if (result.action === 'approved') {
          void this.postApproved(composers, result.approval, replay);
          return;
        }
        if (result.action !== 'override') {
          composers[0]?.element.focus();
          return;
        }
        // The draft may have changed while the dialog was open: check once more before posting.
        const now = this.check(composers);
        if (now.kind !== 'checked' || now.findings.some((f) => f.severity === 'block') || !this.host.allowOverride())
          return;
        if (replayMode(this.host.adapter) === 'press-again') {
          this.arm(composers, { decision: 'override', reason: result.reason });
          return;
        }
        this.record('override', now.findings, this.textOf(composers), result.reason);
        this.replay(replay);
      })
      .catch((error) => {
        this.busy = false;
        console.error('Preflight: the dialog failed', error);
      });
  }

  /**
   * A held press that may go: replayed where the adapter says the site accepts a scripted press;
   * elsewhere the operator's own next press of this exact draft goes out, and the dialog says so
   * (the decision is written when that press is made, not now).
   */
  private release(composers: Composer[], findings: Finding[], failure: string | undefined, replay: () => void): void {
    if (replayMode(this.host.adapter) === 'synthetic') {
      this.recordPosted(composers, findings, failure);
      this.replay(replay);
      return;
    }
    this.busy = true;
    this.host
      .tellPressAgain(composers, failure)
      .then(() => this.arm(composers, { decision: 'posted', failure }))
      .catch((error) => console.error('Preflight: could not say "press Post again"', error))
      .finally(() => {
        this.busy = false;
      });
  }

  /**
   * Post a draft a reviewer approved: only when the text is still exactly the one approved and the
   * approval releases every `block` finding it has now (the dialog checked the code; this checks
   * that nothing changed since).
   */
  private async postApproved(composers: Composer[], approval: ApprovalRelease, replay: () => void): Promise<void> {
    const text = this.textOf(composers);
    const now = this.check(composers);
    const blocks = now.kind === 'checked' ? now.findings.filter((f) => f.severity === 'block') : [];
    const holds =
      now.kind === 'checked' &&
      (await sha256Hex(text)) === approval.requestHash &&
      blocks.every((f) => approval.rules.includes(f.ruleId)) &&
      Date.parse(approval.expires) > Date.now();
    if (!holds) {
      // Changed since the code was checked (an edit, the expiry passed): nothing goes out; back to the draft.
      composers[0]?.element.focus();
      return;
    }
    if (replayMode(this.host.adapter) === 'press-again') {
      this.arm(composers, { decision: 'approved', approval });
      return;
    }
    this.record('approved', now.findings, text, undefined, undefined, approval);
    this.replay(replay);
  }

  /** Let the operator's own next press of exactly these drafts through, once, for a short while. */
  private arm(composers: Composer[], how: Pick<Pass, 'decision' | 'reason' | 'approval' | 'failure'>): void {
    const expires = Math.min(
      Date.now() + PASS_TTL_MS,
      how.approval ? Date.parse(how.approval.expires) : Number.POSITIVE_INFINITY,
    );
    this.pass = {
      ...how,
      drafts: new Map(composers.map((c) => [c, { text: c.read(), edits: c.edits }])),
      platform: this.host.adapter.id,
      expires,
    };
  }

  /**
   * Whether this event is the operator's press the pass was armed for: their own (trusted) event, on
   * the same drafts, not edited since, before the pass expires, and still allowed (no `block` finding
   * but those an approval released). `use`: the press posts (a click, a key, a submit) and consumes the
   * pass, writing the decision once; its other events (pointer events, the key coming up, the submit
   * after the click) come within the same press and pass with it. Anything else voids the pass.
   */
  private passes(composers: Composer[], event: Event, use: boolean): boolean {
    const pass = this.pass;
    if (!pass || composers.length === 0) return false;
    const now = Date.now();
    const sameDrafts = composers.every((c) => {
      const draft = pass.drafts.get(c);
      return draft !== undefined && draft.edits === c.edits && draft.text === c.read();
    });
    const live = pass.usedAt === undefined ? now <= pass.expires : now - pass.usedAt <= SAME_PRESS_MS;
    if (!sameDrafts || !live || pass.platform !== this.host.adapter.id) {
      this.pass = undefined;
      return false;
    }
    // A press made by the page's own script is no press of the operator's: gated as usual, pass kept.
    if (event.isTrusted !== true) return false;
    const check = this.check(composers);
    if (!this.allows(pass, check, now)) {
      this.pass = undefined;
      return false;
    }
    if (use && pass.usedAt === undefined) {
      pass.usedAt = now;
      const findings = check.kind === 'checked' ? check.findings : [];
      this.record(pass.decision, findings, this.textOf(composers), pass.reason, pass.failure, pass.approval);
    }
    return true;
  }

  /**
   * Whether the draft may still go as the pass says, checked at the press: no `block` finding but
   * those an approval released (and before it expires); no `block` or `warn` for a clean press; a
   * press armed after a failure only while Preflight still cannot check and policy fails open.
   */
  private allows(pass: Pass, check: Check, now: number): boolean {
    if (check.kind !== 'checked')
      return pass.decision === 'posted' && pass.failure !== undefined && this.host.failMode() === 'open';
    const blocks = check.findings.filter((f) => f.severity === 'block');
    switch (pass.decision) {
      case 'approved':
        return (
          blocks.every((f) => pass.approval?.rules.includes(f.ruleId)) && Date.parse(pass.approval?.expires ?? '') > now
        );
      case 'override':
        return blocks.length === 0 && this.host.allowOverride();
      case 'posted':
        return !this.shouldStop(check);
    }
  }

  private replay(replay: () => void): void {
    this.bypass = true;
    try {
      replay();
    } finally {
      setTimeout(() => {
        this.bypass = false;
      }, 0);
    }
  }

  private textOf(composers: Composer[]): string {
    return composers.map((c) => c.read()).join('\n');
  }

  /**
   * One press can reach the gate as several events: a click and then its form's submit, Space on a
   * button and then the click the browser makes of it when the key comes up. One post, one entry.
   */
  private recordPosted(composers: Composer[], findings: Finding[], failure: string | undefined): void {
    const text = this.textOf(composers);
    const at = performance.now();
    const last = this.lastPosted;
    const same =
      last && last.text === text && at - last.at < SAME_PRESS_MS && composers.every((c) => last.composers.has(c));
    this.lastPosted = { composers: new Set(composers), text, at };
    if (!same) this.record('posted', findings, text, undefined, failure);
  }

  private record(
    decision: AuditEntry['decision'],
    findings: Finding[],
    text: string,
    reason?: string,
    failure?: string,
    approval?: ApprovalRelease,
  ): void {
    const involved = findings.filter((f) => decision === 'posted' || STOPPING.has(f.severity));
    const context = this.host.auditContext();
    const time = new Date().toISOString();
    const hashed = sha256Hex(text);
    // Entries go out in the order of the decisions, not of their hashes: two digests may settle out of order
    // (a stop, then the "Post anyway" that follows it).
    this.auditWrites = this.auditWrites
      .then(() => hashed)
      .then((draftHash) =>
        this.host.audit({
          time,
          platform: this.host.adapter.id,
          decision,
          ...rulesOf(involved),
          ...(reason ? { reason } : {}),
          ...(failure ? { failure: failure.slice(0, 500) } : {}),
          ...(approval ? { approval } : {}),
          draftHash,
          ...context,
        }),
      )
      .catch((error) => console.error('Preflight: could not write the audit log', error));
  }
}
