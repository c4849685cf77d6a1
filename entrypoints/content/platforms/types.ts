/**
 * A platform adapter: where a site's composers are, which control publishes from them, and which
 * keys submit. It is data, so a site's redesign is a change to one small file. Selectors are
 * lists: the first that matches wins, and each carries a comment naming the page or state it is for.
 */
import type { ReplayMode } from '../../../rules/adapters-schema';
import type { Platform, PostType } from '../../../rules/schema';

export type SubmitKey = 'mod+enter' | 'enter';

export interface PlatformAdapter {
  id: Platform;
  /** Match patterns for the content script (hosts where this adapter runs). */
  matches: string[];
  /** The editable elements posts are written in: contenteditable roots or textareas. */
  composers: string[];
  /** Controls that publish what is in the composer. */
  publish: string[];
  /** For sites whose publish control has no stable attribute: its visible text (or label) must match too. */
  publishText?: RegExp;
  /** More publish controls with their own labels: a pack's hot fix (platforms/patch.ts). */
  extraPublish?: { selectors: string[]; text?: RegExp }[];
  /**
   * The closest ancestor holding one composer (or one thread of composers) and its publish control:
   * a dialog, a form, a web component. The gate checks every composer inside it.
   */
  container: string[];
  /** Keys that publish from inside a composer (comment boxes often post on a plain Enter). */
  submitKeys: SubmitKey[] | ((composer: Element) => SubmitKey[]);
  /** Open shadow roots to search for composers (LinkedIn renders its composer in one). */
  shadowHosts?: string[];
  /** What the composer writes, when it is not a plain post (a reply, a title…). */
  postType?: (composer: Element) => PostType;
  /**
   * How a post the operator chose to send ("Post anyway", an approval) or a press held while the packs
   * loaded goes out. `press-again` (the default): the gate lets the operator's own next press of this
   * exact draft through, since a site that checks `event.isTrusted` ignores a press made by script.
   * `synthetic`: the gate replays the press itself; only for a site shown to accept scripted events.
   * A pack's hot fix may set it.
   */
  replay?: ReplayMode | undefined;
}

export type { ReplayMode };

export const replayMode = (adapter: PlatformAdapter): ReplayMode => adapter.replay ?? 'press-again';

export const defineAdapter = (adapter: PlatformAdapter): PlatformAdapter => adapter;

/** A control's visible text, or for an icon-only control its label (Threads' "Reply" arrow). */
export function controlLabel(control: Element): string {
  const text = control.textContent?.trim();
  if (text) return text;
  const labelled = control.hasAttribute('aria-label') ? control : control.querySelector('[aria-label]');
  return labelled?.getAttribute('aria-label')?.trim() ?? '';
}

/** Whether `element` is one of the adapter's publish controls (selector, and label where one is asked). */
export function isPublishControl(adapter: PlatformAdapter, element: Element): boolean {
  const groups = [{ selectors: adapter.publish, text: adapter.publishText }, ...(adapter.extraPublish ?? [])];
  return groups.some(
    (group) =>
      group.selectors.length > 0 &&
      element.matches(group.selectors.join(', ')) &&
      (!group.text || group.text.test(controlLabel(element))),
  );
}

export function submitKeysFor(adapter: PlatformAdapter, composer: Element): SubmitKey[] {
  return typeof adapter.submitKeys === 'function' ? adapter.submitKeys(composer) : adapter.submitKeys;
}
