// @vitest-environment happy-dom
/**
 * Composer discovery: what it finds and drops, and that a page which keeps growing costs only what
 * was added (an infinite feed must not rescan the whole document each frame).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FULL_SCAN_MS, watchComposers } from '../../../entrypoints/content/discovery';
import { defineAdapter } from '../../../entrypoints/content/platforms/types';

const adapter = defineAdapter({
  id: 'reddit',
  matches: ['https://www.reddit.com/*'],
  composers: ['textarea.composer', 'div.editor[contenteditable="true"]'],
  publish: ['button.post'],
  container: ['form'],
  submitKeys: [],
  shadowHosts: ['comment-box'],
});

let lifetime: AbortController;
let found: string[];
let passes: Set<HTMLElement>[];

/** Let the observer report, then run the frame's pass. */
async function nextFrame() {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(20);
}

function start() {
  watchComposers(
    adapter,
    {
      found: (element, fallback) => found.push(`${element.id}${fallback ? ' (fallback)' : ''}`),
      pass: (present) => passes.push(present),
    },
    lifetime.signal,
  );
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'performance'] });
  lifetime = new AbortController();
  found = [];
  passes = [];
  document.body.innerHTML = '<main id="feed"><textarea id="first" class="composer"></textarea></main>';
});
afterEach(() => {
  lifetime.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('composer discovery', () => {
  it('finds the composers on the page, then those added later, also inside a shadow root', async () => {
    start();
    await nextFrame();
    expect(found).toEqual(['first']);

    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<div><div id="rich" class="editor" contenteditable="true"></div></div>';
    document.getElementById('feed')!.append(wrapper);
    const host = document.createElement('comment-box');
    host.attachShadow({ mode: 'open' }).innerHTML = '<textarea id="shadowed" class="composer"></textarea>';
    document.body.append(host);
    await nextFrame();
    expect(found).toEqual(['first', 'rich', 'shadowed']);
  });

  it('reports a composer that leaves the page', async () => {
    start();
    await nextFrame();
    document.getElementById('first')!.remove();
    await nextFrame();
    expect(passes.at(-1)?.size).toBe(0);
  });

  it('a growing page is looked at only where it grew, and as a whole at most once a second', async () => {
    start();
    await nextFrame();
    const wholePage = vi.spyOn(document, 'querySelectorAll');
    const feed = document.getElementById('feed')!;
    for (let frame = 0; frame < 10; frame++) {
      const post = document.createElement('article');
      post.innerHTML = `<p>post ${frame}</p>`;
      feed.append(post);
      await nextFrame();
    }
    expect(wholePage).not.toHaveBeenCalled();
    const late = document.createElement('div');
    late.innerHTML = '<textarea id="late" class="composer"></textarea>';
    feed.append(late);
    await nextFrame();
    expect(found).toEqual(['first', 'late']);
    await vi.advanceTimersByTimeAsync(FULL_SCAN_MS + 20);
    expect(wholePage).toHaveBeenCalled();
  });

  it('a composer made usable without being added is found by the next whole pass', async () => {
    document.body.insertAdjacentHTML('beforeend', '<textarea id="later" class="composer" disabled></textarea>');
    start();
    await nextFrame();
    expect(found).toEqual(['first']);
    (document.getElementById('later') as HTMLTextAreaElement).disabled = false;
    document.getElementById('feed')!.append(document.createElement('span'));
    await nextFrame();
    await vi.advanceTimersByTimeAsync(FULL_SCAN_MS + 20);
    expect(found).toContain('later');
  });
});
