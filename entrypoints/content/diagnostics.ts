/**
 * "Copy diagnostics" (the popup): for whoever fixes an adapter, the page's editable elements and the
 * controls near them, as selector paths and the attributes the adapters use to name them. Never a
 * field's value or an element's text: only the attributes in DIAGNOSTIC_ATTRIBUTES are read. Those are
 * the page's own labels (aria-label, placeholder), not what the operator typed; still, any attribute
 * whose value appears in a field's current text (or holds it) is replaced by REDACTED, for editors
 * that mirror their content into an attribute.
 */
import type { DiagnosticElement, PageDiagnostics } from '../../utils/messages';
import { notEligible } from './discovery';
import { readComposer } from './editors/text';
import { isPublishControl, type PlatformAdapter } from './platforms/types';

export const DIAGNOSTIC_ATTRIBUTES = [
  'id',
  'class',
  'data-testid',
  'data-view-name',
  'data-e2e',
  'aria-label',
  'role',
  'placeholder',
  'name',
  'type',
  'contenteditable',
  'aria-disabled',
  'disabled',
] as const;

/** Attributes that name things in words (the rest are the platform's fixed vocabularies: role, type…). */
const FREE_TEXT = new Set([
  'id',
  'class',
  'data-testid',
  'data-view-name',
  'data-e2e',
  'aria-label',
  'placeholder',
  'name',
]);

export const REDACTED = '[redacted: appears in a field’s text]';
const EDITABLE =
  'textarea, input[type="text" i], input:not([type]), [contenteditable]:not([contenteditable="false" i]), [role="textbox"], [role="combobox"]';
const CONTROL = 'button, [role="button"], a, [role="link"], input[type="submit" i], input[type="button" i]';
const MAX_EDITABLES = 50;
const MAX_CONTROLS = 30;
const MAX_VALUE = 120;
/** How far up from a field its controls are looked for, when it is in no form or dialog. */
const LEVELS_UP = 5;
/** Shorter pieces of text are everywhere (a field holding "a"): not worth redacting a class name for. */
const MIN_REDACT = 3;

type Tree = Document | ShadowRoot;

/** A tree's host: a shadow root's host element, or a frame's element for a frame's document. */
function hostOf(tree: Tree): Element | null {
  return tree.nodeType === Node.DOCUMENT_FRAGMENT_NODE
    ? (tree as ShadowRoot).host
    : ((tree as Document).defaultView?.frameElement ?? null);
}

/** The document, every open shadow root in it, and the documents of its same-origin frames (and theirs). */
function trees(doc: Document): Tree[] {
  const found: Tree[] = [doc];
  for (let i = 0; i < found.length; i++) {
    for (const element of (found[i] as Tree).querySelectorAll('*')) {
      if (element.shadowRoot) found.push(element.shadowRoot);
      if (element.localName === 'iframe' || element.localName === 'frame') {
        try {
          const inner = (element as HTMLIFrameElement).contentDocument;
          if (inner) found.push(inner);
        } catch {
          // Another origin: out of reach.
        }
      }
    }
  }
  return found;
}

/** `tag#id`, or `tag.class.class:nth-of-type(n)`: enough to find the element again in its tree. */
function step(element: Element): string {
  const tag = element.localName;
  if (element.id) return `${tag}#${CSS.escape(element.id)}`;
  const classes = [...element.classList]
    .slice(0, 3)
    .map((name) => `.${CSS.escape(name)}`)
    .join('');
  const parent = element.parentElement;
  const same = parent ? [...parent.children].filter((sibling) => sibling.localName === tag) : [];
  return `${tag}${classes}${same.length > 1 ? `:nth-of-type(${same.indexOf(element) + 1})` : ''}`;
}

/** The selector path of `element`, one selector per tree from the outermost document in. */
export function selectorPath(element: Element): string[] {
  const paths: string[] = [];
  for (let current: Element | null = element; current; ) {
    const steps: string[] = [];
    let node: Element | null = current;
    for (; node; node = node.parentElement) {
      steps.unshift(step(node));
      if (node.id) break;
    }
    paths.unshift(steps.join(' > '));
    current = hostOf(current.getRootNode() as Tree);
  }
  return paths;
}

