/**
 * Applying a suggestion through the editor's own input path: the span is selected in the editor and
 * the replacement typed with `insertText`, which fires the `beforeinput`/`input` the editor's model
 * listens to (Draft.js, Lexical, ProseMirror and a textarea's own undo stack all take it). The DOM is
 * never written behind the editor's back. Afterwards the editor is read again; if its text is not
 * exactly what was expected, the change is undone and the caller says so. Quill goes through its own
 * API instead (quill.ts), so that its undo stack keeps the fix apart from the typing around it;
 * Draft.js under Firefox by a typed `textInput` (draft.ts), the only input Draft hears there.
 * A removal (an empty suggestion) takes one of the spaces around the words with them, as a person
 * deleting a word would, and is made with `delete` (Backspace over the selection in Draft).
 */
import { announceSelection, askDraft, deleteInDraft, insertTextMissesDraft, typeIntoDraft, undoInDraft } from './draft';
import { askQuill, isQuill } from './quill';
import { isTextField, readComposer } from './text';

export type FixOutcome = 'applied' | 'mismatch' | 'stale' | 'refused';

/** The selection object that sees inside `element`'s shadow root (Chromium's ShadowRoot.getSelection). */
function selectionFor(element: HTMLElement): Selection | null {
  const root = element.getRootNode() as ShadowRoot & { getSelection?: () => Selection | null };
  return root instanceof ShadowRoot && root.getSelection ? root.getSelection() : element.ownerDocument.getSelection();
}

/** Put the editor's selection on [start, end) of its text; false when the span cannot be mapped. */
export function selectSpan(element: HTMLElement, start: number, end: number): boolean {
  element.focus({ preventScroll: true });
  if (isTextField(element)) {
    element.setSelectionRange(start, end);
    return true;
  }
  const range = readComposer(element).range(start, end);
  const selection = selectionFor(element);
  if (!range || !selection) return false;
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  return true;
}

/** The spans that hold the caret (collapsed or not), if the selection is inside the composer. */
export function spansAtCaret<T extends { start: number; end: number }>(element: HTMLElement, spans: readonly T[]): T[] {
  if (isTextField(element)) {
    const caret = element.selectionStart ?? -1;
    return spans.filter((span) => caret >= span.start && caret <= span.end);
  }
  const selection = selectionFor(element);
  const node = selection?.focusNode;
  if (!selection || !node || !element.contains(node)) return [];
  const draft = readComposer(element);
  return spans.filter((span) => draft.range(span.start, span.end)?.isPointInRange(node, selection.focusOffset));
}

/**
 * What a removal of [start, end) takes: the words, and the space after them when a space (or the
 * start of a line) comes before, so that "very good" loses "very " and no double space is left;
 * else the space before them, when the words end a line or come before punctuation.
 */
export function removalSpan(text: string, start: number, end: number): { start: number; end: number } {
  const spaceBefore = start > 0 && text[start - 1] === ' ';
  const lineStartBefore = start === 0 || text[start - 1] === '\n';
  if (text[end] === ' ' && (spaceBefore || lineStartBefore)) return { start, end: end + 1 };
  if (spaceBefore && (end === text.length || /[\n.,!?;:)]/.test(text[end]!))) return { start: start - 1, end };
  return { start, end };
}

/**
 * Let the editor finish its reaction to the insert (React's and Lexical's commits and the mutation
 * observers are microtasks) without leaving the task: a key the operator presses right after the
 * click is a later task, so the editor is read before it and it is never mistaken for a failed fix
 * (and then undone together with the fix).
 */
const settle = async () => {
  for (let round = 0; round < 8; round++) await Promise.resolve();
};
/** After an undo, a frame for the editor to draw it. */
const redraw = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Replace [start, end) — which must still read `expected` — with `replacement`, as typing would.
 * The editor's own undo (Ctrl/Cmd+Z) restores the original.
 */
