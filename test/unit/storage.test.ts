import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entry, getItems, setTogether, storage } from '../../utils/storage';

beforeEach(() => fakeBrowser.reset());

describe('typed storage items', () => {
  it('reads the empty value when nothing is stored, and what was written after', async () => {
    expect(await storage.sets.get()).toEqual({});
    expect(await storage.profile.get()).toBeUndefined();
    expect(await storage.auditQueue.get()).toEqual({ entries: [], attempts: 0 });
    await storage.sets.set({ 'preflight-default/quiet-period': true });
    expect(await storage.sets.get()).toEqual({ 'preflight-default/quiet-period': true });
  });

  it('reads a value of the wrong shape as empty, with a warning, and leaves it in place', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await browser.storage.local.set({ sets: { 'pack/set': 'yes' }, eventWords: [{ word: '', until: 'soon' }] });
    expect(await storage.sets.get()).toEqual({});
    expect(await storage.eventWords.get()).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"sets"'), expect.anything());
    expect((await browser.storage.local.get('sets')).sets).toEqual({ 'pack/set': 'yes' });
    warn.mockRestore();
  });

  it('a fresh empty value each time: callers may change what they read', async () => {
    const first = await storage.packs.get();
    first.push({ pack: { id: 'x' } as never, origin: 'x.yaml', source: 'file', updated: '2026-12-04' });
    expect(await storage.packs.get()).toEqual([]);
  });

  it('reads several items in one call, and writes several at once', async () => {
    await setTogether(entry(storage.profile, 'creator'), entry(storage.mastodonHosts, ['social.example']));
    const read = await getItems({ profile: storage.profile, hosts: storage.mastodonHosts, sets: storage.sets });
    expect(read).toEqual({ profile: 'creator', hosts: ['social.example'], sets: {} });
  });

  it('tells whether a storage change concerns an item, with its new value parsed', () => {
    expect(storage.profile.changed({ sets: { newValue: {} } })).toBeUndefined();
    expect(storage.profile.changed({ profile: { newValue: 'employee' } })).toBe('employee');
    expect(storage.sets.changed({ sets: {} })).toEqual({});
  });
});
