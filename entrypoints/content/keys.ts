/**
 * Which key presses can publish. The gate errs towards holding: a key that might post is checked,
 * and only the keys known to do something else (a new line, an IME commit) pass unseen.
 */
import type { SubmitKey } from './platforms/types';

type Keys = Pick<KeyboardEvent, 'key' | 'keyCode' | 'isComposing' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

/** Enter that commits an IME conversion (Japanese, Chinese…) picks text; it never posts. */
export function isImeCommit(event: Keys): boolean {
  return event.isComposing || event.keyCode === 229;
}

const isEnter = (event: Keys) => event.key === 'Enter' || event.keyCode === 13;

/**
 * Whether an Enter typed in a composer may publish it.
 * - Ctrl/Cmd+Enter, with or without Shift or Alt, in every composer: the common shortcut (X, Bluesky,
 *   Mastodon, Threads, Reddit, YouTube), and a site may add it anywhere.
 * - Where a plain Enter posts (comment boxes), every Enter but a bare Shift+Enter (the new line):
 *   editors that post on "Enter" mostly ignore modifiers, so Alt+Enter and Ctrl+Enter post too.
 */
export function enterMayPublish(event: Keys, keys: readonly SubmitKey[]): boolean {
  if (!isEnter(event) || isImeCommit(event)) return false;
  if (event.ctrlKey || event.metaKey) return true;
  if (!keys.includes('enter')) return false;
  return !(event.shiftKey && !event.altKey);
}

/** A desktop Enter key (not an IME commit): the keydown that a line break's `beforeinput` follows. */
export function isEnterKey(event: Keys): boolean {
  return isEnter(event) && !isImeCommit(event);
}

/**
 * The `beforeinput` of a new line. On Android the keyboard sends Enter as this, after a keydown with
 * key code 229 that names no key; where Enter posts, it is the press of Post.
 */
export function isLineBreakInput(event: Pick<InputEvent, 'inputType' | 'isComposing'>): boolean {
  return !event.isComposing && (event.inputType === 'insertParagraph' || event.inputType === 'insertLineBreak');
}

/** Enter or Space on a focused control activates it (buttons, and `role=button` divs that copy them). */
export function activatesControl(event: Keys): boolean {
  return !isImeCommit(event) && (isEnter(event) || event.key === ' ' || event.key === 'Spacebar');
}
