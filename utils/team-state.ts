/**
 * The team state in this browser: the last good one (from the team state subscription or from
 * policy), where it came from and who signed it, and the last refusal. It is admitted only when its
 * signature verifies against the keys in force and it is newer than the one held; anything else is
 * refused with a message and the last good one stays. The subscription reuses the pack
 * subscriptions' fetch (host permission, ETag, deadlines, a byte cap) and refreshes every minute.
 */
import { browser } from 'wxt/browser';
import { keyName, type PublicKey } from '../rules/signature';
import {
  parseTeamState,
  type TeamState,
  teamStateChanges,
  teamStateInForce,
  verifyTeamState,
} from '../rules/team-state';
import type { TeamStateEntry } from './audit';
import { type HeldTeamState, storage, type TeamStateRecord } from './storage';
import { FETCH_LIMITS, type FetchLimits, fetchPack, originPattern, urlProblem } from './subscriptions';

export const TEAM_STATE_ALARM = 'preflight-team-state';
/** Every minute while a team state subscription exists (chrome.alarms allows down to 30 s). */
export const TEAM_STATE_MINUTES = 1;
export const TEAM_STATE_LIMITS: FetchLimits = { ...FETCH_LIMITS, bytes: 64_000, totalMs: 30_000 };

export type { HeldTeamState, TeamStateRecord };

export const readTeamState = (): Promise<TeamStateRecord> => storage.teamState.get();

/** Changes one after another (the minute alarm, "Check now" and a policy change may meet). */
let writes: Promise<unknown> = Promise.resolve();
export function updateTeamState(
  change: (record: TeamStateRecord) => TeamStateRecord | Promise<TeamStateRecord>,
): Promise<TeamStateRecord> {
  const run = writes.then(async () => {
    const next = await change(await readTeamState());
    await storage.teamState.set(next);
    return next;
  });
  writes = run.catch(() => undefined);
  return run;
}

/** Writes a team state's audit entry (the background's one writer of the log). */
export type TeamStateAudit = (entry: TeamStateEntry) => Promise<unknown>;

export type Examined =
  | { ok: true; held: HeldTeamState }
  /** `state`: the refused state, when it could be read at all. */
  | { ok: false; error: string; state?: TeamState };

/**
 * Whether a team state's text may replace `current`: it parses, a key in force verifies it (a team
 * state is always signed) and it was issued after the one held (an old state replayed is refused).
 */
export async function examineTeamState(
  text: string,
  origin: string,
  keys: readonly PublicKey[],
  current: HeldTeamState | undefined,
  now = new Date(),
): Promise<Examined> {
  const parsed = parseTeamState(text);
  if (!parsed.ok) return { ok: false, error: `refused: ${parsed.error}` };
  const { state } = parsed;
  if (keys.length === 0)
    return { ok: false, state, error: 'refused: no trusted keys are set, and a team state must be signed with one' };
  const verdict = await verifyTeamState(state, keys);
  if (!verdict.ok) return { ok: false, state, error: `refused: ${verdict.reason}` };
  if (current && Date.parse(state.issued) < Date.parse(current.state.issued))
    return {
      ok: false,
      state,
      error: `refused: it was issued at ${state.issued}, before the state in force (${current.state.issued})`,
    };
  const key = keys.find((k) => k.keyId === verdict.keyId);
  return {
    ok: true,
    held: { state, origin, keyId: verdict.keyId, signer: keyName(key, verdict.keyId), received: now.toISOString() },
  };
}

/** The audit entry of a state applied over `previous` (its signer and what it changed). */
function appliedEntry(held: HeldTeamState, previous: HeldTeamState | undefined, time: string): TeamStateEntry {
  const { state } = held;
  return {
    time,
    decision: 'team-state',
    origin: held.origin,
    issued: state.issued,
    signer: held.signer,
    keyId: held.keyId,
    changes: teamStateChanges(previous?.state, state),
    ...(state.message ? { message: state.message } : {}),
  };
}

/** The audit entry of a refused state: why, and (when it could be read) what it would have changed. */
function refusedEntry(
  examined: Extract<Examined, { ok: false }>,
  origin: string,
  previous: HeldTeamState | undefined,
  time: string,
): TeamStateEntry {
  const { state } = examined;
  return {
    time,
    decision: 'team-state-refused',
    origin,
    ...(state ? { issued: state.issued } : {}),
    ...(state?.signature ? { keyId: state.signature.keyId } : {}),
    changes: state ? teamStateChanges(previous?.state, state) : [],
    ...(state?.message ? { message: state.message } : {}),
    reason: examined.error.slice(0, 500),
  };
}

/** The audit entry of a state let go at its end: every switch it set is released. */
function expiredEntry(held: HeldTeamState, time: string): TeamStateEntry {
  return {
    time,
    decision: 'team-state-expired',
    origin: held.origin,
    issued: held.state.issued,
    signer: held.signer,
    keyId: held.keyId,
    changes: teamStateChanges(held.state, undefined),
  };
}

export interface AdmitOptions {
  /** More fields for the record (the subscription's ETag and check time). */
  extra?: Partial<TeamStateRecord>;
  /** Where the change is written down: a state applied, or a refusal not recorded just before. */
  audit?: TeamStateAudit;
}

