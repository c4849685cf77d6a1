/**
 * The packs beside the built-in one, kept in storage.local under "packs": where each came from and
 * when. A new pack replaces an older version of the same id; a lower version is refused and the one
 * in use stays. Packs are validated with the same loader as the CLI before anything is stored, so a
 * broken pack is never half-applied.
 */
import { browser } from 'wxt/browser';
import { PackError, type PackIssue, parseDocument, validatePack } from '../rules/load';
import type { Pack } from '../rules/schema';
import { type PublicKey, verifyPack } from '../rules/signature';
import { STORAGE_KEYS } from './messages';

export interface StoredPack {
  pack: Pack;
  /** Where it came from: a file's name, a subscription URL. */
  origin: string;
  source: 'file' | 'subscription' | 'policy';
  /** When it was stored (ISO time). */
  updated: string;
}

export type ImportResult = { ok: true; stored: StoredPack; replaced?: string } | { ok: false; issues: PackIssue[] };

export async function readPacks(): Promise<StoredPack[]> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.packs);
  return (stored[STORAGE_KEYS.packs] ?? []) as StoredPack[];
}

/** Compare semantic versions: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0]!.split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** The keys an admin added in the options page (policy can add more). */
export async function readTrustedKeys(): Promise<PublicKey[]> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.trustedKeys);
  return (stored[STORAGE_KEYS.trustedKeys] ?? []) as PublicKey[];
}

export async function writeTrustedKeys(keys: readonly PublicKey[]): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.trustedKeys]: keys });
}

/**
 * What a pack must satisfy to be taken: the trusted keys (the options page's and the policy's, as
 * the background last saw it), and whether a signature is required (any key set, or policy says so).
 */
export async function signingRules(): Promise<{ keys: PublicKey[]; required: boolean }> {
  const stored = await browser.storage.local.get([STORAGE_KEYS.trustedKeys, STORAGE_KEYS.lastPolicy]);
  const policy = (stored[STORAGE_KEYS.lastPolicy] ?? {}) as { trustedKeys?: PublicKey[]; requireSignedPacks?: boolean };
  const keys = [...(policy.trustedKeys ?? []), ...((stored[STORAGE_KEYS.trustedKeys] ?? []) as PublicKey[])];
  return { keys, required: policy.requireSignedPacks === true || keys.length > 0 };
}

/** Validate a pack file's text and store it; nothing changes when it is refused. */
export async function importPack(
  text: string,
  origin: string,
  source: StoredPack['source'],
  builtIn: readonly Pack[],
  trusted?: readonly PublicKey[],
): Promise<ImportResult> {
  let pack: Pack;
  try {
    pack = validatePack(parseDocument(text, origin), origin);
  } catch (error) {
    if (error instanceof PackError) return { ok: false, issues: error.issues };
    return { ok: false, issues: [{ file: origin, path: '', message: (error as Error).message }] };
  }
  if (builtIn.some((p) => p.id === pack.id)) {
    return {
      ok: false,
      issues: [
        { file: origin, path: 'id', message: `"${pack.id}" is the built-in pack's id; give your pack its own id` },
      ],
    };
  }
  const rules = trusted ? { keys: [...trusted], required: trusted.length > 0 } : await signingRules();
  if (rules.required) {
    const verdict = await verifyPack(pack, rules.keys);
    if (!verdict.ok)
      return { ok: false, issues: [{ file: origin, path: 'signature', message: `refused: ${verdict.reason}` }] };
  }
  const packs = await readPacks();
  const current = packs.find((p) => p.pack.id === pack.id);
  if (current && compareVersions(pack.version, current.pack.version) < 0) {
    return {
      ok: false,
      issues: [
        {
          file: origin,
          path: 'version',
          message: `version ${pack.version} is lower than ${current.pack.version}, the one in use; it stays`,
        },
      ],
    };
  }
  const stored: StoredPack = { pack, origin, source, updated: new Date().toISOString() };
  const next = current ? packs.map((p) => (p === current ? stored : p)) : [...packs, stored];
  await browser.storage.local.set({ [STORAGE_KEYS.packs]: next });
  return { ok: true, stored, ...(current ? { replaced: current.pack.version } : {}) };
}

export async function removePack(id: string): Promise<void> {
  const packs = await readPacks();
  await browser.storage.local.set({ [STORAGE_KEYS.packs]: packs.filter((p) => p.pack.id !== id) });
}
