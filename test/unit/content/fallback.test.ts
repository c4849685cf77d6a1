// @vitest-environment happy-dom
/** The fallback's one obvious send button: gated only when the page leaves no doubt which it is. */
import { afterEach, describe, expect, it } from 'vitest';
import { primaryButton } from '../../../entrypoints/content/fallback';

function editorIn(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.querySelector<HTMLElement>('.editor')!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('primaryButton', () => {
  it('is a form’s only submit button, whatever its label', () => {
    const editor = editorIn(
      '<form><div class="editor" contenteditable="true"></div><button type="button">Attach</button><button class="go">Go</button></form>',
    );
    expect(primaryButton(editor)?.className).toBe('go');
  });

  it('is none when a form has two submit buttons', () => {
    const editor = editorIn(
      '<form><textarea class="editor"></textarea><button type="submit">Save draft</button><button type="submit">Send</button></form>',
    );
    expect(primaryButton(editor)).toBeUndefined();
  });

  it('is a dialog’s only button named like a send (en, ja), and none when two are', () => {
    const one = editorIn(
      '<div role="dialog"><textarea class="editor"></textarea><div role="button">キャンセル</div><div role="button" class="send">投稿する</div></div>',
    );
    expect(primaryButton(one)?.className).toBe('send');
    const two = editorIn(
      '<div role="dialog"><textarea class="editor"></textarea><button>Reply</button><button>Post</button></div>',
    );
    expect(primaryButton(two)).toBeUndefined();
  });

  it('is none outside a form or dialog', () => {
    const editor = editorIn('<div><textarea class="editor"></textarea><button>Send</button></div>');
    expect(primaryButton(editor)).toBeUndefined();
  });
});
