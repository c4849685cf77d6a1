// @vitest-environment happy-dom
/**
 * The page-world Draft bridge (editors/draft-page.ts) and its content-script side (askDraft): it finds
 * Draft's EditorState from the editable root's React fiber, says where Draft's selection is in the
 * plain text, and whether the model holds a text; it stays silent for anything else.
 */
import { ContentState, EditorState, SelectionState } from 'draft-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { askDraft } from '../../../entrypoints/content/editors/draft';
import { installDraftBridge } from '../../../entrypoints/content/editors/draft-page';

/** A Draft editable root as React leaves it: a fiber whose component above holds `_latestEditorState`. */
function draftRoot(state: EditorState | undefined, fiberKey = '__reactFiber$x1y2z3'): HTMLElement {
  const root = document.createElement('div');
  root.className = 'public-DraftEditor-content';
  root.contentEditable = 'true';
  document.body.append(root);
  const editor = { return: null, stateNode: { _latestEditorState: state, props: {} } };
  const contents = { return: editor, stateNode: null };
  Object.assign(root, { [fiberKey]: { return: contents, stateNode: root } });
  return root;
}

/** `text` with Draft's selection from (anchor block, offset) to (focus block, offset). */
function stateWith(text: string, anchor: [number, number], focus: [number, number]): EditorState {
  const content = ContentState.createFromText(text);
  const keys = content.getBlocksAsArray().map((block) => block.getKey());
  const key = (index: number) => keys[index] ?? '';
  const selection = SelectionState.createEmpty(key(anchor[0])).merge({
    anchorKey: key(anchor[0]),
    anchorOffset: anchor[1],
    focusKey: key(focus[0]),
    focusOffset: focus[1],
    isBackward: anchor[0] > focus[0] || (anchor[0] === focus[0] && anchor[1] > focus[1]),
  });
  return EditorState.acceptSelection(EditorState.createWithContent(content), selection);
}

describe('the Draft bridge', () => {
  beforeAll(() => installDraftBridge());

  it("gives Draft's selection as plain-text offsets: blocks joined by one line break, UTF-16 units", () => {
    // "Morning 👋🏽\nWatch it on Youtube today": "Youtube" is [12, 19) of the second block.
    const first = 'Morning 👋🏽';
    const root = draftRoot(stateWith(`${first}\nWatch it on Youtube today`, [1, 12], [1, 19]));
    expect(askDraft(root, { op: 'selection' })?.selection).toEqual({
      start: first.length + 1 + 12,
      end: first.length + 1 + 19,
    });
  });

  it('orders a backward selection, and one across blocks', () => {
    const root = draftRoot(stateWith('one\ntwo\nthree', [2, 2], [0, 1]));
    expect(askDraft(root, { op: 'selection' })?.selection).toEqual({ start: 1, end: 'one\ntwo\n'.length + 2 });
  });

  it('says whether the model holds a text, exactly', () => {
    const root = draftRoot(stateWith('Watch it on YouTube\ntoday', [0, 0], [0, 0]));
    expect(askDraft(root, { op: 'holds', text: 'Watch it on YouTube\ntoday' })?.holds).toBe(true);
    expect(askDraft(root, { op: 'holds', text: 'Watch it on YouTube today' })?.holds).toBe(false);
  });

  it('finds the editor through React 16’s fiber key too', () => {
    const root = draftRoot(stateWith('abc', [0, 1], [0, 2]), '__reactInternalInstance$q9');
    expect(askDraft(root, { op: 'selection' })?.selection).toEqual({ start: 1, end: 2 });
  });

  it('does not answer for an element that is not a Draft editor, so the fix is refused', () => {
    const plain = document.createElement('div');
    plain.contentEditable = 'true';
    document.body.append(plain);
    expect(askDraft(plain, { op: 'selection' })).toBeUndefined();
    expect(askDraft(draftRoot(undefined), { op: 'holds', text: '' })).toBeUndefined();
  });

  it('ignores a request that is not its own JSON', () => {
    const root = draftRoot(stateWith('abc', [0, 0], [0, 3]));
    const answers: unknown[] = [];
    root.addEventListener('preflight:draft-answer', (event) => answers.push((event as CustomEvent).detail));
    root.dispatchEvent(new CustomEvent('preflight:draft-ask', { detail: '{not json', bubbles: true }));
    root.dispatchEvent(new CustomEvent('preflight:draft-ask', { detail: { op: 'selection' }, bubbles: true }));
    expect(answers).toEqual([]);
  });
});
