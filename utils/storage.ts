/**
 * Everything Preflight keeps in storage.local, in one place: one typed item per key, with the schema
 * of what is stored and the value read when nothing is. Reads go through the schema, so a value of
 * the wrong shape (written by an older version, or by hand) reads as the empty value with a warning
 * instead of breaking a page; it is not overwritten until the next write. Large collections whose
 * entries were validated on the way in (packs, the audit log) are checked for their shape only.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Pack } from '../rules/schema';
import { Severity } from '../rules/schema';
import { TeamState } from '../rules/team-state';
import type { AuditRecord } from './audit';
import { Key, Policy } from './policy';

export interface StorageItem<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  /** The new value when a storage.onChanged event changed this item, else undefined. */
  changed(changes: Record<string, { newValue?: unknown }>): T | undefined;
}

function item<S extends z.ZodType>(key: string, schema: S, empty: () => z.output<S>): StorageItem<z.output<S>> {
  const read = (raw: unknown): z.output<S> => {
    if (raw === undefined) return empty();
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    console.warn(`Preflight: storage "${key}" has an unexpected shape and reads as empty`, parsed.error.issues[0]);
    return empty();
  };
  return {
    key,
    async get() {
      const stored = await browser.storage.local.get(key);
      return read(stored[key]);
    },
    async set(value) {
      await browser.storage.local.set({ [key]: value });
    },
    async remove() {
      await browser.storage.local.remove(key);
    },
    changed(changes) {
      return key in changes ? read(changes[key]?.newValue) : undefined;
    },
  };
}

/** Read several items in one storage call (the background assembles its state from many). */
export async function getItems<const T extends Record<string, StorageItem<unknown>>>(
  items: T,
): Promise<{ [K in keyof T]: T[K] extends StorageItem<infer V> ? V : never }> {
  const keys = Object.values(items).map((entry) => entry.key);
  const stored = await browser.storage.local.get(keys);
  const changes = Object.fromEntries(keys.map((key) => [key, { newValue: stored[key] }]));
  return Object.fromEntries(Object.entries(items).map(([name, entry]) => [name, entry.changed(changes)])) as {
    [K in keyof T]: T[K] extends StorageItem<infer V> ? V : never;
  };
}

/** One item's key and value, typed by the item: for `setTogether`. */
export const entry = <T>(target: StorageItem<T>, value: T): readonly [string, T] => [target.key, value];

/** Write several items in one storage call, so that no reader sees one changed without the other. */
export async function setTogether(...entries: ReadonlyArray<readonly [string, unknown]>): Promise<void> {
  await browser.storage.local.set(Object.fromEntries(entries));
}

export const RuleOverride = z.union([Severity, z.literal('off')]);
export type RuleOverride = z.infer<typeof RuleOverride>;
/** Reviewers' set switches: { "pack/set": on }. */
export const SetSwitches = z.record(z.string(), z.boolean());
export type SetSwitches = z.infer<typeof SetSwitches>;

export const PackSource = z.enum(['file', 'subscription', 'policy']);
export type PackSource = z.infer<typeof PackSource>;
export const StoredPack = z.object({
  /** Validated and verified when admitted (pack-store.ts), verified again at each activation. */
  pack: z.custom<Pack>((value) => typeof value === 'object' && value !== null && 'id' in value),
  /** Where it came from: a file's name, a subscription URL, the policy entry. */
  origin: z.string(),
  source: PackSource,
  /** When it was stored (ISO time). */
  updated: z.string(),
  /** Why it is not active now (set by the background when it activates packs); absent when it is. */
  inactive: z.string().optional(),
});
export type StoredPack = z.infer<typeof StoredPack>;

/** The result of admitting the packs a policy forces: a digest of what was admitted, and what was refused. */
export const PolicyAdmission = z.object({ digest: z.string(), problems: z.array(z.string()) });
export type PolicyAdmission = z.infer<typeof PolicyAdmission>;

const Failure = z.object({ time: z.string(), message: z.string() });

