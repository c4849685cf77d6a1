/**
 * The background owns what every tab shares: the active packs, the reviewers' set switches and the
 * audit log. Content scripts ask for the state and listen to storage changes.
 */
import defaultPack from 'virtual:preflight/default-pack';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { AUDIT_LIMIT, AuditEntry, appendBounded } from '../utils/audit';
import { flushQueue, postJson, type Queue, RETRY_ALARM, retryDelayMinutes } from '../utils/collector';
import { activeEventWords, EVENT_EXPIRY_ALARM, pruneEventWords, readEventWords } from '../utils/event-words';
import { type ActiveState, type Request, type RuleOverride, STORAGE_KEYS } from '../utils/messages';
import { readPacks } from '../utils/pack-store';
import { forcedPacks, type Policy, readPolicy } from '../utils/policy';
import { REFRESH_ALARM, REFRESH_MINUTES, refreshAll, subscribe } from '../utils/subscriptions';

/**
 * Chrome answers storage.managed only once its policies have loaded, seconds after start. The
 * background reads it in the background and keeps the last answer in storage.local: states are
 * built at once from that, and open pages reload when the fresh policy differs.
 */
let policyRead: Promise<Policy> | undefined;
function refreshPolicy(): Promise<Policy> {
  policyRead = readPolicy().then(async (policy) => {
    const stored = await browser.storage.local.get(STORAGE_KEYS.lastPolicy);
    if (JSON.stringify(stored[STORAGE_KEYS.lastPolicy] ?? {}) !== JSON.stringify(policy)) {
      await browser.storage.local.set({ [STORAGE_KEYS.lastPolicy]: policy });
    }
    return policy;
  });
  return policyRead;
}
async function currentPolicy(): Promise<Policy> {
  const fresh = policyRead ?? refreshPolicy();
  const soon = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 150));
  const policy = await Promise.race([fresh, soon]);
  if (policy) return policy;
  const stored = await browser.storage.local.get(STORAGE_KEYS.lastPolicy);
  return (stored[STORAGE_KEYS.lastPolicy] ?? {}) as Policy;
}

/**
 * The built-in pack first, then the packs policy forces, then the imported ones in the order they
 * were added (later ones override). Policy's set switches and settings win over the user's.
 */
async function activeState(): Promise<ActiveState> {
  const stored = await browser.storage.local.get([STORAGE_KEYS.sets, STORAGE_KEYS.ruleOverrides, STORAGE_KEYS.profile]);
  const eventWords = activeEventWords(await readEventWords()).map((entry) => entry.word);
  const userSets = (stored[STORAGE_KEYS.sets] ?? {}) as Record<string, boolean>;
  const userRules = (stored[STORAGE_KEYS.ruleOverrides] ?? {}) as Record<string, RuleOverride>;
  const policy = await currentPolicy();
  const forced = await forcedPacks(policy);
  const imported = (await readPacks())
    .map((entry) => entry.pack)
    .filter((pack) => !forced.packs.some((f) => f.id === pack.id) && (!policy.requireSignedPacks || pack.signature));
  return {
    packs: [defaultPack, ...forced.packs, ...imported],
    sets: { ...userSets, ...policy.setSwitches },
    allowOverride: policy.allowOverride ?? true,
    failMode: policy.failMode ?? 'open',
    lockedSets: Object.keys(policy.setSwitches ?? {}),
    ruleOverrides: Object.fromEntries(Object.entries(userRules).filter(([id]) => !policy.lockedRules?.includes(id))),
    lockedRules: policy.lockedRules ?? [],
    profile: policy.profile ?? (stored[STORAGE_KEYS.profile] as string | undefined),
    profileLocked: policy.profile !== undefined,
    eventWords,
    forcedPackIds: forced.packs.map((pack) => pack.id),
    policyProblems: forced.problems,
  };
}

