/**
 * Four-eyes approval end to end without a browser: an operator's request, `preflight approve` with
 * the reviewer's key, and the gate's check of the code; an edited draft, an expired code, a code
 * from an unknown key, a code for other rules and a rule no reviewer may release are each refused
 * with a message that says which.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInPack } from '../../cli/builtin-pack';
import { main } from '../../cli/main';
import {
  acceptApproval,
  approvableRules,
  decodeApproval,
  encodeApproval,
  encodeRequest,
  type Situation,
  signApproval,
} from '../../rules/approval';
import { generateKeyPair, type KeyPair, type PublicKey } from '../../rules/signature';

const dir = mkdtempSync(join(tmpdir(), 'preflight-approve-'));
const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: async () => '' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const request = (draft: string, ruleIds: string[]) =>
  encodeRequest({
    format: 'preflight-approval-request/1',
    draft,
    draftHash: hash(draft),
    platform: 'x',
    profile: 'regulated-health',
    findings: ruleIds.map((ruleId) => ({ ruleId, severity: 'block', message: ruleId })),
    created: '2026-12-04T10:00:00.000Z',
  });

describe('the default pack decides per rule what a reviewer may release', () => {
  it('releases disaster-timed promotions and health claims, never card numbers or credentials', () => {
    const approvable = approvableRules([builtInPack()]);
    for (const id of ['risk.disaster-promo', 'risk.quiet-period-promo', 'legal.health-disease-claim'])
      expect(approvable.has(id)).toBe(true);
    for (const id of ['pii.payment-card', 'pii.secret-credential', 'pii.my-number', 'risk.slur'])
      expect(approvable.has(id)).toBe(false);
  });
});

describe('request → preflight approve → the gate', () => {
  const draft = 'Our tea cures anxiety and prevents colds.';
  let reviewer: KeyPair;
  let stranger: KeyPair;
  let keys: PublicKey[];
  let code: string;
  const situation = (over: Partial<Situation> = {}): Situation => ({
    draftHash: hash(draft),
    blockRules: ['legal.health-disease-claim'],
    approvable: (rule) => approvableRules([builtInPack()]).has(rule),
    reviewerKeys: keys,
    now: new Date(),
    ...over,
  });

  beforeAll(async () => {
    await run(['pack', 'keygen', join(dir, 'legal')]);
    reviewer = JSON.parse(readFileSync(join(dir, 'legal.key.json'), 'utf8')) as KeyPair;
    stranger = await generateKeyPair('stranger');
    keys = [{ keyId: reviewer.keyId, name: reviewer.name, publicKey: reviewer.publicKey }];
    const file = join(dir, 'request.txt');
    writeFileSync(file, request(draft, ['legal.health-disease-claim']));
    const approved = await run([
      'approve',
      file,
      '--key',
      join(dir, 'legal.key.json'),
      '--note',
      'Reviewed by legal: claim backed by the clinical file',
      '--hours',
      '4',
    ]);
    expect(approved.code).toBe(0);
    expect(approved.out).toContain('legal.health-disease-claim');
    code = approved.out.split('\n').at(-1)!;
  });

  it('signs the draft hash, the released rules, the expiry and the note, and the gate accepts it', async () => {
    const decoded = decodeApproval(code);
    expect(decoded).toMatchObject({
      ok: true,
      approval: {
        draftHash: hash(draft),
        rules: ['legal.health-disease-claim'],
        note: expect.stringContaining('legal'),
      },
    });
    expect(await acceptApproval(code, situation())).toMatchObject({
      ok: true,
      reviewer: 'legal',
      keyId: reviewer.keyId,
    });
  });

  it('refuses an edited draft, an expired code, an unknown key, other rules, a changed code', async () => {
    expect(await acceptApproval(code, situation({ draftHash: hash(`${draft} `) }))).toEqual({
      ok: false,
      reason: 'it approves another text: the draft was edited after the request',
    });
    expect(await acceptApproval(code, situation({ now: new Date(Date.now() + 5 * 3_600_000) }))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^it expired at /),
    });
    expect(
      await acceptApproval(
        code,
        situation({ reviewerKeys: [{ keyId: stranger.keyId, publicKey: stranger.publicKey }] }),
      ),
    ).toEqual({ ok: false, reason: `it is signed with key ${reviewer.keyId}, which is not a reviewer key` });
    expect(
      await acceptApproval(code, situation({ blockRules: ['legal.health-disease-claim', 'risk.disaster-promo'] })),
    ).toEqual({ ok: false, reason: 'it does not release risk.disaster-promo' });
    const decoded = decodeApproval(code);
    if (!decoded.ok) throw new Error(decoded.error);
    const widened = encodeApproval({ ...decoded.approval, rules: ['legal.health-disease-claim', 'pii.payment-card'] });
    expect(await acceptApproval(widened, situation())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('the approval was changed after it was signed'),
    });
    expect(await acceptApproval('hello', situation())).toMatchObject({ ok: false, reason: /not an approval code/ });
  });

  it('never releases a rule the operator’s packs do not mark approvable, even with a valid signature', async () => {
    const forged = await signApproval(
      { draftHash: hash(draft), rules: ['pii.payment-card'], expires: '2099-01-01T00:00:00Z', note: 'ok' },
      reviewer,
    );
    expect(await acceptApproval(encodeApproval(forged), situation({ blockRules: ['pii.payment-card'] }))).toEqual({
      ok: false,
      reason: 'no reviewer may release pii.payment-card',
    });
  });

  it('refuses to approve a card number, a request whose draft was changed, and a missing note', async () => {
    const card = 'Is this the card you used: 5555 5555 5555 4444?';
    const refused = await run(['approve', request(card, []), '--key', join(dir, 'legal.key.json'), '--note', 'fine']);
    expect(refused).toMatchObject({
      code: 1,
      err: expect.stringContaining('no reviewer may release pii.payment-card'),
    });
    const tampered = request(draft, ['legal.health-disease-claim']).replace(/.$/, 'A');
    expect((await run(['approve', tampered, '--key', join(dir, 'legal.key.json'), '--note', 'x'])).code).not.toBe(0);
    const noNote = await run(['approve', request(draft, []), '--key', join(dir, 'legal.key.json')]);
    expect(noNote).toMatchObject({ code: 2, err: expect.stringContaining('approve needs --note') });
  });
});

describe("a reviewer's key kept in the options page", () => {
  it('is stored encrypted with the passphrase, opens only with it, and signs codes that verify', async () => {
    const { openKey, sealKey } = await import('../../utils/sealed-key');
    const key = await generateKeyPair('legal');
    const sealed = await sealKey(key, 'correct horse battery', 100_000);
    expect(JSON.stringify(sealed)).not.toContain(key.secretKey);
    expect(sealed).toMatchObject({ keyId: key.keyId, name: 'legal', publicKey: key.publicKey });
    await expect(openKey(sealed, 'wrong horse battery')).rejects.toThrow('the passphrase is wrong');
    await expect(openKey({ ...sealed, keyId: '0000000000000000' }, 'correct horse battery')).rejects.toThrow();
    await expect(sealKey(key, 'short')).rejects.toThrow(/10 characters/);
    const opened = await openKey(sealed, 'correct horse battery');
    expect(opened.secretKey).toBe(key.secretKey);
    const draftHash = hash('x');
    const code = encodeApproval(
      await signApproval(
        { draftHash, rules: ['risk.disaster-promo'], expires: '2099-01-01T00:00:00Z', note: 'ok' },
        opened,
      ),
    );
    expect(
      await acceptApproval(code, {
        draftHash,
        blockRules: ['risk.disaster-promo'],
        approvable: () => true,
        reviewerKeys: [{ keyId: key.keyId, publicKey: key.publicKey }],
      }),
    ).toMatchObject({ ok: true, reviewer: key.keyId });
  });
});
