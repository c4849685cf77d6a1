/**
 * The background owns what every tab shares: the active packs, the reviewers' set switches and the
 * audit log. Every pack comes in here (files the options page sends, subscriptions, policy) and is
 * verified again whenever packs are activated. Content scripts ask for the state and listen to
 * storage changes.
 */
import defaultPack, { patterns as defaultPatterns } from 'virtual:preflight/default-pack';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { adoptProvedPatterns } from '../rules/compile-packs';
import { preparedPatterns } from '../rules/load';
import type { Pack } from '../rules/schema';
import {
  type TeamState,
  teamEventWords,
  teamSetSwitches,
  teamStateInForce,
  verifyTeamState,
} from '../rules/team-state';
import { AUDIT_LIMIT, AuditEntry, type AuditRecord, appendBounded } from '../utils/audit';
import { flushQueue, postJson, RETRY_ALARM, retryDelayMinutes } from '../utils/collector';
import { activeEventWords, EVENT_EXPIRY_ALARM, pruneEventWords } from '../utils/event-words';
import type { ActiveState, Request, TeamLock } from '../utils/messages';
import {
  activate,
  admitPack,
  admitPolicy,
  readPacks,
  readTrustedKeys,
  recordActivation,
  removePack,
  type StoredPack,
  signingRules,
  writeTrustedKeys,
} from '../utils/pack-store';
import { type Policy, readPolicy } from '../utils/policy';
import { type AdminReplies, AdminRequest } from '../utils/requests';
import { getItems, entry as item, type PolicyAdmission, setTogether, storage } from '../utils/storage';
import {
  REFRESH_ALARM,
  REFRESH_MINUTES,
  readSubscriptions,
  refreshAll,
  type SubscriptionHost,
  subscribe,
  unsubscribe,
} from '../utils/subscriptions';
import {
  admitTeamState,
  pruneTeamState,
  readTeamState,
  refreshTeamState,
  subscribeTeamState,
  TEAM_EXPIRY_ALARM,
  TEAM_STATE_ALARM,
  TEAM_STATE_MINUTES,
  unsubscribeTeamState,
} from '../utils/team-state';

const BUILT_IN = [defaultPack];
adoptProvedPatterns(defaultPatterns);

/**
 * Chrome answers storage.managed only once its policies have loaded, seconds after start. The
 * background reads it in the background and keeps the last answer in storage.local: states are
 * built at once from that, and open pages reload when the fresh policy differs. The packs a policy
 * forces are admitted before the policy is announced, once per change of policy.
 */
let policyRead: Promise<Policy> | undefined;
let lastKnown: Policy | undefined;
function refreshPolicy(): Promise<Policy> {
  policyRead = readPolicy().then(async (policy) => {
    await admitted(policy);
    await admitPolicyTeamState(policy).catch((error: unknown) => console.error('Preflight: team state', error));
    if (JSON.stringify(await storage.lastPolicy.get()) !== JSON.stringify(policy)) await storage.lastPolicy.set(policy);
    return policy;
  });
  return policyRead;
}
async function currentPolicy(): Promise<Policy> {
  const fresh = policyRead ?? refreshPolicy();
  const soon = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 150));
  const policy = await Promise.race([fresh, soon]);
  if (policy) return policy;
  lastKnown ??= await storage.lastPolicy.get();
  return lastKnown;
}

/** A policy's forced packs, admitted once (admitPolicy itself skips a policy it has seen). */
const admissions = new WeakMap<Policy, Promise<PolicyAdmission>>();
function admitted(policy: Policy): Promise<PolicyAdmission> {
  let admission = admissions.get(policy);
  if (!admission) {
    admission = admitPolicy(policy, BUILT_IN).catch((error: unknown) => ({
      digest: '',
      problems: [`policy forcedPacks: could not be admitted: ${(error as Error).message}`],
    }));
    admissions.set(policy, admission);
  }
  return admission;
}

/**
 * The stored packs as activated for a policy: each verified at activation against the keys in
 * force. Kept until the packs, the keys or the policy change (a storage change moves `generation`).
 */
let generation = 0;
interface Activation {
  generation: number;
  policy: Policy;
  packs: Promise<StoredPack[]>;
  /** The marks of why a pack is off, written for the options page (open composers reload on them). */
  recorded: Promise<void>;
}
let activation: Activation | undefined;
function activated(policy: Policy): Activation {
  if (activation?.generation === generation && activation.policy === policy) return activation;
  const packs = (async () => activate(await readPacks(), policy, await readTrustedKeys()))();
  const recorded = packs
    .then(recordActivation)
    .catch((error: unknown) => console.error('Preflight: could not record which packs are active', error));
  activation = { generation, policy, packs, recorded };
  return activation;
}

