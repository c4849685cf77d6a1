/**
 * Enterprise policy, read from storage.managed (Chrome's "3rdparty" extension policy, Firefox's
 * policies.json; schema in public/managed_schema.json). Admins set only known keys; a value of the
 * wrong shape is ignored and logged, never allowed to break the extension. The packs it forces are
 * admitted once per policy change, by the same path as every other pack (pack-store.ts).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';

/** A trusted public key, as `preflight pack keygen` writes it in NAME.pub.json. */
export const Key = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  /** Whose key (`pack keygen NAME` writes it): shown beside a team state or an approval it signed. */
  name: z.string().max(100).optional(),
  publicKey: z.string().min(1),
});
export const Policy = z.object({
  forcedPacks: z.array(z.string()).optional(),
  setSwitches: z.record(z.string(), z.boolean()).optional(),
  trustedKeys: z.array(Key).optional(),
  requireSignedPacks: z.boolean().optional(),
  allowOverride: z.boolean().optional(),
  failMode: z.enum(['open', 'closed']).optional(),
  auditLimit: z.number().int().min(100).max(1_000_000).optional(),
  lockedRules: z.array(z.string()).optional(),
  auditCollector: z.string().url().optional(),
  /** The posting profile every operator works under (a pack's profile id); reviewers cannot change it. */
  profile: z.string().min(1).optional(),
  /** Public keys of the reviewers whose approval codes may release `approvable` block findings. */
  reviewerKeys: z.array(Key).optional(),
  /** A signed team state (`preflight state set`), as JSON text: verified against trustedKeys. */
  teamState: z.string().max(64_000).optional(),
});
export type Policy = z.infer<typeof Policy>;

export async function readPolicy(): Promise<Policy> {
  let raw: Record<string, unknown> = {};
  try {
    raw = await browser.storage.managed.get();
  } catch {
    return {}; // No managed storage here (or no schema): no policy.
  }
  const policy: Policy = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = Policy.shape[key as keyof Policy];
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success) Object.assign(policy, { [key]: parsed.data });
    else console.warn(`Preflight: policy ${key} ignored: ${parsed.error.issues[0]?.message}`);
  }
  return policy;
}
