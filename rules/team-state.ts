/**
 * A team state: what whoever holds the team's signing key sets for every operator at once in an
 * emergency (quiet period on, a profile, the name of the town an earthquake hit, a message on every
 * badge). It is signed like a pack (Ed25519 over its canonical JSON) and verified against the same
 * keys in force; it wins over a person's own switches until it expires. Pure: no browser APIs.
 */
import { z } from 'zod';
import { Pack } from './schema';
import { type KeyPair, type PublicKey, signDocument, type Verdict, verifyDocument } from './signature';

export const TEAM_STATE_FORMAT = 'preflight-team-state/1';

export const TeamEventWord = z.strictObject({
  word: z.string().trim().min(1).max(100),
  /** When it stops applying (ISO time). */
  until: z.iso.datetime({ offset: true }),
});

export const TeamState = z.strictObject({
  format: z.literal(TEAM_STATE_FORMAT),
  /** When it was signed (ISO time): a newer state replaces an older one, never the other way round. */
  issued: z.iso.datetime({ offset: true }),
  /** Set switches, "set" (in every pack that has it) or "pack/set" → on/off. */
  sets: z.record(z.string().min(1).max(200), z.boolean()).default({}),
  /** The posting profile every operator works under. */
  profile: z.string().min(1).max(100).optional(),
  eventWords: z.array(TeamEventWord).max(200).default([]),
  /** Shown on every badge and beside every lock: why, since when, whom to ask. */
  message: z.string().trim().max(500).optional(),
  /** When the whole state stops applying (ISO time); without it, until a newer state replaces it. */
  until: z.iso.datetime({ offset: true }).optional(),
  signature: Pack.shape.signature,
});
export type TeamState = z.infer<typeof TeamState>;
export type TeamStateInput = z.input<typeof TeamState>;

export type ParsedTeamState = { ok: true; state: TeamState } | { ok: false; error: string };

/** Parse a team state file's text; never throws. */
export function parseTeamState(text: string): ParsedTeamState {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = TeamState.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `not a team state: ${issue.path.join('.') || '(top)'}: ${issue.message}` };
  }
  return { ok: true, state: parsed.data };
}

export function signTeamState(state: TeamState, key: KeyPair): Promise<TeamState> {
  return signDocument(state, key);
}

/** A signed state as a file: the same bytes from `preflight state set` and from the options page. */
export const teamStateFile = (state: TeamState): string => `${JSON.stringify(state, null, 2)}\n`;

const DAY = 86_400_000;
/** How long event words may last (days): long enough for a disaster's aftermath, short enough to be renewed. */
export const EVENT_DAYS = { min: 1, max: 90, default: 7 } as const;

/** A date alone (YYYY-MM-DD) means through that day (UTC); a full ISO time is taken as it is; else undefined. */
export function untilTime(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    return Number.isFinite(start) ? new Date(start + DAY).toISOString() : undefined;
  }
  const time = Date.parse(text);
  return Number.isFinite(time) && /^\d{4}-\d{2}-\d{2}T/.test(text) ? new Date(time).toISOString() : undefined;
}

/** What the person on duty chooses, from the CLI's options or the options page's form. */
export interface TeamStateChoice {
  /** "set" or "pack/set" → on/off; quiet period is `quiet-period`. */
  sets: Record<string, boolean>;
  profile?: string | undefined;
  eventWords: readonly string[];
  /** How many days the event words last from now. */
  eventDays: number;
  message?: string | undefined;
  /** A date (YYYY-MM-DD, through that day UTC) or an ISO time. */
  until?: string | undefined;
}

