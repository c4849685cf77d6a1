// @vitest-environment happy-dom
/** Applying packs' hot fixes to an adapter: add and replace per field, labels for icon-only controls. */
import { describe, expect, it } from 'vitest';
import { patchAdapter } from '../../../entrypoints/content/platforms/patch';
import {
  defineAdapter,
  isPublishControl,
  replayMode,
  submitKeysFor,
} from '../../../entrypoints/content/platforms/types';
import { AdapterPatch } from '../../../rules/adapters-schema';

const base = defineAdapter({
  id: 'threads',
  matches: ['https://www.threads.com/*'],
  composers: ['div[data-lexical-editor="true"]'],
  publish: ['[role="dialog"] div[role="button"]'],
  publishText: /^(Post)$/,
  container: ['[role="dialog"]'],
  submitKeys: ['mod+enter'],
});
const patch = (value: unknown) => AdapterPatch.parse(value);

function element(html: string): Element {
  document.body.innerHTML = html;
  return document.body.firstElementChild as Element;
}

describe('patchAdapter', () => {
  it('adds selectors after the adapter’s own, and replaces them when asked', () => {
    const added = patchAdapter(base, [patch({ composers: ['textarea.reply'], container: ['form'] })]);
    expect(added.composers).toEqual(['div[data-lexical-editor="true"]', 'textarea.reply']);
    expect(added.container).toEqual(['[role="dialog"]', 'form']);
    const replaced = patchAdapter(base, [patch({ mode: 'replace', composers: ['textarea.reply'] })]);
    expect(replaced.composers).toEqual(['textarea.reply']);
    expect(replaced.publish).toEqual(base.publish);
  });

  it('gates an added icon-only control by its label, and leaves the adapter’s own controls as they were', () => {
    const patched = patchAdapter(base, [
      patch({ publish: ['div.send[role="button"]'], publishText: ['Reply', '返信'] }),
    ]);
    expect(
      isPublishControl(patched, element('<div class="send" role="button" aria-label="返信"><svg></svg></div>')),
    ).toBe(true);
    expect(isPublishControl(patched, element('<div class="send" role="button" aria-label="Like"></div>'))).toBe(false);
    expect(
      isPublishControl(patched, element('<div role="dialog"><div role="button">Post</div></div>').firstElementChild!),
    ).toBe(true);
    expect(isPublishControl(base, element('<div class="send" role="button" aria-label="Reply"></div>'))).toBe(false);
  });

  it('takes labels literally: a label is never a regular expression', () => {
    const patched = patchAdapter(base, [patch({ publish: ['div[role="button"]'], publishText: ['.*'] })]);
    expect(isPublishControl(patched, element('<div role="button">Delete</div>'))).toBe(false);
    expect(isPublishControl(patched, element('<div role="button">.*</div>'))).toBe(true);
  });

  it('adds submit keys to the adapter’s, or replaces them; later packs apply after earlier ones', () => {
    const composer = element('<div data-lexical-editor="true"></div>');
    const added = patchAdapter(base, [patch({ submitKeys: ['enter'] })]);
    expect(submitKeysFor(added, composer).sort()).toEqual(['enter', 'mod+enter']);
    const both = patchAdapter(base, [patch({ submitKeys: ['enter'] }), patch({ mode: 'replace', submitKeys: [] })]);
    expect(submitKeysFor(both, composer)).toEqual([]);
  });

  it('skips a selector this browser cannot use and keeps the rest', () => {
    // A pack that reached the page without the schema's check (the content script never trusts it).
    const patched = patchAdapter(base, [{ mode: 'add', composers: ['div[', 'textarea.ok'] }]);
    expect(patched.composers).not.toContain('div[');
    expect(patched.composers).toContain('textarea.ok');
    expect(patched.composers).toContain('div[data-lexical-editor="true"]');
  });
});

describe('patchAdapter over time', () => {
  it('gives every patchable field, so a pack removed later takes its controls with it', () => {
    const live = { ...base };
    Object.assign(live, patchAdapter(base, [patch({ publish: ['div.send'], publishText: ['Send'] })]));
    expect(isPublishControl(live, element('<div class="send">Send</div>'))).toBe(true);
    Object.assign(live, patchAdapter(base, []));
    expect(isPublishControl(live, element('<div class="send">Send</div>'))).toBe(false);
  });

  it('sets how a chosen post reaches the site, and a later patch without it leaves the adapter’s own', () => {
    expect(replayMode(base)).toBe('press-again');
    const synthetic = patchAdapter(base, [patch({ replay: 'synthetic' })]);
    expect(replayMode(synthetic)).toBe('synthetic');
    expect(replayMode(patchAdapter(base, [patch({ replay: 'synthetic' }), patch({ replay: 'press-again' })]))).toBe(
      'press-again',
    );
    // Applied onto the live adapter (as the content script does), a pack without it puts the default back.
    const live = { ...base };
    Object.assign(live, synthetic);
    Object.assign(live, patchAdapter(base, [patch({ composers: ['textarea.reply'] })]));
    expect(replayMode(live)).toBe('press-again');
  });
});
