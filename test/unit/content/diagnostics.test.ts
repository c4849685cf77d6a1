// @vitest-environment happy-dom
/**
 * "Copy diagnostics": the page's fields and the controls near them as selector paths and naming
 * attributes. What was typed never leaves: not a value, not text, not an attribute that mirrors it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { collectDiagnostics, REDACTED, selectorPath } from '../../../entrypoints/content/diagnostics';
import mastodon from '../../../entrypoints/content/platforms/mastodon';

const SECRETS = {
  textarea: 'Launch date is 12 March, tell nobody',
  editable: 'Q3 numbers: revenue down 14%',
  input: 'Content warning: layoffs',
  valueAttribute: 'draft kept in the value attribute',
  shadow: 'Reply in the shadow root: salary bands',
  button: 'Send to the board',
};

function page(): { textarea: HTMLTextAreaElement; shadowField: HTMLTextAreaElement; host: HTMLElement } {
  document.body.innerHTML = `
    <form class="compose-form" data-testid="composer-form">
      <textarea class="autosuggest-textarea__textarea" placeholder="What's on your mind?" name="status"></textarea>
      <input id="cw-spoiler-input" type="text" placeholder="Write your warning here">
      <input class="legacy" value="${SECRETS.valueAttribute}">
      <div class="compose-form__submit"><button type="submit" aria-label="Post">Publish</button></div>
    </form>
    <section data-view-name="comment-box">
      <div class="tiptap ProseMirror" contenteditable="true" role="textbox" aria-label="${SECRETS.editable}"></div>
      <div role="button" data-testid="comment-post">${SECRETS.button}</div>
      <a class="more" href="/users/alice?token=abc">${SECRETS.button}</a>
    </section>
    <reply-box></reply-box>`;
  const textarea = document.querySelector('textarea')!;
  textarea.value = SECRETS.textarea;
  (document.querySelector('#cw-spoiler-input') as HTMLInputElement).value = SECRETS.input;
  document.querySelector('[contenteditable]')!.textContent = SECRETS.editable;
  const host = document.querySelector<HTMLElement>('reply-box')!;
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<textarea data-testid="reply"></textarea><button type="button">Reply</button>';
  const shadowField = root.querySelector('textarea')!;
  shadowField.value = SECRETS.shadow;
  return { textarea, shadowField, host };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Copy diagnostics', () => {
  it('never holds a field’s value or text, a control’s text, or an attribute that mirrors a draft', () => {
    page();
    const json = JSON.stringify(collectDiagnostics(mastodon, () => undefined, '0.0.0'));
    for (const secret of Object.values(SECRETS)) expect(json).not.toContain(secret);
    // Links' addresses can name people or carry tokens: never read.
    expect(json).not.toContain('token=abc');
    expect(json).toContain(REDACTED);
  });

  it('lists every field (shadow roots too) with its naming attributes, and the controls near it', () => {
    page();
    const diagnostics = collectDiagnostics(mastodon, () => undefined, '0.0.0');
    expect(diagnostics.editables.map((field) => field.tag)).toEqual(['textarea', 'input', 'input', 'div', 'textarea']);
    const [textarea, cw, , editable, shadow] = diagnostics.editables;
    expect(textarea?.attributes).toEqual({
      class: 'autosuggest-textarea__textarea',
      placeholder: "What's on your mind?",
      name: 'status',
    });
    expect(cw?.attributes).toMatchObject({ id: 'cw-spoiler-input', type: 'text' });
    // The form's submit button, named the adapter's publish control; its label is an attribute, its text is not read.
    expect(textarea?.controls).toEqual([
      expect.objectContaining({ tag: 'button', attributes: { type: 'submit', 'aria-label': 'Post' }, publish: true }),
    ]);
    expect(editable?.attributes).toMatchObject({ role: 'textbox', contenteditable: 'true', 'aria-label': REDACTED });
    // Outside a form or dialog, controls a few levels up: on this small page, every one.
    expect(editable?.controls.map((control) => control.attributes['data-testid'] ?? control.tag)).toEqual([
      'button',
      'comment-post',
      'a',
      'button',
    ]);
    expect(shadow?.attributes).toEqual({ 'data-testid': 'reply' });
    // The shadow root's own button, found from the field up across the root.
    expect(shadow?.controls.at(-1)).toMatchObject({ tag: 'button', attributes: { type: 'button' } });
    expect(shadow?.controls.at(-1)?.path).toHaveLength(2);
  });

  it('gives paths that find the element again, one selector per tree', () => {
    const { textarea, shadowField, host } = page();
    const [outer] = selectorPath(textarea);
    expect(document.querySelector(outer!)).toBe(textarea);
    const [hostPath, inner] = selectorPath(shadowField);
    expect(document.querySelector(hostPath!)).toBe(host);
    expect(host.shadowRoot?.querySelector(inner!)).toBe(shadowField);
  });

  it('says which fields Preflight checks and why it leaves the others, and how the adapter’s selectors fare', () => {
    const { textarea } = page();
    (document.querySelector('input.legacy') as HTMLInputElement).disabled = true;
    const diagnostics = collectDiagnostics(
      mastodon,
      (element) => (element === textarea ? 'composer' : undefined),
      '1.2.3',
    );
    expect(diagnostics.editables.map((field) => [field.preflight, field.why])).toEqual([
      ['composer', undefined],
      ['ignored', undefined],
      ['ignored', 'disabled'],
      ['ignored', undefined],
      ['ignored', undefined],
    ]);
    expect(diagnostics.adapter.composers?.find((s) => s.selector === 'form.compose-form textarea')?.matches).toBe(1);
    expect(diagnostics.adapter.container).toEqual([{ selector: 'form.compose-form', matches: 1 }]);
    expect(diagnostics).toMatchObject({ preflight: '1.2.3', platform: 'mastodon', truncated: false });
  });
});
