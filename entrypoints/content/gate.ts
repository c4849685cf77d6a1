/**
 * The gate: Preflight's listeners run on `window` in the capture phase from document_start, so they
 * see a press of Post (or its shortcut) before the site does. With no `block` or `warn` finding the
 * event goes through untouched. Otherwise it is stopped and the dialog explains why; a warn-only
 * post can then go out with a reason, replayed the way the site expects (the same click or key).
 * If Preflight itself fails, the post goes through (fail open) unless policy says otherwise.
 */
import type { Finding, Severity } from '../../rules/schema';
import type { AuditEntry } from '../../utils/audit';
import { sha256Hex } from '../../utils/hash';
import type { Composer } from './composer';
import { type PlatformAdapter, submitKeysFor } from './platforms/types';

export type DialogResult = { action: 'edit' } | { action: 'override'; reason: string };

export interface GateHost {
  adapter: PlatformAdapter;
  composers(): Composer[];
  allowOverride(): boolean;
  failMode(): 'open' | 'closed';
  isOwnUi(target: EventTarget): boolean;
  openDialog(findings: Finding[], composers: Composer[]): Promise<DialogResult>;
  audit(entry: AuditEntry): void;
}

const PRESS_EVENTS = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'touchstart', 'touchend'] as const;
const STOPPING: ReadonlySet<Severity> = new Set(['block', 'warn']);