/** The unsigned team state for a choice made at `now`, or what is wrong with it (a field and why). */
export function draftTeamState(
  choice: TeamStateChoice,
  now = new Date(),
): { ok: true; state: TeamState } | { ok: false; field: string; error: string } {
  const { eventDays } = choice;
  if (!Number.isInteger(eventDays) || eventDays < EVENT_DAYS.min || eventDays > EVENT_DAYS.max)
    return {
      ok: false,
      field: 'event-days',
      error: `takes a whole number of days, ${EVENT_DAYS.min} to ${EVENT_DAYS.max}`,
    };
  const until = choice.until === undefined ? undefined : untilTime(choice.until);
  if (choice.until !== undefined && !until)
    return { ok: false, field: 'until', error: `${choice.until}: expected a date (YYYY-MM-DD) or an ISO time` };
  // A state that ends before it is published would never be in force, and say nothing about it.
  if (until && Date.parse(until) <= now.getTime())
    return { ok: false, field: 'until', error: `${choice.until}: that has already passed` };
  const wordsUntil = new Date(now.getTime() + eventDays * DAY).toISOString();
  const parsed = TeamState.safeParse({
    format: TEAM_STATE_FORMAT,
    issued: now.toISOString(),
    sets: choice.sets,
    ...(choice.profile ? { profile: choice.profile } : {}),
    eventWords: choice.eventWords.map((word) => ({ word, until: wordsUntil })),
    ...(choice.message ? { message: choice.message } : {}),
    ...(until ? { until } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: issue.path.join('.'), error: issue.message };
  }
  return { ok: true, state: parsed.data };
}

export function verifyTeamState(state: TeamState, trusted: readonly PublicKey[]): Promise<Verdict> {
  return verifyDocument(state, trusted, 'the team state');
}

/** Whether the state still applies at `now`. */
export const teamStateInForce = (state: TeamState, now = new Date()): boolean =>
  !state.until || new Date(state.until) > now;

/** The event words of a state still in force at `now`. */
export const teamEventWords = (state: TeamState, now = new Date()): string[] =>
  teamStateInForce(state, now) ? state.eventWords.filter((e) => new Date(e.until) > now).map((e) => e.word) : [];

/**
 * The state's switches as "pack/set" keys of the packs in use (a bare set id names that set in
 * every pack that has it): these are what it locks.
 */
export function teamSetSwitches(state: TeamState, packs: readonly Pack[]): Record<string, boolean> {
  const switches: Record<string, boolean> = {};
  for (const [key, on] of Object.entries(state.sets)) {
    if (key.includes('/')) {
      switches[key] = on;
      continue;
    }
    for (const pack of packs) if (pack.sets.some((set) => set.id === key)) switches[`${pack.id}/${key}`] = on;
  }
  return switches;
}

/**
 * One difference between the team state in force before and the one that replaced it, for the
 * audit log: a set switch (`key` the set, on/off), the profile, an event word (`key` the word, its
 * expiry), the badge message or the state's own end. `from` absent: it was not set; `to` absent:
 * it is no longer set.
 */
export const TeamStateChange = z.strictObject({
  field: z.enum(['set', 'profile', 'eventWord', 'message', 'until']),
  key: z.string().max(200).optional(),
  from: z.string().max(500).optional(),
  to: z.string().max(500).optional(),
});
export type TeamStateChange = z.infer<typeof TeamStateChange>;

type Values = Map<string, string>;

function changed(field: TeamStateChange['field'], before: Values, after: Values): TeamStateChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys.flatMap((key) => {
    const from = before.get(key);
    const to = after.get(key);
    if (from === to) return [];
    return [
      { field, ...(key ? { key } : {}), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) },
    ];
  });
}

const one = (value: string | undefined): Values => new Map(value === undefined ? [] : [['', value]]);

/**
 * What `next` changes against `previous` (undefined: no state was in force, or none is now). Two
 * states signed with the same content change nothing.
 */
export function teamStateChanges(previous: TeamState | undefined, next: TeamState | undefined): TeamStateChange[] {
  const sets = (s: TeamState | undefined): Values =>
    new Map(Object.entries(s?.sets ?? {}).map(([key, on]) => [key, on ? 'on' : 'off']));
  const words = (s: TeamState | undefined): Values => new Map((s?.eventWords ?? []).map((e) => [e.word, e.until]));
  return [
    ...changed('set', sets(previous), sets(next)),
    ...changed('profile', one(previous?.profile), one(next?.profile)),
    ...changed('eventWord', words(previous), words(next)),
    ...changed('message', one(previous?.message), one(next?.message)),
    ...changed('until', one(previous?.until), one(next?.until)),
  ];
}
