// @vitest-environment happy-dom
/**
 * The adapters' own judgements on the structures issue 12's evidence describes: which post type a
 * composer writes and which keys publish from it. The browser suites (test/e2e/platforms) run the
 * same structures with the real editors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import facebook from '../../../entrypoints/content/platforms/facebook';
import instagram from '../../../entrypoints/content/platforms/instagram';
import linkedin from '../../../entrypoints/content/platforms/linkedin';
import mastodon from '../../../entrypoints/content/platforms/mastodon';
import reddit from '../../../entrypoints/content/platforms/reddit';
import { type PlatformAdapter, submitKeysFor } from '../../../entrypoints/content/platforms/types';
import x from '../../../entrypoints/content/platforms/x';
import youtube from '../../../entrypoints/content/platforms/youtube';

function mount(html: string, selector: string): HTMLElement {
  document.body.innerHTML = html;
  return document.querySelector<HTMLElement>(selector)!;
}
const isComposer = (adapter: PlatformAdapter, element: Element) => element.matches(adapter.composers.join(', '));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('adapters on the structures of the evidence', () => {
  it('Facebook: the Create post dialog in form[method=POST] is a post (no Enter); a comment box posts on Enter', () => {
    const post = mount(
      `<div role="dialog" aria-label="Create post"><form method="POST"><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="What's on your mind?"></div></form></div>`,
      '[role="textbox"]',
    );
    expect(facebook.postType?.(post)).toBe('post');
    expect(submitKeysFor(facebook, post)).toEqual([]);
    const comment = mount(
      `<div role="dialog" aria-label="Brand's post"><form><div role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a comment…"></div></form></div>`,
      '[role="textbox"]',
    );
    expect(facebook.postType?.(comment)).toBe('comment');
    expect(submitKeysFor(facebook, comment)).toEqual(['enter']);
  });

  it('Mastodon: the content warning is a composer; a form holding .reply-indicator writes a reply', () => {
    const cw = mount(
      `<form class="compose-form"><div class="reply-indicator"></div><input id="cw-spoiler-input" class="spoiler-input__input" type="text"><textarea></textarea></form>`,
      '#cw-spoiler-input',
    );
    expect(isComposer(mastodon, cw)).toBe(true);
    expect(mastodon.postType?.(cw)).toBe('reply');
    expect(mastodon.postType?.(document.querySelector('textarea')!)).toBe('reply');
    const plain = mount(`<form class="compose-form"><textarea></textarea></form>`, 'textarea');
    expect(mastodon.postType?.(plain)).toBe('post');
  });

  it('LinkedIn SDUI: TipTap in a comment box is a comment; the share dialog is a post', () => {
    const comment = mount(
      `<div data-view-name="comment-box"><div class="tiptap ProseMirror" contenteditable="true" role="textbox"></div></div>`,
      '.tiptap',
    );
    expect(isComposer(linkedin, comment)).toBe(true);
    expect(linkedin.postType?.(comment)).toBe('comment');
    const share = mount(
      `<div role="dialog"><div class="tiptap ProseMirror" contenteditable="true" role="textbox"></div></div>`,
      '.tiptap',
    );
    expect(linkedin.postType?.(share)).toBe('post');
  });

  it('Reddit: an editor in shreddit-simple-composer’s shadow root is a comment', () => {
    const host = mount('<shreddit-simple-composer></shreddit-simple-composer>', 'shreddit-simple-composer');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div contenteditable="true" role="textbox" data-lexical-editor="true"></div>';
    const editor = root.querySelector<HTMLElement>('[role="textbox"]')!;
    expect(isComposer(reddit, editor)).toBe(true);
    expect(reddit.postType?.(editor)).toBe('comment');
  });

  it('YouTube: the community post dialog’s commentbox writes a post, not a comment', () => {
    const editor = mount(
      `<ytd-backstage-post-dialog-renderer><ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox></ytd-backstage-post-dialog-renderer>`,
      '#contenteditable-root',
    );
    expect(youtube.postType?.(editor)).toBe('post');
  });

  it('X mobile: the textarea under the tweetTextarea wrapper is a composer', () => {
    const area = mount(`<div data-testid="tweetTextarea_0"><textarea></textarea></div>`, 'textarea');
    expect(isComposer(x, area)).toBe(true);
  });

  it('Instagram: the contenteditable and Reels input comment fields post on Enter; the caption does not', () => {
    const reel = mount(`<form><input placeholder="Add a comment…" type="text"></form>`, 'input');
    expect(isComposer(instagram, reel)).toBe(true);
    expect(submitKeysFor(instagram, reel)).toEqual(['enter']);
    expect(instagram.postType?.(reel)).toBe('comment');
    const caption = mount(
      `<div role="dialog"><div role="textbox" contenteditable="true" aria-label="Write a caption..."></div></div>`,
      '[role="textbox"]',
    );
    expect(submitKeysFor(instagram, caption)).toEqual([]);
    expect(instagram.postType?.(caption)).toBe('caption');
  });
});
