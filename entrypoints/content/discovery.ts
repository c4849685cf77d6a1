/**
 * Finding composers as they come and go: single-page apps open modals, swap a textarea for a rich
 * editor, add reply boxes. One observer for the document (and for each shadow root the adapter
 * names), batched to one pass per animation frame, plus `focusin` as the fast path.
 */
import { isTextField } from './editors/text';
import { findFallbackEditors } from './fallback';
import type { PlatformAdapter } from './platforms/types';

export interface DiscoveryCallbacks {
  /** `fallback`: an editable element no adapter selector names (fallback.ts). */
  found(element: HTMLElement, fallback?: boolean): void;
  /** Called with every element found in this pass, so the caller can drop those that left. */
  pass(present: Set<HTMLElement>): void;
}

/** Why an element is not a usable composer, or undefined when it is. */
export function notEligible(element: HTMLElement): string | undefined {
  if (isTextField(element)) {
    if (element.localName === 'input' && !TEXT_INPUTS.has(element.type)) return 'not a text field';
    if (element.disabled) return 'disabled';
    if (element.readOnly) return 'read-only';
  } else if (!element.isContentEditable) return 'not editable';
  if (element.getAttribute('aria-readonly') === 'true') return 'read-only';
  // A text field that is a combobox is a search box; a rich editor may be one for its mention list
  // (TikTok Studio's Draft.js caption).
  if (element.getAttribute('role') === 'combobox' && !element.isContentEditable) return 'combobox';
  if (!element.isConnected) return 'detached';
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility()) return 'hidden';
  return undefined;
}

/** A single-line field a post is typed into (a title, a content warning, a Reels comment). */
const TEXT_INPUTS = new Set(['text', '']);

/** The document and the open shadow roots of the adapter's hosts, also hosts inside those roots. */
function roots(adapter: PlatformAdapter, doc: Document): (Document | ShadowRoot)[] {
  const found: (Document | ShadowRoot)[] = [doc];
  const selector = (adapter.shadowHosts ?? []).join(', ');
  if (!selector) return found;
  for (let i = 0; i < found.length; i++) {
    for (const host of (found[i] as Document | ShadowRoot).querySelectorAll(selector)) {
      if (host.shadowRoot && !found.includes(host.shadowRoot)) found.push(host.shadowRoot);
    }
  }
  return found;
}

export function findComposers(adapter: PlatformAdapter, doc: Document = document): Set<HTMLElement> {
  const selector = adapter.composers.join(', ');
  const present = new Set<HTMLElement>();
  for (const root of roots(adapter, doc)) {
    for (const element of root.querySelectorAll<HTMLElement>(selector)) {
      if (!notEligible(element)) present.add(element);
    }
  }
  return present;
}

/** How deep frames inside frames are searched for composers. */
const FRAME_DEPTH = 3;

/**
 * The composers in the same-origin frames of `doc` (and in theirs), read through the frames'
 * documents: for a Post button in this page whose editor is in a frame (gate.ts). A frame of another
 * origin has no document to read (`contentDocument` is null) and is out of reach.
 */
export function findComposersInFrames(adapter: PlatformAdapter, doc: Document = document, depth = 0): Set<HTMLElement> {
  const present = new Set<HTMLElement>();
  if (depth >= FRAME_DEPTH) return present;
  for (const frame of doc.querySelectorAll<HTMLIFrameElement>('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null;
    }
    if (!inner) continue;
    for (const element of findComposers(adapter, inner)) present.add(element);
    for (const element of findComposersInFrames(adapter, inner, depth + 1)) present.add(element);
  }
  return present;
}

/** Returns a function that asks for another pass (the adapter changed: a pack's hot fix). */
export function watchComposers(
  adapter: PlatformAdapter,
  callbacks: DiscoveryCallbacks,
  signal: AbortSignal,
): () => void {
  let queued = false;
  const observed = new WeakSet<Node>();
  const scan = () => {
    queued = false;
    if (signal.aborted) return;
    const present = findComposers(adapter);
    for (const element of present) callbacks.found(element);
    const fallback = findFallbackEditors(present);
    for (const element of fallback) callbacks.found(element, true);
    callbacks.pass(new Set([...present, ...fallback]));
    for (const root of roots(adapter, document)) observe(root);
  };
  const queue = () => {
    if (queued || signal.aborted) return;
    queued = true;
    requestAnimationFrame(scan);
  };
  const observer = new MutationObserver(queue);
  const observe = (root: Node) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true });
  };
  signal.addEventListener('abort', () => observer.disconnect());
  observe(document);
  // Focus is the fastest sign of a composer; composedPath reaches into open shadow roots.
  window.addEventListener(
    'focusin',
    (event) => {
      const selector = adapter.composers.join(', ');
      for (const target of event.composedPath()) {
        if (target instanceof HTMLElement && target.matches(selector) && !notEligible(target)) {
          callbacks.found(target);
          return;
        }
      }
    },
    { capture: true, signal },
  );
  // Visibility can change without a DOM mutation (a tab shown by CSS).
  window.addEventListener('resize', queue, { signal, passive: true });
  queue();
  return queue;
}
