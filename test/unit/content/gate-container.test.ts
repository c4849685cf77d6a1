// @vitest-environment happy-dom
/**
 * Which composers a publish control posts. A site's title field often sits apart from the body and
 * its Post button (Reddit); the adapter's `container` says that both go out with one press.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Composer } from '../../../entrypoints/content/composer';
import { Gate, type GateHost } from '../../../entrypoints/content/gate';
import { defineAdapter } from '../../../entrypoints/content/platforms/types';

const PAGE = `
  <main>
    <div class="post-form">
      <div class="title-row"><textarea id="title"></textarea></div>
      <div class="body-row"><div id="body" contenteditable="true"></div><button id="post">Post</button></div>
    </div>
    <div class="post-form">
      <div class="body-row"><textarea id="other"></textarea><button id="other-post">Post</button></div>
    </div>
  </main>`;

function gateOn(container: string[]) {
  document.body.innerHTML = PAGE;
  const composers = ['title', 'body', 'other'].map(
    (id) => ({ element: document.getElementById(id) as HTMLElement }) as unknown as Composer,
  );
  const adapter = defineAdapter({
    id: 'reddit',
    matches: ['https://www.reddit.com/*'],
    composers: ['textarea', '[contenteditable]'],
    publish: ['button'],
    container,
    submitKeys: [],
  });
  const host = { adapter, composers: () => composers } as unknown as GateHost;
  const lifetime = new AbortController();
  const gate = new Gate(host, lifetime.signal);
  const ids = (control: string) =>
    gate.composersFor(document.getElementById(control) as Element).map((c) => c.element.id);
  return { ids, stop: () => lifetime.abort() };
}

let stop: () => void = () => undefined;
afterEach(() => {
  stop();
  document.body.innerHTML = '';
});

describe('the composers a publish control posts', () => {
  it('every composer in its container: the title apart from the body and the button', () => {
    const gate = gateOn(['.post-form']);
    stop = gate.stop;
    expect(gate.ids('post')).toEqual(['title', 'body']);
    expect(gate.ids('other-post')).toEqual(['other']);
  });

  it('without a matching container, the composers nearest the control', () => {
    const gate = gateOn(['[role="dialog"]']);
    stop = gate.stop;
    expect(gate.ids('post')).toEqual(['body']);
    expect(gate.ids('other-post')).toEqual(['other']);
  });

  it('a selector the browser refuses is skipped, not thrown', () => {
    const gate = gateOn(['div:unknown-pseudo(', '.post-form']);
    stop = gate.stop;
    expect(gate.ids('post')).toEqual(['title', 'body']);
  });
});