/** The keys a team state from this origin must verify against: policy's for policy's state, else as for a subscription. */
async function teamKeys(origin: string, policy: Policy) {
  return signingRules(origin === 'policy' ? 'policy' : 'subscription', policy, await readTrustedKeys()).keys;
}

/**
 * The team state in force: the last good one, verified again against the keys in force now (a key
 * taken back switches it off) and not expired. Its switches lock what policy does not already lock.
 */
async function teamLock(
  policy: Policy,
  packs: Pack[],
  now = new Date(),
): Promise<{ lock: TeamLock; state: TeamState } | undefined> {
  const held = (await readTeamState()).current;
  if (!held || !teamStateInForce(held.state, now)) return undefined;
  if (!(await verifyTeamState(held.state, await teamKeys(held.origin, policy))).ok) return undefined;
  const switches = teamSetSwitches(held.state, packs);
  const lock: TeamLock = {
    message: held.state.message,
    signer: held.signer,
    keyId: held.keyId,
    issued: held.state.issued,
    until: held.state.until,
    sets: Object.keys(switches).filter((key) => !(key in (policy.setSwitches ?? {}))),
    profile: policy.profile === undefined ? held.state.profile : undefined,
  };
  return { lock, state: held.state };
}

/** Admit the team state policy carries, when it carries one (once per policy change). */
async function admitPolicyTeamState(policy: Policy): Promise<void> {
  if (policy.teamState)
    await admitTeamState(policy.teamState, 'policy', await teamKeys('policy', policy), { audit: appendAudit });
}

/**
 * The built-in pack first, then the packs policy forces, then the imported ones in the order they
 * were added (later ones override). Policy's set switches and settings win over the user's.
 */
async function activeState(): Promise<ActiveState> {
  const stored = await getItems({
    userSets: storage.sets,
    userRules: storage.ruleOverrides,
    profile: storage.profile,
    reviewerKeys: storage.reviewerKeys,
    eventWords: storage.eventWords,
  });
  const { userSets, userRules } = stored;
  const eventWords = activeEventWords(stored.eventWords).map((entry) => entry.word);
  const policy = await currentPolicy();
  const admission = await admitted(policy);
  const active = (await activated(policy).packs).filter((entry) => !entry.inactive);
  const packs = [...BUILT_IN, ...active.map((entry) => entry.pack)];
  // The team state wins over a person's own switches; policy wins over both.
  const inForce = await teamLock(policy, packs);
  const team = inForce?.lock;
  const held = inForce?.state;
  const teamSets = held ? teamSetSwitches(held, packs) : {};
  return {
    packs,
    patterns: preparedPatterns(packs),
    sets: { ...userSets, ...teamSets, ...policy.setSwitches },
    allowOverride: policy.allowOverride ?? true,
    failMode: policy.failMode ?? 'open',
    lockedSets: [...new Set([...Object.keys(policy.setSwitches ?? {}), ...Object.keys(teamSets)])],
    ruleOverrides: Object.fromEntries(Object.entries(userRules).filter(([id]) => !policy.lockedRules?.includes(id))),
    lockedRules: policy.lockedRules ?? [],
    profile: policy.profile ?? team?.profile ?? stored.profile,
    profileLocked: policy.profile !== undefined || team?.profile !== undefined,
    eventWords: [...new Set([...eventWords, ...(held ? teamEventWords(held) : [])])],
    team,
    reviewerKeys: policy.reviewerKeys?.length ? policy.reviewerKeys : stored.reviewerKeys,
    forcedPackIds: active.filter((entry) => entry.source === 'policy').map((entry) => entry.pack.id),
    policyProblems: admission.problems,
  };
}

/** Subscriptions deliver through the one admission path (while still subscribed when the fetch ends). */
const subscriptionHost: SubscriptionHost = {
  admit: async (text, url) => {
    if (!(await readSubscriptions()).some((s) => s.url === url))
      return { ok: false, issues: [{ file: url, path: '', message: 'unsubscribed while it was being fetched' }] };
    return admitPack(
      { text, origin: url, source: 'subscription' },
      { builtIn: BUILT_IN, policy: await currentPolicy() },
    );
  },
  hasPack: async (subscription) =>
    (await readPacks()).some(
      (entry) =>
        entry.source === 'subscription' && entry.origin === subscription.url && entry.pack.id === subscription.packId,
    ),
};