export async function applyFix(
  element: HTMLElement,
  given: { start: number; end: number; expected: string },
  replacement: string,
): Promise<FixOutcome> {
  const before = readComposer(element).text;
  if (before.slice(given.start, given.end) !== given.expected) return 'stale';
  const bounds = replacement === '' ? removalSpan(before, given.start, given.end) : given;
  const span = { ...bounds, expected: before.slice(bounds.start, bounds.end) };
  const wanted = before.slice(0, span.start) + replacement + before.slice(span.end);
  if (isQuill(element)) {
    const outcome = await quillFix(element, span, replacement, wanted);
    // Without the page-world bridge (or a Quill instance behind the element), typing still works.
    if (outcome) return outcome;
  }
  if (insertTextMissesDraft(element)) return draftFix(element, span, replacement, before, wanted);
  if (!selectSpan(element, span.start, span.end)) return 'refused';
  const document = element.ownerDocument;
  const typed = replacement ? document.execCommand('insertText', false, replacement) : document.execCommand('delete');
  if (!typed) return 'refused';
  await settle();
  const after = readComposer(element).text;
  if (after === wanted) {
    // The caret goes after the replacement, as typing it would leave it (some editors put it elsewhere).
    const caret = span.start + replacement.length;
    selectSpan(element, caret, caret);
    return 'applied';
  }
  // Whatever the editor did instead is taken back through its own undo.
  if (after !== before) {
    element.focus({ preventScroll: true });
    document.execCommand('undo');
    await redraw();
  }
  return 'mismatch';
}

/**
 * A fix in Draft.js under Firefox, typed as a `textInput` over the selected span (see draft.ts).
 * Typed only once Draft's own selection is the span: over a caret, Draft would leave the insert to
 * the browser, which never makes it for a synthetic event, and its model alone would change. Refused,
 * with the draft untouched, when that cannot be made sure of (no bridge, a moved selection). A removal
 * is Draft's own Backspace over that selection.
 */
async function draftFix(
  element: HTMLElement,
  span: { start: number; end: number },
  replacement: string,
  before: string,
  wanted: string,
): Promise<FixOutcome> {
  if (span.end <= span.start || !selectSpan(element, span.start, span.end)) return 'refused';
  // Draft's answer to the focus is a React render (microtasks); its onSelect waits for that render.
  await settle();
  announceSelection(element);
  const held = askDraft(element, { op: 'selection' })?.selection;
  if (held?.start !== span.start || held.end !== span.end) return 'refused';
  const taken = replacement ? typeIntoDraft(element, replacement) : deleteInDraft(element);
  // Over a selection, Draft takes every insert it hears; one it did not hear changed nothing.
  if (!taken) return 'refused';
  await settle();
  const after = readComposer(element).text;
  const holds = (text: string) => askDraft(element, { op: 'holds', text })?.holds === true;
  if (after === wanted && holds(wanted)) {
    const caret = span.start + replacement.length;
    selectSpan(element, caret, caret);
    return 'applied';
  }
  // The site dropped it: an undo now would take back the operator's own last step.
  if (after === before && holds(before)) return 'mismatch';
  // Draft (or the site's handler) made another change: Draft's own undo takes it back.
  element.focus({ preventScroll: true });
  undoInDraft(element);
  await redraw();
  return 'mismatch';
}

/** A fix through the page's Quill; undefined when Quill cannot be reached from here. */
async function quillFix(
  element: HTMLElement,
  span: { start: number; end: number; expected: string },
  replacement: string,
  wanted: string,
): Promise<FixOutcome | undefined> {
  const outcome = askQuill(element, { op: 'fix', ...span, replacement });
  if (!outcome) return undefined;
  if (outcome !== 'applied') return outcome;
  await settle();
  // Quill said yes; what counts is what the DOM, and so the post, now holds.
  if (readComposer(element).text !== wanted) {
    askQuill(element, { op: 'undo' });
    await redraw();
    return 'mismatch';
  }
  const caret = span.start + replacement.length;
  selectSpan(element, caret, caret);
  return 'applied';
}