/** Admit a team state's text; a refusal is recorded and the last good state stays. */
export async function admitTeamState(
  text: string,
  origin: string,
  keys: readonly PublicKey[],
  { extra = {}, audit }: AdmitOptions = {},
): Promise<TeamStateRecord> {
  const now = new Date().toISOString();
  let entry: TeamStateEntry | undefined;
  const record = await updateTeamState(async (record) => {
    const examined = await examineTeamState(text, origin, keys, record.current);
    if (!examined.ok) {
      // The same refusal each minute (a subscription serving a bad state without ETag) is one entry.
      if (record.lastError?.message !== examined.error) entry = refusedEntry(examined, origin, record.current, now);
      return { ...record, ...extra, lastError: { time: now, message: examined.error } };
    }
    const { lastError: _cleared, ...rest } = record;
    // The same state again (each minute's fetch without ETag, policy read again) changes nothing.
    const same = record.current?.state.signature?.value === examined.held.state.signature?.value;
    if (!same) entry = appliedEntry(examined.held, record.current, now);
    return { ...rest, ...extra, current: same ? record.current : examined.held };
  });
  if (entry && audit) await audit(entry).catch((error: unknown) => console.error('Preflight: audit log', error));
  return record;
}

const noPermission = (url: string) =>
  `Preflight may not read ${new URL(url).origin}: the permission was not granted or was taken back; subscribe again to grant it`;

/** Fetch the subscription's state now (conditional on its ETag); failures are recorded, the state in force stays. */
export async function refreshTeamState(
  keys: readonly PublicKey[],
  { limits = TEAM_STATE_LIMITS, audit }: { limits?: FetchLimits; audit?: TeamStateAudit } = {},
): Promise<TeamStateRecord> {
  const record = await readTeamState();
  const url = record.url;
  if (!url) return record;
  const now = new Date().toISOString();
  const fail = (message: string) =>
    updateTeamState((r) => (r.url === url ? { ...r, lastChecked: now, lastError: { time: now, message } } : r));
  const problem = urlProblem(url);
  if (problem) return fail(problem);
  if (!(await browser.permissions.contains({ origins: [originPattern(url)] }))) return fail(noPermission(url));
  const conditional = record.current?.origin === url ? record.etag : undefined;
  const fetched = await fetchPack(url, conditional, limits);
  if (fetched.status === 'failed') return fail(fetched.message);
  if (fetched.status === 'not-modified')
    return updateTeamState((r) => {
      const { lastError: _cleared, ...rest } = r;
      return r.url === url ? { ...rest, lastChecked: now } : r;
    });
  const extra = { lastChecked: now, ...(fetched.etag ? { etag: fetched.etag } : {}) };
  return admitTeamState(fetched.text, url, keys, { extra, ...(audit ? { audit } : {}) });
}

export async function subscribeTeamState(url: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const problem = urlProblem(url);
  if (problem) return { ok: false, error: problem };
  if (!(await browser.permissions.contains({ origins: [originPattern(url)] })))
    return { ok: false, error: noPermission(url) };
  await updateTeamState(({ etag: _etag, lastChecked: _checked, lastError: _error, ...rest }) => ({ ...rest, url }));
  return { ok: true };
}

/** Stop following the subscription; a state it delivered goes with it (policy's stays). */
export function unsubscribeTeamState(): Promise<TeamStateRecord> {
  return updateTeamState((record) => ({
    ...(record.current && record.current.origin === 'policy' ? { current: record.current } : {}),
  }));
}

export const TEAM_EXPIRY_ALARM = 'preflight-team-state-expiry';

/**
 * When the state or one of its event words expires, mark the record (so open composers recompile
 * without it) and drop a state no longer in force; then set an alarm for the next expiry. The
 * background calls it at start, on each change and on the alarm.
 */
export async function pruneTeamState(now = new Date(), audit?: TeamStateAudit): Promise<void> {
  const record = await readTeamState();
  const state = record.current?.state;
  if (!state) return;
  const times = [state.until, ...state.eventWords.map((entry) => entry.until)]
    .filter((time): time is string => time !== undefined)
    .map((time) => Date.parse(time));
  const passed = times.filter((time) => time <= now.getTime());
  const lastPassed = Math.max(...passed);
  if (passed.length > 0 && (!record.expired || Date.parse(record.expired) < lastPassed)) {
    let ended: HeldTeamState | undefined;
    await updateTeamState((r) => {
      const { current, ...rest } = r;
      if (current && teamStateInForce(current.state, now)) return { ...rest, current, expired: now.toISOString() };
      ended = current;
      return { ...rest, expired: now.toISOString() };
    });
    if (ended && audit)
      await audit(expiredEntry(ended, now.toISOString())).catch((error: unknown) =>
        console.error('Preflight: audit log', error),
      );
  }
  const next = Math.min(...times.filter((time) => time > now.getTime()));
  if (Number.isFinite(next)) await browser.alarms.create(TEAM_EXPIRY_ALARM, { when: next + 1000 });
}
