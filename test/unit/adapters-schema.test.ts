/** Packs' adapter hot fixes: what the schema accepts and refuses, with the message an admin reads. */
import { describe, expect, it } from 'vitest';
import { selectorProblem } from '../../rules/adapters-schema';
import { loadPack } from '../../rules/load';

const pack = (adapters: unknown) =>
  JSON.stringify({ id: 'hotfix', name: 'Hot fix', version: '1.0.0', locales: ['en'], adapters });

describe('adapters in a pack', () => {
  it('accepts selectors, exact labels and keys per platform, with add as the default mode', () => {
    const loaded = loadPack(
      pack({
        threads: {
          composers: ['div[contenteditable="true"][aria-label^="Reply to"]'],
          publish: ['div[role="button"]:has(> svg[aria-label="Reply"])'],
          publishText: ['Reply', '返信'],
          submitKeys: ['mod+enter'],
          note: 'Threads inline reply, seen 2026-12-01',
        },
      }),
      'hotfix.json',
    );
    expect(loaded.adapters?.threads?.mode).toBe('add');
    expect(loaded.adapters?.threads?.publishText).toEqual(['Reply', '返信']);
  });

  it('refuses a selector that does not parse, naming the field and the selector', () => {
    expect(() => loadPack(pack({ x: { publish: ['button[data-testid="tweetButton"'] } }), 'hotfix.json')).toThrow(
      /adapters\.x\.publish\[0\].*button\[data-testid="tweetButton"/s,
    );
  });

  it('refuses pseudo-elements and non-structural pseudo-classes', () => {
    expect(selectorProblem('div::before')).toMatch(/pseudo-element/);
    expect(selectorProblem('button:hover')).toMatch(/:hover is not allowed/);
    expect(selectorProblem('div:has(> span:focus)')).toMatch(/:focus is not allowed/);
    expect(selectorProblem('div:not(.x):nth-child(2) > [role="button"]')).toBeUndefined();
  });

  it('refuses code, unknown fields, unknown platforms and unbounded labels', () => {
    expect(() => loadPack(pack({ x: { publish: ['button'], onPress: 'alert(1)' } }), 'f.json')).toThrow(/onPress/);
    expect(() => loadPack(pack({ myspace: { publish: ['button'] } }), 'f.json')).toThrow(/myspace/);
    expect(() => loadPack(pack({ x: { publishText: ['x'.repeat(41)] } }), 'f.json')).toThrow(/publishText/);
    expect(() => loadPack(pack({ x: { submitKeys: ['alt+enter'] } }), 'f.json')).toThrow(/submitKeys/);
    expect(() => loadPack(pack({ x: { composers: Array(21).fill('div') } }), 'f.json')).toThrow(/composers/);
  });

  it('takes how a chosen post reaches the site (`replay`), only as one of its two modes', () => {
    const loaded = loadPack(pack({ mastodon: { replay: 'synthetic', note: 'accepts a scripted press' } }), 'f.json');
    expect(loaded.adapters?.mastodon?.replay).toBe('synthetic');
    expect(() => loadPack(pack({ x: { replay: 'script' } }), 'f.json')).toThrow(/adapters\.x\.replay/);
    expect(() => loadPack(pack({ x: { replay: true } }), 'f.json')).toThrow(/replay/);
  });
});
