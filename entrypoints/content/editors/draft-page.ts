/**
 * The part of a Draft.js fix under Firefox that runs in the page's own world (MAIN), where Draft's
 * EditorState lives: a content script of its own (entrypoints/draft-bridge.content.ts) on the sites
 * whose composers are Draft. It only reads, and answers two questions about the editor's model: where
 * its selection is (the fix is typed only when Draft's own selection is the span, or it would land
 * at Draft's old caret in the model alone), and whether it holds a given text (what Post would send).
 * The content script asks with a DOM event on the editor and gets the answer in the same dispatch, as
 * with Quill (quill-page.ts). The page could forge an answer, but it owns its Draft anyway.
 */
import { answerInPageWorld } from './page-world';

export type DraftRequest = { op: 'selection' } | { op: 'holds'; text: string };

/** The span Draft's selection covers in its plain text, whether it holds the text asked about. */
export interface DraftAnswer {
  selection?: { start: number; end: number };
  holds?: boolean;
}

export const DRAFT_EVENTS = { ask: 'preflight:draft-ask', answer: 'preflight:draft-answer' } as const;

interface DraftBlock {
  getKey(): string;
  getLength(): number;
}
interface DraftEditorState {
  getSelection(): {
    getAnchorKey(): string;
    getAnchorOffset(): number;
    getFocusKey(): string;
    getFocusOffset(): number;
  };
  getCurrentContent(): { getBlocksAsArray(): DraftBlock[]; getPlainText(delimiter: string): string };
}
interface Fiber {
  return: Fiber | null;
  stateNode: unknown;
}

/**
 * The DraftEditor component behind its editable root: React keeps the root's fiber on the node
 * (`__reactFiber$…`, or `__reactInternalInstance$…` before React 17); the nearest component above it
 * holding `_latestEditorState` is the editor. That field, not `props.editorState`, is what Draft's
 * own input handlers read, so it is what a typed fix will start from.
 */
function editorStateOf(root: HTMLElement): DraftEditorState | undefined {
  const key = Object.keys(root).find((k) => k.startsWith('__reactFiber$') || k.startsWith('__reactInternalInstance$'));
  let fiber = key ? ((root as unknown as Record<string, Fiber | undefined>)[key] ?? null) : null;
  for (let depth = 0; fiber && depth < 20; depth++, fiber = fiber.return) {
    const state = (fiber.stateNode as { _latestEditorState?: DraftEditorState } | null)?._latestEditorState;
    if (state && typeof state.getSelection === 'function') return state;
  }
  return undefined;
}

/** Draft's selection as offsets in its plain text (blocks joined by one line break, as the post is). */
function selectionOffsets(state: DraftEditorState): { start: number; end: number } | undefined {
  const selection = state.getSelection();
  const starts = new Map<string, number>();
  let at = 0;
  for (const block of state.getCurrentContent().getBlocksAsArray()) {
    starts.set(block.getKey(), at);
    at += block.getLength() + 1;
  }
  const anchor = starts.get(selection.getAnchorKey());
  const focus = starts.get(selection.getFocusKey());
  if (anchor === undefined || focus === undefined) return undefined;
  const a = anchor + selection.getAnchorOffset();
  const b = focus + selection.getFocusOffset();
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

export function installDraftBridge(): void {
  answerInPageWorld<DraftRequest>(DRAFT_EVENTS, (target, request) => {
    const state = editorStateOf(target);
    if (!state) return undefined;
    try {
      if (request.op === 'selection') return { selection: selectionOffsets(state) };
      return { holds: state.getCurrentContent().getPlainText('\n') === request.text };
    } catch {
      return undefined;
    }
  });
}
