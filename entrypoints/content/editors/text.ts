/**
 * Reading a composer as the platform will post it: plain text with one line break per paragraph
 * or <br>, and a map from each character back to the DOM so findings can be drawn where they are.
 * It only reads; nothing here writes to the editor.
 */

export interface DraftText {
  text: string;
  /** A DOM range for [start, end) of `text`, or undefined for a textarea (no DOM inside). */
  range(start: number, end: number): Range | undefined;
}

interface Segment {
  node: Text;
  /** Offset of the node's first kept character in the text. */
  start: number;
  /** For each kept character of the node, its offset in node.data (zero-width ones are skipped). */
  offsets: number[] | undefined;
  length: number;
}

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);
// Editors keep these in the DOM for caret placement; they are not part of the post.
const ZERO_WIDTH = /[\u200b\ufeff]/;
const SKIP = 'script, style, template, [data-preflight-ignore], .ql-clipboard';

/**
 * A textarea or an input, told by name: an element of a same-origin frame belongs to that frame's
 * window, where `instanceof HTMLTextAreaElement` (this window's class) is false.
 */
export function isTextField(element: Element): element is HTMLTextAreaElement | HTMLInputElement {
  return element.localName === 'textarea' || element.localName === 'input';
}

/** Read a textarea or a contenteditable root. */
export function readComposer(element: Element): DraftText {
  if (isTextField(element)) {
    return { text: element.value, range: () => undefined };
  }
  return readEditable(element);
}

function isBlock(element: Element): boolean {
  return BLOCK.has(element.tagName);
}

/** The last element or text node with content inside `block`, to tell a trailing <br> from a line break. */
function endsBlock(br: Element, block: Element): boolean {
  for (let node: Node | null = br; node && node !== block; node = node.parentNode) {
    let next = node.nextSibling;
    while (next && next.nodeType === Node.TEXT_NODE && (next as Text).data === '') next = next.nextSibling;
    if (next) return false;
  }
  return true;
}

function readEditable(root: Element): DraftText {
  const segments: Segment[] = [];
  let text = '';
  let pendingBreak = false;

  const flush = () => {
    if (pendingBreak && text.length > 0) text += '\n';
    pendingBreak = false;
  };

  const walk = (node: Node, block: Element) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) return;
      flush();
      if (!ZERO_WIDTH.test(data)) {
        segments.push({ node: node as Text, start: text.length, offsets: undefined, length: data.length });
        text += data;
        return;
      }
      const offsets: number[] = [];
      let kept = '';
      for (let i = 0; i < data.length; i++) {
        if (ZERO_WIDTH.test(data[i]!)) continue;
        offsets.push(i);
        kept += data[i];
      }
      if (kept.length === 0) return;
      segments.push({ node: node as Text, start: text.length, offsets, length: kept.length });
      text += kept;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.matches(SKIP)) return;
    if (element.tagName === 'BR') {
      flush();
      if (!endsBlock(element, block)) text += '\n';
      return;
    }
    const blockLevel = isBlock(element);
    if (blockLevel) pendingBreak = true;
    for (let child = element.firstChild; child; child = child.nextSibling) walk(child, blockLevel ? element : block);
    if (blockLevel) pendingBreak = true;
  };

  for (let child = root.firstChild; child; child = child.nextSibling) walk(child, root);

  const locate = (offset: number, preferEnd: boolean): [Node, number] | undefined => {
    for (const segment of segments) {
      const end = segment.start + segment.length;
      if (offset < segment.start) return [segment.node, segment.offsets ? segment.offsets[0]! : 0];
      if (offset < end || (preferEnd && offset === end)) {
        const local = offset - segment.start;
        const inNode = segment.offsets ? (segment.offsets[local] ?? segment.offsets[local - 1]! + 1) : local;
        return [segment.node, inNode];
      }
    }
    const last = segments[segments.length - 1];
    return last ? [last.node, last.node.data.length] : undefined;
  };

  return {
    text,
    range(start, end) {
      const from = locate(start, false);
      const to = locate(end, true);
      if (!from || !to) return undefined;
      const range = root.ownerDocument.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1]);
      return range;
    },
  };
}
