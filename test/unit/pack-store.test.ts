import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseDocument, validatePack } from '../../rules/load';
import type { Pack } from '../../rules/schema';
import { generateKeyPair, type KeyPair, type PublicKey, signPack } from '../../rules/signature';
import {
  activate,
  admitPack,
  admitPolicy,
  type Candidate,
  compareVersions,
  readPacks,
  recordActivation,
  removePack,
  type StoredPack,
  signingRules,
  writeTrustedKeys,
} from '../../utils/pack-store';
import type { Policy } from '../../utils/policy';
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
const file = (text: string, origin = 'team.yaml'): Candidate => ({ text, origin, source: 'file' });
const subscription = (text: string, origin = 'https://packs.example.com/team.yaml'): Candidate => ({
  text,
  origin,
  source: 'subscription',
});
const admit = (candidate: Candidate, policy: Policy = {}) => admitPack(candidate, { builtIn, policy });
const publicOf = (key: KeyPair): PublicKey => ({ keyId: key.keyId, publicKey: key.publicKey });
const signed = async (version: string, key: KeyPair, id = 'team') =>
  JSON.stringify(await signPack(validatePack(parseDocument(yaml(version, id), 'x.yaml'), 'x.yaml'), key));

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('the pack store', () => {
  it('compares semantic versions', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
  });

  it('stores a valid pack, then replaces it with a newer version', async () => {
    expect(await admit(file(yaml('1.0.0')))).toMatchObject({ ok: true });
    expect(await admit(file(yaml('1.1.0'), 'team-new.yaml'))).toMatchObject({ ok: true, replaced: '1.0.0' });
    const packs = await readPacks();
    expect(packs.map((p) => [p.pack.id, p.pack.version, p.origin, p.source])).toEqual([
      ['team', '1.1.0', 'team-new.yaml', 'file'],
    ]);
  });

  it('refuses a lower version, a broken pack and the built-in id, storing nothing', async () => {
    await admit(file(yaml('2.0.0')));
    const before = await readPacks();
    expect(await admit(file(yaml('1.0.0'), 'old.yaml'))).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: 'version', message: expect.stringContaining('lower than 2.0.0') })],
    });
    expect((await admit(file('id: [', 'broken.yaml'))).ok).toBe(false);
    expect(await admit(file(yaml('1.0.0', 'builtin'), 'clash.yaml'))).toMatchObject({
      ok: false,
      issues: [{ path: 'id' }],
    });
    expect(await readPacks()).toEqual(before);
  });

  it('does not lose a pack when two are admitted at once', async () => {
    await Promise.all([admit(file(yaml('1.0.0', 'one'))), admit(subscription(yaml('1.0.0', 'two')))]);
    expect((await readPacks()).map((p) => p.pack.id).sort()).toEqual(['one', 'two']);
  });

  it('takes only packs signed with a trusted key, once keys are set', async () => {
    const key = await generateKeyPair();
    const other = await generateKeyPair();
    await writeTrustedKeys([publicOf(key)]);
    expect(await admit(file(yaml('1.0.0'), 'unsigned.yaml'))).toMatchObject({
      ok: false,
      issues: [{ path: 'signature', message: 'refused: the pack is not signed' }],
    });
    expect(await admit(file(await signed('1.0.0', other), 'other.json'))).toMatchObject({
      ok: false,
      issues: [{ path: 'signature' }],
    });
    const tampered = (await signed('1.0.0', key)).replace('"version":"1.0.0"', '"version":"1.0.1"');
    expect(await admit(file(tampered, 'tampered.json'))).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining('does not verify') }],
    });
    expect(await readPacks()).toEqual([]);
    expect(await admit(file(await signed('1.0.0', key), 'signed.json'))).toMatchObject({ ok: true });
  });

  it('removes a pack a person added, never one policy forces', async () => {
    await admitPolicy({ forcedPacks: [yaml('1.0.0', 'forced')] }, builtIn);
    await admit(file(yaml('1.0.0')));
    await removePack('team');
    await removePack('forced');
    expect((await readPacks()).map((p) => p.pack.id)).toEqual(['forced']);
  });
});

