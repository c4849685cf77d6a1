/**
 * The generic fallback: on a supported site, an editable element no adapter recognises (a redesign,
 * a new kind of box) is still checked and underlined, and says so on its badge. It is gated only
 * where the page leaves no doubt which control sends it: one obvious primary button in its form or
 * dialog. Search boxes, single-line fields and editors' hidden helpers are left alone.
 */

const EDITABLE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
const SEARCH = /search|検索|find|filter|絞り込/i;
/** Words of a control that sends what was written (en, ja). */
const SENDS = /^(post|send|reply|comment|share|publish|submit|tweet|toot|投稿|送信|返信|コメント|シェア|公開|ポスト)/i;

function isSearchBox(element: HTMLElement): boolean {
  if (element.closest('[role="search"], form[role="search"], search')) return true;
  const role = element.getAttribute('role');
  if (role === 'searchbox' || (role === 'combobox' && !element.isContentEditable)) return true;
  const names = ['name', 'id', 'aria-label', 'placeholder', 'title'].map((a) => element.getAttribute(a) ?? '');
  return names.some((name) => SEARCH.test(name));
}

function eligible(element: HTMLElement): boolean {
  if (element instanceof HTMLTextAreaElement) {
    if (element.disabled || element.readOnly) return false;
  } else {
    if (!element.isContentEditable) return false;
    // Only the editable root: the nodes inside a rich editor are part of it.
    if (element.parentElement?.isContentEditable) return false;
  }
  if (element.getAttribute('aria-readonly') === 'true' || element.closest('[aria-hidden="true"], [inert]'))
    return false;
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility()) return false;
  // Editors' off-screen helpers (Quill's clipboard) and 1-pixel traps are not for writing.
  const rect = element.getBoundingClientRect();
  if (rect.width < 24 || rect.height < 12 || rect.right < 0 || rect.bottom < 0) return false;
  return !isSearchBox(element);
}

/** Elements matching `selector` in and under each of `roots`. */
export function* queryWithin<E extends Element>(roots: Iterable<Element>, selector: string): Generator<E> {
  for (const root of roots) {
    if (root.matches(selector)) yield root as E;
    yield* root.querySelectorAll<E>(selector);
  }
}

/**
 * Editable elements that are not recognised composers, nor inside or around one: in the document,
 * or only in and under `within` (what was just added to the page).
 */
export function findFallbackEditors(
  recognised: ReadonlySet<HTMLElement>,
  within: Iterable<Element> = [document.documentElement],
): Set<HTMLElement> {
  const found = new Set<HTMLElement>();
  const known = [...recognised];
  for (const element of queryWithin<HTMLElement>(within, EDITABLE)) {
    if (recognised.has(element) || !eligible(element)) continue;
    if (known.some((k) => k.contains(element) || element.contains(k))) continue;
    found.add(element);
  }
  return found;
}

function labelOf(control: Element): string {
  return (
    control.textContent?.trim() ||
    control.getAttribute('aria-label') ||
    (control as HTMLInputElement).value ||
    ''
  ).trim();
}

/**
 * The one obvious control that sends `editor`: in its form, the only submit button; in a form or
 * dialog, else the only visible button named like a send. Undefined when there is none or more.
 */
export function primaryButton(editor: HTMLElement): HTMLElement | undefined {
  const scope = editor.closest<HTMLElement>('form, [role="dialog"], dialog');
  if (!scope) return undefined;
  const visible = (el: HTMLElement) => typeof el.checkVisibility !== 'function' || el.checkVisibility();
  if (scope instanceof HTMLFormElement) {
    const submits = [
      ...scope.querySelectorAll<HTMLElement>('button:not([type]), button[type="submit"], input[type="submit"]'),
    ].filter(visible);
    if (submits.length === 1) return submits[0];
    if (submits.length > 1) return undefined;
  }
  const named = [...scope.querySelectorAll<HTMLElement>('button, [role="button"], input[type="submit"]')]
    .filter(visible)
    .filter((control) => SENDS.test(labelOf(control)));
  return named.length === 1 ? named[0] : undefined;
}
