/**
 * Where a span of a textarea is on screen: a hidden mirror with the textarea's box and font, in
 * Preflight's own layer, measured and thrown away. Used for textareas, which have no DOM ranges,
 * and for browsers without the CSS Custom Highlight API.
 */

const COPIED = [
  'boxSizing',
  'width',
  'height',
  'overflowX',
  'overflowY',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontSizeAdjust',
  'lineHeight',
  'fontFamily',
  'textAlign',
  'textTransform',
  'textIndent',
  'letterSpacing',
  'wordSpacing',
  'tabSize',
  'direction',
] as const;

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The part of `element` that can be seen: its box cut by every scrolling or clipping ancestor (a
 * feed that scrolled the composer half out of view) and by the viewport. Boxes never float outside it.
 */
export function visibleRect(element: Element): DOMRect {
  let { left, top, right, bottom } = element.getBoundingClientRect();
  for (let node = element.parentElement; node && node !== document.documentElement; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = node.getBoundingClientRect();
    left = Math.max(left, clip.left);
    top = Math.max(top, clip.top);
    right = Math.min(right, clip.right);
    bottom = Math.min(bottom, clip.bottom);
  }
  left = Math.max(left, 0);
  top = Math.max(top, 0);
  right = Math.min(right, window.innerWidth);
  bottom = Math.min(bottom, window.innerHeight);
  return new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
}

const visible = (rect: DOMRect, clip: DOMRect): Box | undefined => {
  const left = Math.max(rect.left, clip.left);
  const top = Math.max(rect.top, clip.top);
  const right = Math.min(rect.right, clip.right);
  const bottom = Math.min(rect.bottom, clip.bottom);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : undefined;
};

/** Viewport boxes of each span of a textarea's value, clipped to the textarea. */
export function textareaBoxes(
  textarea: HTMLTextAreaElement,
  spans: { start: number; end: number }[],
  layer: HTMLElement,
): Box[][] {
  if (spans.length === 0) return [];
  const rect = textarea.getBoundingClientRect();
  const style = getComputedStyle(textarea);
  const mirror = document.createElement('div');
  for (const property of COPIED) mirror.style[property] = style[property];
  Object.assign(mirror.style, {
    position: 'fixed',
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    visibility: 'hidden',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'break-word',
    overflow: 'hidden',
    pointerEvents: 'none',
  });
  const value = textarea.value;
  const marks: HTMLSpanElement[] = [];
  let last = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, last);
    mirror.append(value.slice(last, start));
    const mark = document.createElement('span');
    mark.textContent = value.slice(start, Math.max(start, span.end)) || '\u200b';
    mirror.append(mark);
    marks.push(mark);
    last = Math.max(start, span.end);
  }
  mirror.append(`${value.slice(last)}\u200b`);
  layer.append(mirror);
  mirror.scrollTop = textarea.scrollTop;
  mirror.scrollLeft = textarea.scrollLeft;
  const clip = visibleRect(textarea);
  const boxes = marks.map((mark) => [...mark.getClientRects()].flatMap((r) => visible(r, clip) ?? []));
  mirror.remove();
  return boxes;
}

/** Viewport boxes of a DOM range, clipped to its composer. */
export function rangeBoxes(range: Range, composer: Element): Box[] {
  const clip = visibleRect(composer);
  return [...range.getClientRects()].flatMap((r) => visible(r, clip) ?? []);
}
