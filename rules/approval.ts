/**
 * Four-eyes approval with no server. The operator copies a request (the draft, its findings, the
 * platform and profile, the SHA-256 of the draft's exact text) and sends it through the team's own
 * chat; a reviewer re-checks the draft with their own packs and signs an approval code: an Ed25519
 * signature over the draft's hash, the released rule ids, the expiry and the note. The gate accepts
 * the code only for the very same text, before it expires, from a reviewer key in force, and only
 * when it releases every `block` finding left (each one a rule its pack marks `approvable`). Pure.
 */
import { z } from 'zod';
import { Pack, Platform, Severity } from './schema';
import { type KeyPair, keyName, type PublicKey, signDocument, verifyDocument } from './signature';

export const REQUEST_PREFIX = 'preflight-approval-request:';
export const CODE_PREFIX = 'preflight-approval:';
const HASH = z.string().regex(/^[0-9a-f]{64}$/);

export const ApprovalRequest = z.strictObject({
  format: z.literal('preflight-approval-request/1'),
  draft: z.string().max(100_000),
  draftHash: HASH,
  platform: Platform,
  profile: z.string().max(100).optional(),
  findings: z.array(z.strictObject({ ruleId: z.string(), severity: Severity, message: z.string().max(2000) })).max(500),
  created: z.iso.datetime({ offset: true }),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;

export const Approval = z.strictObject({
  format: z.literal('preflight-approval/1'),
  draftHash: HASH,
  /** The `block` rules it releases, sorted. */
  rules: z.array(z.string().min(1)).min(1).max(100),
  expires: z.iso.datetime({ offset: true }),
  note: z.string().trim().min(1).max(1000),
  signature: Pack.shape.signature,
});
export type Approval = z.infer<typeof Approval>;

/** Base64 of UTF-8 JSON: one line that survives a chat client. */
const encode = (value: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};
function decode(text: string, prefix: string): unknown {
  const body = text.trim();
  if (!body.startsWith(prefix)) throw new Error(`it does not start with "${prefix}"`);
  const binary = atob(body.slice(prefix.length).replace(/\s+/g, ''));
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
}

export const encodeRequest = (request: ApprovalRequest) => `${REQUEST_PREFIX}${encode(request)}`;
export const encodeApproval = (approval: Approval) => `${CODE_PREFIX}${encode(approval)}`;

export function decodeRequest(text: string): { ok: true; request: ApprovalRequest } | { ok: false; error: string } {
  try {
    const parsed = ApprovalRequest.safeParse(decode(text, REQUEST_PREFIX));
    return parsed.success
      ? { ok: true, request: parsed.data }
      : { ok: false, error: `not an approval request: ${parsed.error.issues[0]?.path.join('.')}` };
  } catch (error) {
    return { ok: false, error: `not an approval request: ${(error as Error).message}` };
  }
}

export function decodeApproval(text: string): { ok: true; approval: Approval } | { ok: false; error: string } {
  try {
    const parsed = Approval.safeParse(decode(text, CODE_PREFIX));
    return parsed.success
      ? { ok: true, approval: parsed.data }
      : { ok: false, error: `not an approval code: ${parsed.error.issues[0]?.path.join('.')}` };
  } catch (error) {
    return { ok: false, error: `not an approval code: ${(error as Error).message}` };
  }
}

export interface ApprovalTerms {
  draftHash: string;
  rules: readonly string[];
  expires: string;
  note: string;
}

export function signApproval(terms: ApprovalTerms, key: KeyPair): Promise<Approval> {
  return signDocument(
    Approval.parse({ format: 'preflight-approval/1', ...terms, rules: [...new Set(terms.rules)].sort() }),
    key,
  );
}

export interface Situation {
  /** SHA-256 of the draft as it is now. */
  draftHash: string;
  /** The `block` findings' rule ids left in the draft now. */
  blockRules: readonly string[];
  /** Whether the operator's own packs let a reviewer release this rule. */
  approvable: (ruleId: string) => boolean;
  reviewerKeys: readonly PublicKey[];
  now?: Date;
}

export type Accepted =
  | { ok: true; approval: Approval; reviewer: string; keyId: string }
  | { ok: false; reason: string };

/** Whether an approval code releases this draft now; the reason, for the operator, when it does not. */
export async function acceptApproval(code: string, situation: Situation): Promise<Accepted> {
  const decoded = decodeApproval(code);
  if (!decoded.ok) return { ok: false, reason: decoded.error };
  const { approval } = decoded;
  if (situation.reviewerKeys.length === 0) return { ok: false, reason: 'no reviewer keys are set' };
  const verdict = await verifyDocument(approval, situation.reviewerKeys, 'the approval');
  if (!verdict.ok)
    return {
      ok: false,
      reason: verdict.reason.includes('not among the trusted keys')
        ? `it is signed with key ${approval.signature?.keyId}, which is not a reviewer key`
        : verdict.reason,
    };
  if (approval.draftHash !== situation.draftHash)
    return { ok: false, reason: 'it approves another text: the draft was edited after the request' };
  if (Date.parse(approval.expires) <= (situation.now ?? new Date()).getTime())
    return { ok: false, reason: `it expired at ${approval.expires}` };
  const left = situation.blockRules.filter((rule) => !approval.rules.includes(rule));
  if (left.length > 0) return { ok: false, reason: `it does not release ${left.join(', ')}` };
  const refused = situation.blockRules.filter((rule) => !situation.approvable(rule));
  if (refused.length > 0) return { ok: false, reason: `no reviewer may release ${refused.join(', ')}` };
  const key = situation.reviewerKeys.find((k) => k.keyId === verdict.keyId);
  return { ok: true, approval, reviewer: keyName(key, verdict.keyId), keyId: verdict.keyId };
}

/** The rules of these packs a reviewer may release (a later pack's rule of the same id decides). */
export function approvableRules(packs: readonly Pack[]): Set<string> {
  const approvable = new Map<string, boolean>();
  for (const pack of packs) for (const rule of pack.rules) approvable.set(rule.id, rule.approvable === true);
  return new Set([...approvable].filter(([, yes]) => yes).map(([id]) => id));
}