// One writer for the log, so two tabs posting at once cannot drop each other's entries.
let auditWrites: Promise<unknown> = Promise.resolve();
function appendAudit(entry: AuditEntry): Promise<unknown> {
  auditWrites = auditWrites.then(async () => {
    const policy = await currentPolicy();
    const limit = policy.auditLimit ?? AUDIT_LIMIT;
    const stored = await browser.storage.local.get([STORAGE_KEYS.audit, STORAGE_KEYS.auditQueue]);
    const log = (stored[STORAGE_KEYS.audit] ?? []) as AuditEntry[];
    const update: Record<string, unknown> = { [STORAGE_KEYS.audit]: appendBounded(log, entry, limit) };
    if (policy.auditCollector) {
      const queue = (stored[STORAGE_KEYS.auditQueue] ?? { entries: [], attempts: 0 }) as Queue;
      update[STORAGE_KEYS.auditQueue] = { ...queue, entries: appendBounded(queue.entries, entry, limit) };
    }
    await browser.storage.local.set(update);
  });
  return auditWrites.then(() => sendToCollector());
}

/** Send queued decisions to the policy's collector; on failure, try again later with backoff. */
async function sendToCollector(): Promise<void> {
  const { auditCollector } = await currentPolicy();
  if (!auditCollector || !navigator.onLine) return;
  const stored = await browser.storage.local.get(STORAGE_KEYS.auditQueue);
  const queue = (stored[STORAGE_KEYS.auditQueue] ?? { entries: [], attempts: 0 }) as Queue;
  if (queue.entries.length === 0) return;
  const next = await flushQueue(auditCollector, queue, postJson);
  await browser.storage.local.set({ [STORAGE_KEYS.auditQueue]: next });
  if (next.entries.length > 0)
    void browser.alarms.create(RETRY_ALARM, { delayInMinutes: retryDelayMinutes(next.attempts) });
}

/**
 * A Mastodon instance the user enabled from the popup (the popup asked for the host permission):
 * register the content script there, and remember the host so the script knows it is Mastodon.
 */
async function enableMastodon(origin: string): Promise<{ ok: boolean; error?: string }> {
  const url = new URL(origin);
  if (url.protocol !== 'https:') return { ok: false, error: 'only https:// instances' };
  if (!(await browser.permissions.contains({ origins: [`${url.origin}/*`] })))
    return { ok: false, error: 'permission not granted' };
  const stored = await browser.storage.local.get(STORAGE_KEYS.mastodonHosts);
  const hosts = new Set((stored[STORAGE_KEYS.mastodonHosts] ?? []) as string[]);
  hosts.add(url.hostname);
  await browser.storage.local.set({ [STORAGE_KEYS.mastodonHosts]: [...hosts] });
  const id = `mastodon-${url.hostname}`;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      {
        id,
        matches: [`${url.origin}/*`],
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css'],
        runAt: 'document_start',
      },
    ]);
  }
  return { ok: true };
}

export default defineBackground(() => {
  void refreshPolicy();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') void refreshPolicy();
    if (area === 'local' && STORAGE_KEYS.eventWords in changes) void pruneEventWords();
  });
  void pruneEventWords();
  // Subscriptions refresh on a schedule; the last good version stays when an update fails.
  void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshAll([defaultPack]);
    if (alarm.name === RETRY_ALARM) void sendToCollector();
    if (alarm.name === EVENT_EXPIRY_ALARM) void pruneEventWords();
  });
  // Back online: send what was queued.
  globalThis.addEventListener?.('online', () => void sendToCollector());
  browser.runtime.onMessage.addListener((message: unknown) => {
    const request = message as Request;
    if (request?.type === 'preflight:subscribe') return subscribe(request.url, [defaultPack]);
    if (request?.type === 'preflight:refresh-subscriptions') return refreshAll([defaultPack]);
    if (request?.type === 'preflight:enable-mastodon') return enableMastodon(request.origin);
    if (request?.type === 'preflight:get-state') return activeState();
    if (request?.type === 'preflight:audit') {
      const entry = AuditEntry.safeParse(request.entry);
      if (!entry.success) return Promise.resolve({ ok: false, error: entry.error.message });
      return appendAudit(entry.data).then(() => ({ ok: true }));
    }
    return undefined;
  });
});
