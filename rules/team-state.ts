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