function parentAcross(element: Element): Element | null {
  return element.parentElement ?? hostOf(element.getRootNode() as Tree);
}

/** Where a field's controls are: its form or dialog, else a few levels up (across shadow roots). */
function scopeOf(field: Element): Element {
  let scope = field;
  for (let node: Element | null = field, level = 0; node; node = parentAcross(node), level++) {
    if (node !== field && node.matches('form, dialog, [role="dialog"]')) return node;
    if (level <= LEVELS_UP) scope = node;
  }
  return scope;
}

/** Controls in `scope` and in the open shadow roots below it. */
function controlsIn(scope: Element): Element[] {
  const found: Element[] = [];
  const roots: (Element | ShadowRoot)[] = [scope];
  for (let i = 0; i < roots.length; i++) {
    const root = roots[i] as Element | ShadowRoot;
    if (root instanceof Element && root.matches(CONTROL)) found.push(root);
    for (const element of root.querySelectorAll('*')) {
      if (element.matches(CONTROL)) found.push(element);
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return found;
}

function topmostEditable(element: Element): boolean {
  const parent = element.parentElement as HTMLElement | null;
  return !(element as HTMLElement).isContentEditable || !parent?.isContentEditable;
}

/** Whether Preflight checks this element now: an adapter's composer, or a fallback editor. */
export type Recognised = (element: Element) => 'composer' | 'fallback' | undefined;

/** Whether `value` holds one of the texts, or is a piece of one. */
function fromText(value: string, texts: readonly string[]): boolean {
  const trimmed = value.trim();
  return trimmed.length >= MIN_REDACT && texts.some((text) => text.includes(trimmed) || trimmed.includes(text));
}

export function collectDiagnostics(
  adapter: PlatformAdapter,
  recognised: Recognised,
  version: string,
  doc: Document = document,
): PageDiagnostics {
  const all = trees(doc);
  const fields = all
    .flatMap((tree) => [...tree.querySelectorAll(EDITABLE)])
    .filter((element) => topmostEditable(element) && !element.closest('preflight-layer'));
  // What the operator typed, only to keep it out of the attributes below.
  const texts = fields.map((field) => readComposer(field).text.trim()).filter((text) => text.length >= MIN_REDACT);
  const describe = (element: Element): DiagnosticElement => {
    const attributes: Record<string, string> = {};
    for (const name of DIAGNOSTIC_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      attributes[name] = FREE_TEXT.has(name) && fromText(value, texts) ? REDACTED : value.slice(0, MAX_VALUE);
    }
    const rect = element.getBoundingClientRect();
    return {
      // Ids and classes are in the path too.
      path: selectorPath(element).map((path) => (texts.some((text) => path.includes(text)) ? REDACTED : path)),
      tag: element.localName,
      attributes,
      width: Math.round(rect.width),
      height: Math.round(rect.height),
    };
  };
  let truncated = fields.length > MAX_EDITABLES;
  const editables = fields.slice(0, MAX_EDITABLES).map((field) => {
    const state = recognised(field);
    const why = state ? undefined : notEligible(field as HTMLElement);
    const controls = controlsIn(scopeOf(field)).filter((control) => !field.contains(control));
    if (controls.length > MAX_CONTROLS) truncated = true;
    return {
      ...describe(field),
      preflight: state ?? ('ignored' as const),
      ...(why ? { why } : {}),
      controls: controls.slice(0, MAX_CONTROLS).map((control) => ({
        ...describe(control),
        publish: isPublishControl(adapter, control),
      })),
    };
  });
  const adapterFields = ['composers', 'publish', 'container', 'shadowHosts'] as const;
  const adapterMatches = Object.fromEntries(
    adapterFields.map((field) => [
      field,
      (adapter[field] ?? []).map((selector) => ({
        selector,
        matches: all.reduce((sum, tree) => sum + countMatches(tree, selector), 0),
      })),
    ]),
  );
  return {
    preflight: version,
    platform: adapter.id,
    origin: doc.location?.origin ?? '',
    adapter: adapterMatches,
    editables,
    truncated,
  };
}

/** How many elements of `tree` match; a selector this browser cannot parse matches none. */
function countMatches(tree: Tree, selector: string): number {
  try {
    return tree.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}
