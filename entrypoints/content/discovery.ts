/**
 * Finding composers as they come and go: single-page apps open modals, swap a textarea for a rich
 * editor, add reply boxes. One observer for the document (and for each shadow root the adapter
 * names), batched to one pass per animation frame, plus `focusin` as the fast path.
 */
import { isTextField } from './editors/text';
import { findFallbackEditors, queryWithin } from './fallback';
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

/** At most this often, and once after the page stops changing, a pass looks at the whole page. */
export const FULL_SCAN_MS = 1000;

/** The added elements that are not inside another added element: each subtree is looked at once. */
function topmost(added: Set<Element>): Element[] {
  const tops: Element[] = [];
  for (const element of added) {
    if (!element.isConnected) continue;
    let inner = false;
    for (let parent = element.parentNode; parent && !inner; parent = parent.parentNode) {
      inner = added.has(parent as Element);
    }
    if (!inner) tops.push(element);
  }
  return tops;
}

/**
 * Watches for composers. A page that grows by thousands of nodes a second (an infinite feed) costs
 * only the added nodes: each frame looks in and under what was added, and the whole page is looked
 * at on the first pass, on resize, when asked (an adapter's hot fix) and at most once every
 * FULL_SCAN_MS while the page changes, which catches a composer shown without being added (a dialog
 * revealed by CSS); focusing a composer finds it at once. Returns a function that asks for a whole
 * pass.
 */
export function watchComposers(
  adapter: PlatformAdapter,
  callbacks: DiscoveryCallbacks,
  signal: AbortSignal,
): () => void {
  let queued = false;
  let wholePage = true;
  let changedSinceWholePage = false;
  let lastWholePage = Number.NEGATIVE_INFINITY;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  const added = new Set<Element>();
  let removed = false;
  /** What the last passes found: the adapter's composers and the fallback's editors. */
  let composers = new Set<HTMLElement>();
  let fallbacks = new Set<HTMLElement>();
  const observed = new WeakSet<Node>();

  const scanWholePage = () => {
    composers = findComposers(adapter);
    for (const element of composers) callbacks.found(element);
    fallbacks = findFallbackEditors(composers);
    for (const element of fallbacks) callbacks.found(element, true);
    callbacks.pass(new Set([...composers, ...fallbacks]));
    for (const root of roots(adapter, document)) observe(root);
  };

  const scanAdded = () => {
    const tops = topmost(added);
    added.clear();
    const hosts = (adapter.shadowHosts ?? []).join(', ');
    const within: Element[] = [...tops];
    if (hosts) {
      for (const host of queryWithin(tops, hosts)) {
        if (!host.shadowRoot) continue;
        observe(host.shadowRoot);
        within.push(...host.shadowRoot.children);
      }
    }
    for (const element of queryWithin<HTMLElement>(within, adapter.composers.join(', '))) {
      if (composers.has(element) || notEligible(element)) continue;
      composers.add(element);
      callbacks.found(element);
    }
    for (const element of findFallbackEditors(composers, within)) {
      fallbacks.add(element);
      callbacks.found(element, true);
    }
    if (!removed) return;
    removed = false;
    const still = (element: HTMLElement) => element.isConnected && !notEligible(element);
    composers = new Set([...composers].filter(still));
    fallbacks = new Set([...fallbacks].filter(still));
    callbacks.pass(new Set([...composers, ...fallbacks]));
  };

  const scan = () => {
    queued = false;
    if (signal.aborted) return;
    const now = performance.now();
    if (wholePage || (changedSinceWholePage && now - lastWholePage >= FULL_SCAN_MS)) {
      wholePage = false;
      changedSinceWholePage = false;
      lastWholePage = now;
      added.clear();
      removed = false;
      scanWholePage();
      return;
    }
    scanAdded();
    // One whole pass after the page settles, so that nothing shown by the last change is missed.
    if (changedSinceWholePage && trailing === undefined) {
      trailing = setTimeout(
        () => {
          trailing = undefined;
          queue();
        },
        FULL_SCAN_MS - (now - lastWholePage),
      );
    }
  };
  const queue = () => {
    if (queued || signal.aborted) return;
    queued = true;
    requestAnimationFrame(scan);
  };
  const queueWholePage = () => {
    wholePage = true;
    queue();
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) added.add(node);
      if (record.removedNodes.length > 0) removed = true;
    }
    changedSinceWholePage = true;
    queue();
  });
  const observe = (root: Node) => {
    if (observed.has(root)) return;
    observed.add(root);
    observer.observe(root, { childList: true, subtree: true });
  };
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(trailing);
  });
  observe(document);
  // Focus is the fastest sign of a composer; composedPath reaches into open shadow roots.
  window.addEventListener(
    'focusin',
    (event) => {
      const selector = adapter.composers.join(', ');
      for (const target of event.composedPath()) {
        if (target instanceof HTMLElement && target.matches(selector) && !notEligible(target)) {
          composers.add(target);
          callbacks.found(target);
          return;
        }
      }
    },
    { capture: true, signal },
  );
  // Visibility can change without a DOM mutation (a tab shown by CSS).
  window.addEventListener('resize', queueWholePage, { signal, passive: true });
  queue();
  return queueWholePage;
}
