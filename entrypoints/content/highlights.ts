/**
 * Underlining findings without touching the editor. Contenteditable composers use the CSS Custom
 * Highlight API: ranges registered with the document, drawn by the browser, no nodes added, and they
 * follow scrolling, reflow and edits by themselves. Textareas (no DOM inside) and browsers without
 * the API get boxes drawn in Preflight's own layer from measured rectangles (see overlay.ts).
 */
import type { Severity } from '../../rules/schema';

export const HIGHLIGHT_NAMES: Record<Severity, string> = {
  block: 'preflight-block',
  warn: 'preflight-warn',
  info: 'preflight-info',
};

const STYLE = `
::highlight(preflight-block) { text-decoration: underline wavy #d93025; text-decoration-thickness: 2px; background-color: rgba(217, 48, 37, 0.12); }
::highlight(preflight-warn) { text-decoration: underline wavy #e37400; text-decoration-thickness: 2px; background-color: rgba(227, 116, 0, 0.1); }
::highlight(preflight-info) { text-decoration: underline dotted #1a73e8; }
`;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** All composers' ranges, per severity; the browser draws the union. */
export class HighlightRegistry {
  private readonly byOwner = new Map<object, { severity: Severity; range: Range }[]>();
  private readonly styled = new WeakSet<Document | ShadowRoot>();

  set(owner: object, ranges: { severity: Severity; range: Range }[], root: Node): void {
    this.ensureStyle(root);
    if (ranges.length === 0) this.byOwner.delete(owner);
    else this.byOwner.set(owner, ranges);
    this.render();
  }

  clear(owner: object): void {
    if (this.byOwner.delete(owner)) this.render();
  }

  private render(): void {
    const all: Record<Severity, Range[]> = { block: [], warn: [], info: [] };
    for (const ranges of this.byOwner.values()) for (const { severity, range } of ranges) all[severity].push(range);
    for (const severity of Object.keys(all) as Severity[]) {
      const name = HIGHLIGHT_NAMES[severity];
      if (all[severity].length === 0) CSS.highlights.delete(name);
      else CSS.highlights.set(name, new Highlight(...all[severity]));
    }
  }

  /** One small stylesheet per document (and per shadow root that holds a composer), outside any editor. */
  private ensureStyle(node: Node): void {
    const root = node.getRootNode() as Document | ShadowRoot;
    if (this.styled.has(root)) return;
    this.styled.add(root);
    const style = document.createElement('style');
    style.dataset.preflight = 'highlights';
    style.textContent = STYLE;
    if (root instanceof ShadowRoot) root.appendChild(style);
    else (document.head ?? document.documentElement).appendChild(style);
  }
}