/** What the options page asks: the one place packs, keys and subscriptions change. */
async function answer(request: AdminRequest): Promise<AdminReplies[AdminRequest['type']]> {
  switch (request.type) {
    case 'preflight:import-pack':
      return admitPack(
        { text: request.text, origin: request.name, source: 'file' },
        { builtIn: BUILT_IN, policy: await currentPolicy() },
      );
    case 'preflight:remove-pack':
      await removePack(request.id);
      return { ok: true };
    case 'preflight:set-trusted-keys':
      // Every stored pack is verified again against the keys now in force before the answer.
      await writeTrustedKeys(request.keys);
      generation++;
      await activated(await currentPolicy()).recorded;
      return { ok: true };
    case 'preflight:subscribe':
      return subscribe(request.url, subscriptionHost);
    case 'preflight:unsubscribe': {
      const subscription = (await readSubscriptions()).find((s) => s.url === request.url);
      await unsubscribe(request.url);
      if (subscription?.packId) await removePack(subscription.packId, request.url);
      return { ok: true };
    }
    case 'preflight:refresh-subscriptions':
      return refreshAll(subscriptionHost);
    case 'preflight:subscribe-team-state': {
      const result = await subscribeTeamState(request.url);
      if (!result.ok) return result;
      void browser.alarms.create(TEAM_STATE_ALARM, { periodInMinutes: TEAM_STATE_MINUTES });
      return { ok: true, record: await refreshTeamNow() };
    }
    case 'preflight:unsubscribe-team-state':
      await browser.alarms.clear(TEAM_STATE_ALARM);
      return unsubscribeTeamState();
    case 'preflight:refresh-team-state':
      return refreshTeamNow();
  }
}

async function refreshTeamNow() {
  const record = await readTeamState();
  return refreshTeamState(await teamKeys(record.url ?? '', await currentPolicy()), { audit: appendAudit });
}

/** Only the extension's own pages (options, popup) may change packs; never a content script. */
const fromExtensionPage = (sender: { id?: string; url?: string }) =>
  sender.id === browser.runtime.id && (sender.url?.startsWith(browser.runtime.getURL('/')) ?? false);

// One writer for the log, so two tabs posting at once cannot drop each other's entries. Team states
// are written here too (applied, refused, ended), never by a content script.
let auditWrites: Promise<unknown> = Promise.resolve();
function appendAudit(entry: AuditRecord): Promise<unknown> {
  auditWrites = auditWrites.then(async () => {
    const policy = await currentPolicy();
    const limit = policy.auditLimit ?? AUDIT_LIMIT;
    const { log, queue } = await getItems({ log: storage.audit, queue: storage.auditQueue });
    const logged = item(storage.audit, appendBounded(log, entry, limit));
    if (!policy.auditCollector) return setTogether(logged);
    await setTogether(
      logged,
      item(storage.auditQueue, { ...queue, entries: appendBounded(queue.entries, entry, limit) }),
    );
  });
  return auditWrites.then(() => sendToCollector());
}

/** Send queued decisions to the policy's collector; on failure, try again later with backoff. */
async function sendToCollector(): Promise<void> {
  const { auditCollector } = await currentPolicy();
  if (!auditCollector || !navigator.onLine) return;
  const queue = await storage.auditQueue.get();
  if (queue.entries.length === 0) return;
  const next = await flushQueue(auditCollector, queue, postJson);
  await storage.auditQueue.set(next);
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
  const hosts = new Set(await storage.mastodonHosts.get());
  hosts.add(url.hostname);
  await storage.mastodonHosts.set([...hosts]);
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
    if (area !== 'local') return;
    if (storage.eventWords.key in changes) void pruneEventWords();
    if (storage.teamState.key in changes) void pruneTeamState(new Date(), appendAudit);
    if (storage.lastPolicy.key in changes) lastKnown = undefined;
    const activation = [storage.packs, storage.trustedKeys, storage.lastPolicy];
    if (activation.some(({ key }) => key in changes)) generation++;
    // New keys or a new policy: verify every stored pack again now, not at the next page load.
    if (storage.trustedKeys.key in changes || storage.lastPolicy.key in changes) void activeState();
  });
  void pruneEventWords();
  void pruneTeamState(new Date(), appendAudit);
  // Subscriptions refresh on a schedule; the last good version stays when an update fails.
  void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: REFRESH_MINUTES, delayInMinutes: 1 });
  // The team state is fetched every minute while it has a subscription.
  void readTeamState().then((record) => {
    if (record.url) void browser.alarms.create(TEAM_STATE_ALARM, { periodInMinutes: TEAM_STATE_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TEAM_STATE_ALARM) void refreshTeamNow();
    if (alarm.name === TEAM_EXPIRY_ALARM) void pruneTeamState(new Date(), appendAudit);
    if (alarm.name === REFRESH_ALARM) void refreshAll(subscriptionHost);
    if (alarm.name === RETRY_ALARM) void sendToCollector();
    if (alarm.name === EVENT_EXPIRY_ALARM) void pruneEventWords();
  });
  // Back online: send what was queued.
  globalThis.addEventListener?.('online', () => void sendToCollector());
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const admin = AdminRequest.safeParse(message);
    if (admin.success) {
      if (!fromExtensionPage(sender)) return Promise.resolve({ ok: false, error: 'not from an extension page' });
      return answer(admin.data);
    }
    const request = message as Request;
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
