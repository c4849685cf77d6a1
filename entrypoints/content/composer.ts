/**
 * One composer on the page: it reads the draft on edits (debounced, off the keystroke's own event),
 * checks it, and publishes the findings to the highlights and the indicator. It never writes to the
 * editor, and an error inside it is shown and logged, never thrown at the page.
 */
import type { Finding, PostType } from '../../rules/schema';
import { type DraftText, readComposer } from './editors/text';
import type { EngineHost } from './engine';
import type { HighlightRegistry } from './highlights';
import type { PlatformAdapter } from './platforms/types';

export const CHECK_DELAY_MS = 100;
let nextId = 1;

export interface ComposerHost {
  engine: EngineHost;
  highlights: HighlightRegistry | undefined;
  /** Called after every check, to redraw the layer. */
  changed(composer: Composer): void;
  /** The content script's lifetime: when it ends (extension updated or removed), every composer lets go. */
  signal?: AbortSignal;
}

export class Composer {
  readonly id = nextId++;
  findings: Finding[] = [];
  state: 'loading' | 'ready' | 'error' = 'loading';
  error: string | undefined;
  /** The text of the last check, and its DOM map for drawing. */
  draft: DraftText | undefined;
  /** Findings an operator chose to ignore once ("rule id\0matched text"); forgotten when the draft is emptied (posted). */
  private readonly ignored = new Set<string>();
  /** How many times the operator has edited it (input events): a pass to post (gate.ts) names the count. */
  edits = 0;
  /** Which compiled packs the findings come from: a new pack or switch means checking again. */
  private checkedGeneration = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly abort = new AbortController();
  private readonly observer: MutationObserver;

  constructor(
    readonly element: HTMLElement,
    readonly adapter: PlatformAdapter,
    private readonly host: ComposerHost,
    /** Not named by the adapter: checked and underlined, gated only through its form's one send button. */
    readonly fallback = false,
  ) {
    // Chained to the content script's lifetime, so an old script leaves no listener, observer or highlight behind.
    host.signal?.addEventListener('abort', () => this.dispose(), { once: true, signal: this.abort.signal });
    const schedule = () => this.schedule();
    const options = { signal: this.abort.signal, passive: true };
    for (const type of ['input', 'paste', 'cut', 'drop', 'compositionend', 'focus']) {
      element.addEventListener(type, schedule, options);
    }
    element.addEventListener(
      'input',
      () => {
        this.edits++;
      },
      options,
    );
    // Editors that change their text without an input event (undo, programmatic inserts).
    this.observer = new MutationObserver(schedule);
    if (element.isContentEditable)
      this.observer.observe(element, { childList: true, subtree: true, characterData: true });
    this.schedule(0);
    if (host.signal?.aborted) this.dispose();
  }

  get postType(): PostType | undefined {
    return this.fallback ? undefined : this.adapter.postType?.(this.element);
  }

  schedule(delay = CHECK_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delay);
  }

  /**
   * The findings for the current text (the gate uses this: never a stale result). A press of Post
   * fires up to seven events; the text is read each time, but checked again only if it changed.
   */
  checkNow(): Finding[] {
    const fresh =
      this.state === 'ready' &&
      this.checkedGeneration === this.host.engine.generation &&
      this.draft?.text === readComposer(this.element).text;
    if (!fresh) this.run();
    return this.findings;
  }

  /** The text as the platform will post it. */
  read(): string {
    return readComposer(this.element).text;
  }

  run(): void {
    clearTimeout(this.timer);
    if (this.abort.signal.aborted) return;
    try {
      if (this.host.engine.error) throw new Error(this.host.engine.error);
      if (!this.host.engine.ready) {
        this.state = 'loading';
        this.host.changed(this);
        return;
      }
      const draft = readComposer(this.element);
      this.draft = draft;
      if (draft.text.trim() === '') this.ignored.clear();
      this.findings = this.host.engine
        .check(draft.text, this.adapter.id, this.postType)
        .filter((f) => f.severity === 'block' || !this.ignored.has(ignoreKey(f, draft.text)));
      this.state = 'ready';
      this.error = undefined;
      this.checkedGeneration = this.host.engine.generation;
      this.drawHighlights();
    } catch (error) {
      this.state = 'error';
      this.error = (error as Error).message ?? String(error);
      this.findings = [];
      console.error('Preflight: checking this composer failed', error);
    }
    this.host.changed(this);
  }

  /** Leave one info or warn finding out of this draft's checks (never a block). */
  ignore(finding: Finding): boolean {
    if (finding.severity === 'block' || !this.draft) return false;
    this.ignored.add(ignoreKey(finding, this.draft.text));
    this.run();
    return true;
  }

  private drawHighlights(): void {
    const registry = this.host.highlights;
    if (!registry || !this.draft || !this.element.isContentEditable) return;
    const ranges = this.findings.flatMap((finding) => {
      if (finding.end <= finding.start) return [];
      const range = this.draft?.range(finding.start, finding.end);
      return range ? [{ severity: finding.severity, range }] : [];
    });
    registry.set(this, ranges, this.element);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.abort.abort();
    this.observer.disconnect();
    this.host.highlights?.clear(this);
  }
}

const ignoreKey = (finding: Finding, text: string) =>
  `${finding.ruleId}\u0000${text.slice(finding.start, finding.end)}`;