export const Subscription = z.object({
  url: z.string(),
  etag: z.string().optional(),
  /** The pack it delivered last (its id and version), once one validated. */
  packId: z.string().optional(),
  version: z.string().optional(),
  lastChecked: z.string().optional(),
  /** The last failure, kept until an update succeeds. */
  lastError: Failure.optional(),
});
export type Subscription = z.infer<typeof Subscription>;

export const EventWord = z.object({
  word: z.string().trim().min(1).max(100),
  /** When it stops applying (ISO time). */
  until: z.string().datetime(),
});
export type EventWord = z.infer<typeof EventWord>;

export const HeldTeamState = z.object({
  state: TeamState,
  /** The subscription URL, or "policy". */
  origin: z.string(),
  keyId: z.string(),
  /** The signing key's name (or its id when the key has none). */
  signer: z.string(),
  received: z.string(),
});
export type HeldTeamState = z.infer<typeof HeldTeamState>;

export const TeamStateRecord = z.object({
  /** The team state subscription, if any. */
  url: z.string().optional(),
  etag: z.string().optional(),
  lastChecked: z.string().optional(),
  current: HeldTeamState.optional(),
  lastError: Failure.optional(),
  /** When an expiry last passed (the state's or one of its event words'): open composers recompile. */
  expired: z.string().optional(),
});
export type TeamStateRecord = z.infer<typeof TeamStateRecord>;

export const SealedKey = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().max(100).optional(),
  publicKey: z.string(),
  iterations: z.number().int().min(100_000),
  salt: z.string(),
  iv: z.string(),
  /** The 32-byte Ed25519 secret key, AES-GCM encrypted. */
  sealed: z.string(),
});
export type SealedKey = z.infer<typeof SealedKey>;

/** Entries were validated when they were recorded (utils/audit.ts); the log is read for its shape only. */
const AuditEntries = z.array(z.custom<AuditRecord>((value) => typeof value === 'object' && value !== null));
export const AuditQueue = z.object({
  entries: AuditEntries,
  /** Failed attempts in a row; the next retry waits 2^attempts minutes (at most an hour). */
  attempts: z.number(),
});
export type AuditQueue = z.infer<typeof AuditQueue>;

export const storage = {
  packs: item('packs', z.array(StoredPack), () => []),
  /** The digest of the policy whose forced packs are in "packs", and what it refused. */
  policyAdmission: item('policyAdmission', PolicyAdmission.optional(), () => undefined),
  /** The keys an admin added in the options page (used only while policy names none). */
  trustedKeys: item('trustedKeys', z.array(Key), () => []),
  subscriptions: item('subscriptions', z.array(Subscription), () => []),
  sets: item('sets', SetSwitches, () => ({})),
  ruleOverrides: item('ruleOverrides', z.record(z.string(), RuleOverride), () => ({})),
  /** The posting profile a reviewer picked (brand, creator, …). */
  profile: item('profile', z.string().optional(), () => undefined),
  /** Words of a current disaster or tragedy, each with its expiry (utils/event-words.ts). */
  eventWords: item('eventWords', z.array(EventWord), () => []),
  /** The last policy read from storage.managed, so a restart does not wait for Chrome's policy load. */
  lastPolicy: item('lastPolicy', Policy, () => ({})),
  /** The team state in force, its subscription and its last refusal (utils/team-state.ts). */
  teamState: item('teamState', TeamStateRecord, () => ({})),
  /** Reviewers' public keys set in the options page (used only while policy names none). */
  reviewerKeys: item('reviewerKeys', z.array(Key), () => []),
  /** A reviewer's private key, sealed with their passphrase (utils/sealed-key.ts). */
  reviewerSecret: item('reviewerSecret', SealedKey.optional(), () => undefined),
  /** The team's signing key for team states, sealed the same way (utils/sealed-key.ts). */
  teamSecret: item('teamSecret', SealedKey.optional(), () => undefined),
  audit: item('audit', AuditEntries, () => []),
  /** Entries waiting for the audit collector (utils/collector.ts). */
  auditQueue: item('auditQueue', AuditQueue, () => ({ entries: [], attempts: 0 })),
  /** Mastodon instances a reviewer enabled (their host permission was granted). */
  mastodonHosts: item('mastodonHosts', z.array(z.string()), () => []),
} as const;
