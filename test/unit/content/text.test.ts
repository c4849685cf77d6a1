// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readComposer } from '../../../entrypoints/content/editors/text';

const editable = (html: string) => {
  const root = document.createElement('div');
  root.contentEditable = 'true';
  root.innerHTML = html;
  document.body.append(root);
  return root;
};

describe('reading a composer as the platform will post it', () => {
  it('reads a textarea’s value', () => {
    const textarea = document.createElement('textarea');
    textarea.value = 'line one\nline two';
    expect(readComposer(textarea).text).toBe('line one\nline two');
    expect(readComposer(textarea).range(0, 4)).toBeUndefined();
  });

  it('reads Lexical paragraphs, line breaks and empty lines', () => {
    const root = editable(
      '<p dir="ltr"><span data-lexical-text="true">Spring sale</span></p>' +
        '<p><br></p>' +
        '<p><span data-lexical-text="true">line</span><br><span data-lexical-text="true">break</span></p>' +
        '<p><span data-lexical-text="true">ends with break</span><br><br></p>',
    );
    expect(readComposer(root).text).toBe('Spring sale\n\nline\nbreak\nends with break\n');
  });

  it('reads Draft.js blocks, including an empty one', () => {
    const block = (text: string) =>
      `<div data-block="true"><div class="public-DraftStyleDefault-block"><span data-offset-key="x"><span data-text="true">${text}</span></span></div></div>`;
    const empty =
      '<div data-block="true"><div class="public-DraftStyleDefault-block"><span data-offset-key="y"><br data-text="true"></span></div></div>';
    const root = editable(`<div data-contents="true">${block('first')}${empty}${block('third')}</div>`);
    expect(readComposer(root).text).toBe('first\n\nthird');
  });

  it('skips zero-width characters editors keep for the caret, and maps offsets around them', () => {
    const root = editable('<p>ab\u200bcd</p><p>\ufeff</p><p>ef</p>');
    const draft = readComposer(root);
    expect(draft.text).toBe('abcd\n\nef');
    const range = draft.range(1, 3);
    expect(range?.toString()).toBe('b\u200bc');
  });

  it('maps text offsets to DOM ranges across nodes and lines', () => {
    const root = editable('<p><span>Hello </span><strong>big</strong> world</p><p>second</p>');
    const draft = readComposer(root);
    expect(draft.text).toBe('Hello big world\nsecond');
    expect(draft.range(6, 9)?.toString()).toBe('big');
    expect(draft.range(10, 22)?.toString()).toBe('worldsecond');
  });

  it('ignores Quill’s hidden clipboard and scripts', () => {
    const root = editable('<p>visible</p><div class="ql-clipboard">hidden</div><script>x()</script>');
    expect(readComposer(root).text).toBe('visible');
  });
});