describe('the keys in force', () => {
  it('are policy’s alone when it names any, else the options page’s; policy’s packs answer to policy alone', async () => {
    const [policyKey, userKey] = [publicOf(await generateKeyPair()), publicOf(await generateKeyPair())];
    expect(signingRules('file', { trustedKeys: [policyKey] }, [userKey])).toEqual({
      keys: [policyKey],
      required: true,
    });
    expect(signingRules('subscription', {}, [userKey])).toEqual({ keys: [userKey], required: true });
    expect(signingRules('file', { requireSignedPacks: true }, [])).toEqual({ keys: [], required: true });
    expect(signingRules('file', {}, [])).toEqual({ keys: [], required: false });
    // A key a reviewer adds can neither admit nor refuse a pack policy forces.
    expect(signingRules('policy', {}, [userKey])).toEqual({ keys: [], required: false });
  });

  it('refuses a pack signed with the options page’s key once policy names its own keys', async () => {
    const [policyKey, userKey] = [await generateKeyPair(), await generateKeyPair()];
    await writeTrustedKeys([publicOf(userKey)]);
    const policy = { trustedKeys: [publicOf(policyKey)] };
    expect(await admit(file(await signed('1.0.0', userKey)), policy)).toMatchObject({
      ok: false,
      issues: [{ path: 'signature', message: expect.stringContaining('not among the trusted keys') }],
    });
    expect(await admit(file(await signed('1.0.0', policyKey)), policy)).toMatchObject({ ok: true });
  });
  it('never ignores a signature: a signed pack no key in force verifies is refused, even with no keys', async () => {
    const key = await generateKeyPair();
    expect(await admit(file(await signed('1.0.0', key), 'team.json'))).toMatchObject({
      ok: false,
      issues: [{ path: 'signature', message: expect.stringContaining('not among the trusted keys') }],
    });
  });
});

describe('a pack that claims the id of a pack from another source', () => {
  it('is refused with a clear message, and the pack in use stays', async () => {
    await admit(file(yaml('1.0.0')));
    const before = await readPacks();
    const claim = await admit(subscription(yaml('9.0.0')));
    expect(claim).toEqual({
      ok: false,
      issues: [
        {
          file: 'https://packs.example.com/team.yaml',
          path: 'id',
          message:
            'refused: "team" is in use from the file team.yaml; a pack from another source may take its place only when it is signed with the same trusted key',
        },
      ],
    });
    // Another subscription is another source too.
    await admit(subscription(yaml('1.0.0', 'sub'), 'https://a.example/p.yaml'));
    expect((await admit(subscription(yaml('2.0.0', 'sub'), 'https://b.example/p.yaml'))).ok).toBe(false);
    expect((await readPacks()).filter((p) => p.pack.id === 'team')).toEqual(before);
  });

  it('is refused when signed by another trusted key, and takes its place when signed by the same one', async () => {
    const [a, b] = [await generateKeyPair(), await generateKeyPair()];
    await writeTrustedKeys([publicOf(a), publicOf(b)]);
    expect(await admit(file(await signed('1.0.0', a), 'team.json'))).toMatchObject({ ok: true });
    expect(await admit(subscription(await signed('1.1.0', b)))).toMatchObject({ ok: false, issues: [{ path: 'id' }] });
    expect(await admit(subscription(await signed('1.1.0', a)))).toMatchObject({ ok: true, replaced: '1.0.0' });
    expect((await readPacks()).map((p) => [p.pack.id, p.pack.version, p.source])).toEqual([
      ['team', '1.1.0', 'subscription'],
    ]);
  });

  it('cannot take the id of a pack policy forces', async () => {
    await admitPolicy({ forcedPacks: [yaml('3.0.0', 'acme')] }, builtIn);
    expect(await admit(file(yaml('4.0.0', 'acme'), 'acme.yaml'))).toMatchObject({
      ok: false,
      issues: [{ path: 'id', message: expect.stringContaining('in use from enterprise policy') }],
    });
  });
});

