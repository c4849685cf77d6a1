/**
 * Draft.js (X, TikTok) under Gecko. Draft learns of typing from React's `onBeforeInput`, which React
 * builds from the browser's `textInput` event wherever `TextEvent` exists (Firefox has it now). Firefox
 * fires `textInput` for keys, but not for an `execCommand('insertText')`: that reaches Draft as a DOM
 * change it did not make, recorded as a "spellcheck-change" whose undo Draft leaves to the browser,
 * and Ctrl+Z then mangles the draft ("YoutuYouTubebe"). So there a fix is typed as Firefox types a
 * key: a `textInput` event on the editor, which Draft's own editOnBeforeInput turns into a change of
 * its EditorState, with an undo step Draft owns. The DOM is drawn by React from that state.
 * Draft types over its own selection, not the DOM's: the page-world bridge (draft-page.ts) says where
 * that is, and whether the model holds the fixed text afterwards.
 */
import { DRAFT_EVENTS, type DraftAnswer, type DraftRequest } from './draft-page';
import { askPageWorld } from './page-world';

/** Draft's editable root. */
export function isDraft(element: HTMLElement): boolean {
  return element.classList.contains('public-DraftEditor-content');
}

/**
 * Gecko by its user agent ("Gecko/20100101"; Chromium's says "like Gecko"), where `insertText`
 * never becomes React's onBeforeInput.
 */
export function insertTextMissesDraft(element: HTMLElement): boolean {
  return /\sGecko\/\d/.test(navigator.userAgent) && isDraft(element);
}

/**
 * Tell Draft where the DOM selection is now. React turns `selectionchange` into the onSelect that
 * Draft reads the selection from; the browser's own event comes a task later, too late for the
 * insert that follows in this one (Draft would replace its old selection, the caret).
 */
export function announceSelection(element: HTMLElement): void {
  element.ownerDocument.dispatchEvent(new Event('selectionchange'));
}

/**
 * `text` as typed over the selection: a `textInput` event, which React hands to Draft as
 * onBeforeInput. True when Draft took it (it cancels the event and makes the change itself).
 * An empty text makes no onBeforeInput, so it is never sent.
 */
export function typeIntoDraft(element: HTMLElement, text: string): boolean {
  if (!text) return false;
  const event = element.ownerDocument.createEvent('TextEvent');
  event.initTextEvent('textInput', true, true, element.ownerDocument.defaultView, text);
  return !element.dispatchEvent(event);
}

/**
 * Delete the selection as the Backspace key does: Draft's key bindings map it to its "backspace"
 * command, which removes the selected range from its EditorState (with its own undo step) and cancels
 * the key. True when Draft took it.
 */
export function deleteInDraft(element: HTMLElement): boolean {
  const init = { key: 'Backspace', code: 'Backspace', keyCode: 8, which: 8, bubbles: true, cancelable: true };
  return !element.dispatchEvent(new KeyboardEvent('keydown', { ...init, composed: true }));
}

/**
 * Draft's own undo: the Ctrl+Z (Cmd+Z on macOS) its key bindings map to "undo", which pops its
 * EditorState's undo stack. Used to take back a fix that did not read as expected.
 */
export function undoInDraft(element: HTMLElement): void {
  const mac = /Mac/.test(navigator.platform);
  const init = { key: 'z', code: 'KeyZ', keyCode: 90, which: 90, bubbles: true, cancelable: true, composed: true };
  element.dispatchEvent(new KeyboardEvent('keydown', { ...init, ctrlKey: !mac, metaKey: mac }));
}

/** Ask the page-world bridge about Draft's model; undefined when no bridge or no Draft answers. */
export function askDraft(element: HTMLElement, question: DraftRequest): DraftAnswer | undefined {
  return askPageWorld<DraftAnswer>(element, DRAFT_EVENTS, question);
}
