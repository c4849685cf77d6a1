/**
 * The built-in pack's patterns, proved when the extension is built (scripts/vite-default-pack.ts):
 * the background takes them as proved, so waking it again proves none of them anew. They must be
 * exactly what proving the bundled pack gives, or a tab would check with stale patterns.
 */
import defaultPack, { patterns } from 'virtual:preflight/default-pack';
import { describe, expect, it, vi } from 'vitest';

describe('the built-in pack’s patterns proved at build time', () => {
  it('are every pattern of the bundled pack, as proving it now gives them', async () => {
    const { preparedPatterns } = await import('../../rules/load');
    const now = preparedPatterns([defaultPack]);
    expect(Object.keys(patterns).sort()).toEqual(Object.keys(now).sort());
    expect(Object.keys(patterns).length).toBeGreaterThan(500);
    expect(JSON.parse(JSON.stringify(now))).toEqual(patterns);
  });

  it('are taken as proved: preparing the built-in pack afterwards parses no pattern', async () => {
    vi.resetModules();
    const regex = await import('../../rules/text/regex');
    const prove = vi.spyOn(regex, 'preparePattern');
    const { adoptProvedPatterns } = await import('../../rules/compile-packs');
    const { preparedPatterns } = await import('../../rules/load');
    adoptProvedPatterns(patterns);
    const prepared = preparedPatterns([defaultPack]);
    expect(prove).not.toHaveBeenCalled();
    const [source] = Object.keys(patterns);
    expect(prepared[source as string]).toBe(patterns[source as string]);
  });
});