describe('the packs policy forces', () => {
  it('are admitted once per policy change, not on every look', async () => {
    const policy = { forcedPacks: [yaml('1.0.0', 'acme')] };
    expect(await admitPolicy(policy, builtIn)).toMatchObject({ problems: [] });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await admitPolicy(structuredClone(policy), builtIn);
    expect(set).not.toHaveBeenCalled();
    await admitPolicy({ forcedPacks: [yaml('1.1.0', 'acme')] }, builtIn);
    expect(set).toHaveBeenCalledTimes(1);
    expect((await readPacks()).map((p) => [p.pack.id, p.pack.version, p.source])).toEqual([
      ['acme', '1.1.0', 'policy'],
    ]);
  });

  it('say why one is refused, keep its last good version, and drop one no longer forced', async () => {
    await admitPolicy({ forcedPacks: [yaml('1.0.0', 'acme'), yaml('1.0.0', 'beta')] }, builtIn);
    const broken = yaml('2.0.0', 'acme').replace('kind: terms', 'kind: magic');
    const admission = await admitPolicy({ forcedPacks: [broken] }, builtIn);
    expect(admission.problems).toEqual([
      expect.stringMatching(
        /^policy forcedPacks\[0\]: rules\[0\]\.kind: unknown rule kind.*version 1\.0\.0 stays in use/,
      ),
    ]);
    expect((await readPacks()).map((p) => [p.pack.id, p.pack.version])).toEqual([['acme', '1.0.0']]);
  });

  it('are verified against policy’s keys when it names any', async () => {
    const key = await generateKeyPair();
    const policy = {
      trustedKeys: [publicOf(key)],
      forcedPacks: [yaml('1.0.0', 'plain'), await signed('1.0.0', key, 'ok')],
    };
    const admission = await admitPolicy(policy, builtIn);
    expect(admission.problems).toEqual(['policy forcedPacks[0]: signature: refused: the pack is not signed']);
    expect((await readPacks()).map((p) => p.pack.id)).toEqual(['ok']);
  });
});

describe('activation', () => {
  it('under requireSignedPacks, keeps a stored pack active only when its signature verifies now', async () => {
    const key = await generateKeyPair();
    // Packs stored before the policy came (or written by something else than the store).
    const plain = validatePack(parseDocument(yaml('1.0.0', 'plain'), 'x.yaml'), 'x.yaml');
    const good = JSON.parse(await signed('1.0.0', key, 'signed'));
    // A signature field is not enough: one that does not verify is no better than none.
    const forged = JSON.parse(await signed('1.0.0', key, 'forged'));
    forged.rules[0].terms = ['changed'];
    const entry = (pack: Pack): StoredPack => ({ pack, origin: `${pack.id}.json`, source: 'file', updated: '' });
    await fakeBrowser.storage.local.set({ packs: [plain, good, forged].map(entry) });
    const packs = await readPacks();
    const policy = { requireSignedPacks: true };
    const marks = (await activate(packs, policy, [publicOf(key)])).map((p) => [p.pack.id, p.inactive]);
    expect(marks).toEqual([
      ['plain', 'the pack is not signed'],
      ['signed', undefined],
      ['forged', 'the signature does not verify: the pack was changed after it was signed'],
    ]);
    // Policy requires signatures but names no key, and the options page has none: nothing verifies.
    expect((await activate(packs, policy, [])).map((p) => p.inactive)).toEqual([
      'the pack is not signed',
      `it is signed with key ${key.keyId}, which is not among the trusted keys`,
      `it is signed with key ${key.keyId}, which is not among the trusted keys`,
    ]);
  });

  it('counts the options page’s keys only while policy names none', async () => {
    const [userKey, policyKey] = [await generateKeyPair(), await generateKeyPair()];
    await writeTrustedKeys([publicOf(userKey)]);
    await admit(file(await signed('1.0.0', userKey)));
    const packs = await readPacks();
    expect((await activate(packs, {}, [publicOf(userKey)]))[0]?.inactive).toBeUndefined();
    expect((await activate(packs, { trustedKeys: [publicOf(policyKey)] }, [publicOf(userKey)]))[0]?.inactive).toBe(
      `it is signed with key ${userKey.keyId}, which is not among the trusted keys`,
    );
    // Taking the key back switches the pack off, with the reason, even when it was the last key.
    expect((await activate(packs, {}, []))[0]?.inactive).toBe(
      `it is signed with key ${userKey.keyId}, which is not among the trusted keys`,
    );
  });

  it('lets a pack policy forces win over one of the same id from elsewhere, and records why', async () => {
    await admit(file(yaml('5.0.0', 'acme'), 'acme.yaml'));
    await admitPolicy({ forcedPacks: [yaml('3.0.0', 'acme')] }, builtIn);
    const activated = await activate(await readPacks(), {}, []);
    expect(activated.map((p) => [p.source, p.pack.version, p.inactive])).toEqual([
      ['policy', '3.0.0', undefined],
      ['file', '5.0.0', 'enterprise policy forces a pack with this id'],
    ]);
    await recordActivation(activated);
    expect((await readPacks()).map((p) => p.inactive)).toEqual([
      undefined,
      'enterprise policy forces a pack with this id',
    ]);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await recordActivation(activated);
    expect(set).not.toHaveBeenCalled();
  });
});
