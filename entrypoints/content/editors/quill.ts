/**
 * Fixes in a Quill editor (LinkedIn's posts and comments). Typing into Quill through `insertText`
 * works, but Quill's history merges it with the operator's typing of the last second: one Ctrl+Z
 * would take back more than the fix. So the change goes through Quill's own API, with the undo stack
 * cut before and after, from the page's world, where Quill lives (quill-page.ts; its content script
 * runs only on the sites whose composers are Quill).
 */
import { askPageWorld } from './page-world';
import { QUILL_EVENTS, type QuillOutcome, type QuillRequest } from './quill-page';

/** Quill's editable root: `.ql-editor` (its hidden `.ql-clipboard` is never a composer). */
export function isQuill(element: HTMLElement): boolean {
  return element.classList.contains('ql-editor') && element.isContentEditable;
}

/** Ask the page's Quill; undefined when the fix is to be typed (no bridge on the site, no Quill, or a deaf one). */
export function askQuill(element: HTMLElement, request: QuillRequest): Exclude<QuillOutcome, 'type'> | undefined {
  const outcome = askPageWorld<{ outcome?: QuillOutcome }>(element, QUILL_EVENTS, request)?.outcome;
  return outcome === 'type' ? undefined : outcome;
}
