/**
 * Fixes in a Quill editor (LinkedIn's posts and comments). Typing into Quill through `insertText`
 * works, but Quill's history merges it with the operator's typing of the last second: one Ctrl+Z
 * would take back more than the fix. So the change goes through Quill's own API, with the undo stack
 * cut before and after, from the page's world, where Quill lives (quill-page.ts; its content script
 * runs only on the sites whose composers are Quill).
 */
import { QUILL_EVENTS, type QuillOutcome, type QuillRequest } from './quill-page';

/** Quill's editable root: `.ql-editor` (its hidden `.ql-clipboard` is never a composer). */
export function isQuill(element: HTMLElement): boolean {
  return element.classList.contains('ql-editor') && element.isContentEditable;
}

/** Ask the page's Quill; undefined when the fix is to be typed (no bridge on the site, no Quill, or a deaf one). */
export function askQuill(
  element: HTMLElement,
  request: { op: 'fix'; start: number; end: number; expected: string; replacement: string } | { op: 'undo' },
): Exclude<QuillOutcome, 'type'> | undefined {
  const id = crypto.randomUUID();
  let outcome: QuillOutcome | undefined;
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    try {
      const parsed = JSON.parse(detail) as { id?: string; outcome?: QuillOutcome };
      if (parsed.id === id) outcome = parsed.outcome;
    } catch {
      // Not ours.
    }
  };
  element.addEventListener(QUILL_EVENTS.answer, listener);
  // The page-world listener answers during this call: DOM events are dispatched synchronously.
  // Strings only cross between the worlds (an object's detail would not reach the other one).
  const message: QuillRequest = { id, ...request };
  element.dispatchEvent(
    new CustomEvent(QUILL_EVENTS.ask, { detail: JSON.stringify(message), bubbles: true, composed: true }),
  );
  element.removeEventListener(QUILL_EVENTS.answer, listener);
  return outcome === 'type' ? undefined : outcome;
}
