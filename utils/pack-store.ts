import { PackError, type PackIssue, parseDocument, validatePack } from '../rules/load';
import type { Pack } from '../rules/schema';
import { canonicalJson, type PublicKey, verifyPack } from '../rules/signature';
import { sha256Hex } from './hash';
import type { Policy } from './policy';
import { entry, type PackSource, type PolicyAdmission, type StoredPack, setTogether, storage } from './storage';

export type { PackSource, StoredPack };

export type Refusal = { ok: false; issues: PackIssue[] };
export type ImportResult = { ok: true; stored: StoredPack; replaced?: string } | Refusal;

export interface Candidate {
  text: string;
  origin: string;
  source: PackSource;
}

export const readPacks = (): Promise<StoredPack[]> => storage.packs.get();

/** Compare semantic versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0]!.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The keys an admin added in the options page (used only while policy names none). */
export const readTrustedKeys = (): Promise<PublicKey[]> => storage.trustedKeys.get();

export const writeTrustedKeys = (keys: readonly PublicKey[]): Promise<void> => storage.trustedKeys.set([...keys]);

export interface SigningRules {
  keys: PublicKey[];
  /** Whether a pack must carry a signature that verifies against one of `keys`. */
  required: boolean;
}

/**
 * The keys in force for a pack from this source: policy's alone when it names any, else the
 * options page's. A pack policy forces answers to policy alone, so a key a reviewer adds can
 * neither admit nor refuse it. Signatures are required once any key is in force, or when policy
 * says so.
 */
export function signingRules(source: PackSource, policy: Policy, userKeys: readonly PublicKey[]): SigningRules {
  const policyKeys = policy.trustedKeys ?? [];
  const keys = source === 'policy' || policyKeys.length > 0 ? policyKeys : userKeys;
  return { keys: [...keys], required: policy.requireSignedPacks === true || keys.length > 0 };
}

/** Writes to the store one after another, so two admissions at once cannot drop each other's packs. */
let writes: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = writes.then(task, task);
  writes = run.catch(() => undefined);
  return run;
}

const refusal = (origin: string, path: string, message: string): Refusal => ({
  ok: false,
  issues: [{ file: origin, path, message }],
});

/** Subscriptions are told apart by URL; every file import is the same source (a person's hand). */
const sourceKey = (entry: { source: PackSource; origin: string }) =>
  entry.source === 'subscription' ? `subscription ${entry.origin}` : entry.source;

function describeSource(entry: StoredPack): string {
  if (entry.source === 'policy') return 'enterprise policy';
  if (entry.source === 'subscription') return `the subscription ${entry.origin}`;
  return `the file ${entry.origin}`;
}

/** What every pack goes through: parse, validate, and verify its signature when one is required. */
async function examine(
  candidate: Candidate,
  builtIn: readonly Pack[],
  rules: SigningRules,
): Promise<{ ok: true; pack: Pack; signedBy?: string } | Refusal> {
  const { text, origin } = candidate;
  let pack: Pack;
  try {
    pack = validatePack(parseDocument(text, origin), origin);
  } catch (error) {
    if (error instanceof PackError) return { ok: false, issues: error.issues };
    return { ok: false, issues: [{ file: origin, path: '', message: (error as Error).message }] };
  }
  if (builtIn.some((p) => p.id === pack.id)) {
    return refusal(origin, 'id', `"${pack.id}" is the built-in pack's id; give your pack its own id`);
  }
  // A signature is never ignored: one that no key in force verifies refuses the pack.
  if (!rules.required && !pack.signature) return { ok: true, pack };
  const verdict = await verifyPack(pack, rules.keys);
  if (!verdict.ok) return refusal(origin, 'signature', `refused: ${verdict.reason}`);
  return { ok: true, pack, signedBy: verdict.keyId };
}

export interface AdmissionContext {
  builtIn: readonly Pack[];
  /** The policy in force now. */
  policy: Policy;
}

/**
 * Admit a pack from a file or a subscription: examine it, refuse an id already in use from another
 * source unless the pack is signed with the same trusted key as the one in use, refuse a lower
 * version, then store it (replacing the older version of the same id).
 */
export function admitPack(candidate: Candidate, context: AdmissionContext): Promise<ImportResult> {
  return serially(async () => {
    const { origin } = candidate;
    if (candidate.source === 'policy') return refusal(origin, '', 'policy packs are admitted with the policy');
    const rules = signingRules(candidate.source, context.policy, await readTrustedKeys());
    const examined = await examine(candidate, context.builtIn, rules);
    if (!examined.ok) return examined;
    const { pack, signedBy } = examined;
    const packs = await readPacks();
    const claimed = packs.find((entry) => entry.pack.id === pack.id && sourceKey(entry) !== sourceKey(candidate));
    if (claimed && !(signedBy && claimed.pack.signature?.keyId === signedBy)) {
      return refusal(
        origin,
        'id',
        `refused: "${pack.id}" is in use from ${describeSource(claimed)}; a pack from another source may take its place only when it is signed with the same trusted key`,
      );
    }
    const current = packs.find((entry) => entry.pack.id === pack.id && entry.source !== 'policy');
    if (current && compareVersions(pack.version, current.pack.version) < 0) {
      return refusal(
        origin,
        'version',
        `version ${pack.version} is lower than ${current.pack.version}, the one in use; it stays`,
      );
    }
    const stored: StoredPack = { pack, origin, source: candidate.source, updated: new Date().toISOString() };
    const next = current ? packs.map((entry) => (entry === current ? stored : entry)) : [...packs, stored];
    await storage.packs.set(next);
    return { ok: true, stored, ...(current ? { replaced: current.pack.version } : {}) };
  });
}

