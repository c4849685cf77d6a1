/**
 * Enterprise policy, read from storage.managed (Chrome's "3rdparty" extension policy, Firefox's
 * policies.json; schema in public/managed_schema.json). Admins set only known keys; a value of the
 * wrong shape is ignored and logged, never allowed to break the extension.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { PackError, parseDocument, validatePack } from '../rules/load';
import type { Pack } from '../rules/schema';
import { verifyPack } from '../rules/signature';

const Key = z.object({ keyId: z.string().regex(/^[0-9a-f]{16}$/), publicKey: z.string().min(1) });
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

export interface ForcedPacks {
  packs: Pack[];
  /** Why a forced pack was refused, for the options page. */
  problems: string[];
}

/** The packs policy forces on every operator, validated (and verified when policy asks). */
export async function forcedPacks(policy: Policy): Promise<ForcedPacks> {
  const packs: Pack[] = [];
  const problems: string[] = [];
  for (const [index, text] of (policy.forcedPacks ?? []).entries()) {
    const where = `policy forcedPacks[${index}]`;
    try {
      const pack = validatePack(parseDocument(text, where), where);
      if (policy.requireSignedPacks || (policy.trustedKeys?.length ?? 0) > 0) {
        const verdict = await verifyPack(pack, policy.trustedKeys ?? []);
        if (!verdict.ok) {
          problems.push(`${where}: refused: ${verdict.reason}`);
          continue;
        }
      }
      packs.push(pack);
    } catch (error) {
      problems.push(error instanceof PackError ? error.message : `${where}: ${(error as Error).message}`);
    }
  }
  return { packs, problems };
}
