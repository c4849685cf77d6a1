import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseDocument, validatePack } from '../../rules/load';
import { generateKeyPair, signPack } from '../../rules/signature';
import { compareVersions, importPack, readPacks, removePack, signingRules } from '../../utils/pack-store';
import { testPack } from '../helpers/pack';

const builtIn = [testPack([], { id: 'builtin' })];
const yaml = (version: string, id = 'team') => `id: ${id}
name: Team
version: ${version}
locales: [en]
sets: [{ id: s, title: S }]
manual: [{ id: m, title: M, body: B }]
rules: [{ id: r, set: s, kind: terms, category: risk, severity: warn, manual: m, message: x, terms: [a] }]
`;

beforeEach(() => fakeBrowser.reset());

describe('the pack store', () => {
  it('compares semantic versions', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
  });

  it('stores a valid pack, then replaces it with a newer version', async () => {
    expect(await importPack(yaml('1.0.0'), 'team.yaml', 'file', builtIn)).toMatchObject({ ok: true });
    expect(await importPack(yaml('1.1.0'), 'team.yaml', 'file', builtIn)).toMatchObject({
      ok: true,
      replaced: '1.0.0',
    });
    const packs = await readPacks();
    expect(packs.map((p) => [p.pack.id, p.pack.version, p.origin, p.source])).toEqual([
      ['team', '1.1.0', 'team.yaml', 'file'],
    ]);
  });

  it('refuses a lower version, a broken pack and the built-in id, storing nothing', async () => {
    await importPack(yaml('2.0.0'), 'team.yaml', 'file', builtIn);
    const before = await readPacks();
    const older = await importPack(yaml('1.0.0'), 'old.yaml', 'file', builtIn);
    expect(older).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: 'version', message: expect.stringContaining('lower than 2.0.0') })],
    });
    const broken = await importPack('id: [', 'broken.yaml', 'file', builtIn);
    expect(broken.ok).toBe(false);
    const clash = await importPack(yaml('1.0.0', 'builtin'), 'clash.yaml', 'file', builtIn);
    expect(clash).toMatchObject({ ok: false, issues: [{ path: 'id' }] });
    expect(await readPacks()).toEqual(before);
  });

  it('takes only packs signed with a trusted key, once keys are set', async () => {
    const key = await generateKeyPair();
    const other = await generateKeyPair();
    const pack = validatePack(parseDocument(yaml('1.0.0'), 'team.yaml'), 'team.yaml');
    const signed = JSON.stringify(await signPack(pack, key));
    const trusted = [{ keyId: key.keyId, publicKey: key.publicKey }];
    expect(await importPack(yaml('1.0.0'), 'unsigned.yaml', 'file', builtIn, trusted)).toMatchObject({
      ok: false,
      issues: [{ path: 'signature', message: 'refused: the pack is not signed' }],
    });
    const byOther = JSON.stringify(await signPack(pack, other));
    expect(await importPack(byOther, 'other.json', 'file', builtIn, trusted)).toMatchObject({
      ok: false,
      issues: [{ path: 'signature' }],
    });
    const tampered = signed.replace('"version":"1.0.0"', '"version":"1.0.1"');
    expect(await importPack(tampered, 'tampered.json', 'file', builtIn, trusted)).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('does not verify') }],
    });
    expect(await readPacks()).toEqual([]);
    expect(await importPack(signed, 'signed.json', 'file', builtIn, trusted)).toMatchObject({ ok: true });
  });

  it('removes a pack', async () => {
    await importPack(yaml('1.0.0'), 'team.yaml', 'file', builtIn);
    await removePack('team');
    expect(await readPacks()).toEqual([]);
  });

  it('follows the policy the background last saw: required signatures, and its trusted keys', async () => {
    await fakeBrowser.storage.local.set({ lastPolicy: { requireSignedPacks: true } });
    expect(await signingRules()).toEqual({ keys: [], required: true });
    expect(await importPack(yaml('1.0.0'), 'team.yaml', 'file', builtIn)).toMatchObject({
      ok: false,
      issues: [{ path: 'signature' }],
    });
    const key = await generateKeyPair();
    const trusted = { keyId: key.keyId, publicKey: key.publicKey };
    await fakeBrowser.storage.local.set({ lastPolicy: { trustedKeys: [trusted] } });
    expect(await signingRules()).toEqual({ keys: [trusted], required: true });
    const pack = validatePack(parseDocument(yaml('1.0.0'), 'team.yaml'), 'team.yaml');
    expect(await importPack(JSON.stringify(await signPack(pack, key)), 'signed.json', 'file', builtIn)).toMatchObject({
      ok: true,
    });
  });
});