function parentAcrossShadow(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/** `container.contains(node)`, also when node is inside shadow roots below container (Reddit's title field). */
function containsComposed(container: Node, node: Node): boolean {
  for (let current: Node | null = node; current; ) {
    if (container.contains(current)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

function isDisabled(element: Element): boolean {
  return (element as HTMLButtonElement).disabled === true || element.getAttribute('aria-disabled') === 'true';
}

export class Gate {
  /** Set while Preflight replays a post the operator chose to send; the replay passes untouched. */
  private bypass = false;
  private dialogOpen = false;
  private readonly publishSelector: string;

  constructor(
    private readonly host: GateHost,
    signal: AbortSignal,
  ) {
    this.publishSelector = host.adapter.publish.join(', ');
    const options = { capture: true, signal };
    window.addEventListener('click', (event) => this.onActivate(event), options);
    for (const type of PRESS_EVENTS) window.addEventListener(type, (event) => this.onPress(event), options);
    window.addEventListener('keydown', (event) => this.onKeyDown(event), options);
    window.addEventListener('submit', (event) => this.onSubmit(event as SubmitEvent), options);
  }

  /** The composers a publish control posts: those in the nearest ancestor that holds any. */
  composersFor(control: Element): Composer[] {
    const composers = this.host.composers();
    for (let node: Node | null = control; node; node = parentAcrossShadow(node)) {
      const inside = composers.filter((c) => containsComposed(node, c.element));
      if (inside.length > 0) return inside;
    }
    return [];
  }

  private publishControl(event: Event): Element | undefined {
    for (const target of event.composedPath()) {
      if (!(target instanceof Element) || !target.matches(this.publishSelector)) continue;
      const text = this.host.adapter.publishText;
      if (!text || text.test(target.textContent?.trim() ?? '')) return target;
    }
    return undefined;
  }

  /** Fresh findings that stop a post, from the current text (never a debounced result). */
  private evaluate(composers: Composer[]): Finding[] | 'error' {
    try {
      const findings = composers.flatMap((composer) => composer.checkNow());
      if (composers.some((c) => c.state === 'error')) return 'error';
      return findings;
    } catch (error) {
      console.error('Preflight: the gate could not check this post', error);
      return 'error';
    }
  }

  private shouldStop(findings: Finding[] | 'error'): boolean {
    if (findings === 'error') return this.host.failMode() === 'closed';
    return findings.some((f) => STOPPING.has(f.severity));
  }

  private stop(event: Event): void {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /** Press-style buttons (react-native-web) act on pointer events: hold those too when the click will be held. */
  private onPress(event: Event): void {
    if (this.bypass || this.dialogOpen || !event.isTrusted || this.host.isOwnUi(event.target as EventTarget)) return;
    const control = this.publishControl(event);
    if (!control || isDisabled(control)) return;
    const composers = this.composersFor(control);
    if (composers.length > 0 && this.shouldStop(this.evaluate(composers))) this.stop(event);
  }

  private onActivate(event: MouseEvent): void {
    if (this.bypass || this.host.isOwnUi(event.target as EventTarget)) return;
    const control = this.publishControl(event);
    if (!control || isDisabled(control)) return;
    const composers = this.composersFor(control);
    if (composers.length === 0) return;
    if (this.dialogOpen) {
      this.stop(event);
      return;
    }
    this.decide(event, composers, () => (control as HTMLElement).click());
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.bypass || event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
    if (this.host.isOwnUi(event.target as EventTarget)) return;
    const path = event.composedPath();
    const composer = this.host.composers().find((c) => path.includes(c.element));
    if (!composer) return;
    const mod = event.ctrlKey || event.metaKey;
    const keys = submitKeysFor(this.host.adapter, composer.element);
    const submits = mod ? keys.includes('mod+enter') : !event.shiftKey && !event.altKey && keys.includes('enter');
    if (!submits) return;
    // Enter in an open mention or hashtag list picks the suggestion; it does not post.
    if (!mod && composer.element.getAttribute('aria-expanded') === 'true') return;
    if (this.dialogOpen) {
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

  private onSubmit(event: SubmitEvent): void {
    if (this.bypass || !(event.target instanceof HTMLFormElement)) return;
    const form = event.target;
    const composers = this.host.composers().filter((c) => containsComposed(form, c.element));
    if (composers.length === 0) return;
    if (this.dialogOpen) {
      this.stop(event);
      return;
    }
    const submitter = event.submitter;
    this.decide(event, composers, () => form.requestSubmit(submitter?.isConnected ? submitter : undefined));
  }

  private decide(event: Event, composers: Composer[], replay: () => void): void {
    const findings = this.evaluate(composers);
    const text = composers.map((c) => c.read()).join('\n');
    if (!this.shouldStop(findings)) {
      if (findings !== 'error') this.record('posted', findings, text);
      return;
    }
    this.stop(event);
    const shown = findings === 'error' ? [] : findings;
    this.record('stopped', shown, text);
    this.dialogOpen = true;
    this.host
      .openDialog(shown, composers)
      .then((result) => {
        this.dialogOpen = false;
        if (result.action !== 'override') {
          composers[0]?.element.focus();
          return;
        }
        // The draft may have changed while the dialog was open: check once more before posting.
        const now = this.evaluate(composers);
        if (now === 'error' || now.some((f) => f.severity === 'block') || !this.host.allowOverride()) return;
        this.record('override', now, composers.map((c) => c.read()).join('\n'), result.reason);
        this.bypass = true;
        try {
          replay();
        } finally {
          setTimeout(() => {
            this.bypass = false;
          }, 0);
        }
      })
      .catch((error) => {
        this.dialogOpen = false;
        console.error('Preflight: the dialog failed', error);
      });
  }

  private record(decision: AuditEntry['decision'], findings: Finding[], text: string, reason?: string): void {
    const stopping = findings.filter((f) => decision === 'posted' || STOPPING.has(f.severity));
    sha256Hex(text)
      .then((draftHash) =>
        this.host.audit({
          time: new Date().toISOString(),
          platform: this.host.adapter.id,
          decision,
          ruleIds: stopping.map((f) => f.ruleId),
          severities: stopping.map((f) => f.severity),
          ...(reason ? { reason } : {}),
          draftHash,
        }),
      )
      .catch((error) => console.error('Preflight: could not write the audit log', error));
  }
}