/** What a policy's admission depends on: its packs and its signing rules. */
const policyDigest = (policy: Policy) =>
  sha256Hex(
    canonicalJson({
      forcedPacks: policy.forcedPacks ?? [],
      trustedKeys: policy.trustedKeys ?? [],
      requireSignedPacks: policy.requireSignedPacks ?? false,
    }),
  );

/** The id a pack's text claims, when it parses that far (to keep the last good version of a broken one). */
function claimedId(text: string, origin: string): string | undefined {
  try {
    const id = (parseDocument(text, origin) as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Admit the packs a policy forces, once per change of policy (its packs or keys): each is examined
 * like any other pack against the policy's own keys. A forced pack whose new text is refused keeps
 * its last good version from the previous policy; a pack no longer forced goes.
 */
export function admitPolicy(policy: Policy, builtIn: readonly Pack[]): Promise<PolicyAdmission> {
  return serially(async () => {
    const digest = await policyDigest(policy);
    const admitted = await storage.policyAdmission.get();
    if (admitted?.digest === digest) return admitted;
    const packs = await readPacks();
    const previous = packs.filter((entry) => entry.source === 'policy');
    const rules = signingRules('policy', policy, []);
    const forced: StoredPack[] = [];
    const problems: string[] = [];
    for (const [index, text] of (policy.forcedPacks ?? []).entries()) {
      const origin = `policy forcedPacks[${index}]`;
      const examined = await examine({ text, origin, source: 'policy' }, builtIn, rules);
      if (!examined.ok) {
        const problem = new PackError(examined.issues).message;
        const id = claimedId(text, origin);
        const kept = previous.find((entry) => entry.pack.id === id && !forced.some((f) => f.pack.id === id));
        if (kept) forced.push(kept);
        problems.push(kept ? `${problem} (version ${kept.pack.version} stays in use)` : problem);
        continue;
      }
      const { pack } = examined;
      if (forced.some((entry) => entry.pack.id === pack.id)) {
        problems.push(`${origin}: id: refused: another forced pack already has the id "${pack.id}"`);
        continue;
      }
      const same = previous.find(
        (entry) => canonicalJson(entry.pack) === canonicalJson(pack) && entry.origin === origin,
      );
      forced.push(same ?? { pack, origin, source: 'policy', updated: new Date().toISOString() });
    }
    const admission: PolicyAdmission = { digest, problems };
    await setTogether(
      entry(storage.packs, [...forced, ...packs.filter((stored) => stored.source !== 'policy')]),
      entry(storage.policyAdmission, admission),
    );
    return admission;
  });
}

/**
 * Which stored packs are active now, each verified at this moment against the keys in force for
 * its source; every other one says why not. A pack policy forces wins over one of the same id from
 * elsewhere. Packs keep their stored order: policy's first, then the rest as they were added.
 */
export async function activate(
  packs: readonly StoredPack[],
  policy: Policy,
  userKeys: readonly PublicKey[],
): Promise<StoredPack[]> {
  const forcedIds = new Set<string>();
  const result: StoredPack[] = [];
  for (const entry of [...packs].sort((a, b) => Number(b.source === 'policy') - Number(a.source === 'policy'))) {
    let inactive: string | undefined;
    const rules = signingRules(entry.source, policy, userKeys);
    if (entry.source !== 'policy' && forcedIds.has(entry.pack.id)) {
      inactive = 'enterprise policy forces a pack with this id';
    } else if (rules.required || entry.pack.signature) {
      const verdict = await verifyPack(entry.pack, rules.keys);
      if (!verdict.ok) inactive = verdict.reason;
    }
    if (!inactive && entry.source === 'policy') forcedIds.add(entry.pack.id);
    const { inactive: _was, ...rest } = entry;
    result.push(inactive ? { ...rest, inactive } : rest);
  }
  return result;
}

/**
 * Record each pack's activation in the store (the options page shows why a pack is off, and open
 * composers reload when a pack goes on or off). Only the `inactive` marks change; a pack admitted
 * or removed meanwhile is left as it is.
 */
export function recordActivation(activated: readonly StoredPack[]): Promise<void> {
  return serially(async () => {
    const packs = await readPacks();
    const mark = (entry: StoredPack) =>
      activated.find(
        (a) =>
          a.source === entry.source &&
          a.origin === entry.origin &&
          a.pack.id === entry.pack.id &&
          a.pack.version === entry.pack.version,
      )?.inactive;
    if (packs.every((entry) => mark(entry) === entry.inactive)) return;
    const next = packs.map((entry) => {
      const { inactive: _was, ...rest } = entry;
      const inactive = mark(entry);
      return inactive ? { ...rest, inactive } : rest;
    });
    await storage.packs.set(next);
  });
}

/** Remove a pack a person added (a file, or a subscription's); what policy forces stays. */
export function removePack(id: string, origin?: string): Promise<void> {
  return serially(async () => {
    const packs = await readPacks();
    const removed = (entry: StoredPack) =>
      entry.source !== 'policy' && entry.pack.id === id && (origin === undefined || entry.origin === origin);
    await storage.packs.set(packs.filter((entry) => !removed(entry)));
  });
}
