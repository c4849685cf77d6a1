/**
 * The part of a Quill fix that runs in the page's own world (MAIN), where the Quill instance lives:
 * a content script of its own (entrypoints/quill-bridge.content.ts) on the sites whose composers are
 * Quill. The content script asks with a DOM event on the editor and gets the answer the same way,
 * within the same dispatch. A request holds the span's offsets, the text it must still read and the
 * replacement, which Quill holds once applied: nothing of the draft that Quill does not hold already.
 * The page could see or forge these events, but it owns its Quill anyway; a forged answer changes
 * nothing, because the content script reads the editor again itself and trusts only that.
 */
import { answerInPageWorld } from './page-world';

/** What the content script asks: apply a fix through Quill's API, or take the last one back. */
export type QuillRequest =
  | { op: 'fix'; start: number; end: number; expected: string; replacement: string }
  | { op: 'undo' };

/**
 * 'applied'; 'mismatch' (taken back); 'stale' (the span no longer reads what it should); 'type' (no
 * Quill here, or one whose keyboard never sees Ctrl+Z: the content script types the fix instead).
 */
export type QuillOutcome = 'applied' | 'mismatch' | 'stale' | 'type';

/** The events' names; each answer carries its request's random id, so answers never cross. */
export const QUILL_EVENTS = { ask: 'preflight:quill-ask', answer: 'preflight:quill-answer' } as const;

export function installQuillBridge(): void {
  const global = window as unknown as Record<string, unknown>;

  interface QuillLike {
    root: HTMLElement;
    history?: { cutoff(): void; undo(): void };
    getModule?(name: string): unknown;
    getText(index?: number, length?: number): string;
    getContents(index: number, length: number): { ops: { attributes?: Record<string, unknown> }[] };
    updateContents(delta: unknown, source: string): unknown;
    deleteText(index: number, length: number, source: string): unknown;
    insertText(index: number, text: string, formats: Record<string, unknown>, source: string): unknown;
    setSelection(index: number, length: number, source: string): void;
    hasFocus(): boolean;
  }
  type QuillClass = { find?(node: Node): unknown; import?(name: string): unknown };

  /** Quill 1 keeps its instance on the container (`__quill`); Quill 2 answers `Quill.find(container)`. */
  const quillOf = (root: HTMLElement): QuillLike | undefined => {
    const container = root.parentElement;
    if (!container) return undefined;
    const pageQuill = global.Quill as QuillClass | undefined;
    const found = ((container as unknown as { __quill?: unknown }).__quill ?? pageQuill?.find?.(container)) as
      | QuillLike
      | undefined;
    return found && found.root === root ? found : undefined;
  };
  const historyOf = (quill: QuillLike) =>
    quill.history ?? (quill.getModule?.('history') as QuillLike['history'] | undefined);

  /** Where `expected` is in Quill's text: at `start`, or its nearest occurrence (embeds shift offsets). */
  const locate = (text: string, expected: string, start: number): number => {
    if (text.slice(start, start + expected.length) === expected) return start;
    let best = -1;
    for (let at = text.indexOf(expected); at !== -1; at = text.indexOf(expected, at + 1)) {
      if (best === -1 || Math.abs(at - start) < Math.abs(best - start)) best = at;
    }
    return best;
  };

  const fix = (quill: QuillLike, request: Extract<QuillRequest, { op: 'fix' }>): QuillOutcome => {
    // Quill 1 in a shadow root never sees its own focus (it asks document.activeElement), so its
    // keyboard, Ctrl+Z included, is dead there and the browser's undo acts: the fix must be typed.
    quill.root.focus({ preventScroll: true });
    if (!quill.hasFocus()) return 'type';
    const history = historyOf(quill);
    const before = quill.getText();
    const start = locate(before, request.expected, request.start);
    if (start === -1) return 'stale';
    const length = request.expected.length;
    const wanted = before.slice(0, start) + request.replacement + before.slice(start + length);
    const formats = quill.getContents(start, Math.max(1, length)).ops[0]?.attributes ?? {};
    // Its own entry in Quill's undo stack: not merged with the typing before it or after it.
    history?.cutoff();
    const Delta = (quill.constructor as QuillClass).import?.('delta') as
      | (new () => {
          retain(n: number): unknown;
          delete(n: number): unknown;
          insert(text: string, formats: Record<string, unknown>): unknown;
        })
      | undefined;
    if (Delta) {
      const delta = new Delta();
      delta.retain(start);
      delta.delete(length);
      delta.insert(request.replacement, formats);
      quill.updateContents(delta, 'user');
    } else {
      quill.deleteText(start, length, 'user');
      quill.insertText(start, request.replacement, formats, 'user');
    }
    history?.cutoff();
    if (quill.getText() !== wanted) {
      history?.undo();
      return 'mismatch';
    }
    quill.setSelection(start + request.replacement.length, 0, 'user');
    return 'applied';
  };

  answerInPageWorld<QuillRequest>(QUILL_EVENTS, (target, request) => {
    const quill = quillOf(target);
    let outcome: QuillOutcome = 'type';
    if (quill && request.op === 'fix') {
      try {
        outcome = fix(quill, request);
      } catch {
        outcome = 'mismatch';
      }
    } else if (quill && request.op === 'undo') {
      historyOf(quill)?.undo();
      outcome = 'applied';
    }
    return { outcome };
  });
}
