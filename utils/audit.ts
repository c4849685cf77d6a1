/**
 * The gate's audit log: every decision (posted clean, posted with a reason, stopped), with the
 * rules involved, what was in force at that moment (packs, switched-off or lowered rules and sets,
 * the profile) and a hash of the draft, never the draft itself.
 */
import { z } from 'zod';
import { resolveProfile } from '../rules/profiles';
import type { Finding, Pack } from '../rules/schema';
import { Platform, Severity } from '../rules/schema';
import { TeamStateChange } from '../rules/team-state';
import type { ActiveState } from './messages';

/** A rule switched off or given another severity, and by whom. */
export const RuleChange = z.strictObject({
  rule: z.string(),
  to: z.union([z.literal('off'), Severity]),
  /** `pack`: a later pack's `overrides` (named in `pack`); `reviewer`: the options page. */
  by: z.enum(['reviewer', 'pack']),
  pack: z.string().optional(),
});
export type RuleChange = z.infer<typeof RuleChange>;

/** A set ("pack/set") switched away from its own default, and by whom. */
export const SetChange = z.strictObject({
  set: z.string(),
  on: z.boolean(),
  by: z.enum(['reviewer', 'policy', 'team']),
});
export type SetChange = z.infer<typeof SetChange>;

/** What was in force when a decision was made: enough to tell later why a draft was let through. */
export const AuditContext = z.strictObject({
  packs: z.array(z.strictObject({ id: z.string(), version: z.string() })),
  ruleChanges: z.array(RuleChange),
  setChanges: z.array(SetChange),
  /** The posting profile in force (brand, creator, …). */
  profile: z.string().optional(),
  /** The team state in force: when it was signed and by whose key (a change shows as a new `issued`). */
  teamState: z.strictObject({ issued: z.string(), signer: z.string(), keyId: z.string() }).optional(),
});
export type AuditContext = z.infer<typeof AuditContext>;

/** A reviewer's release of `block` findings (four-eyes approval): whose key, their note, the request's draft hash. */
export const ApprovalRecord = z.strictObject({
  reviewer: z.string().max(100),
  keyId: z.string(),
  note: z.string().max(1000),
  requestHash: z.string().regex(/^[0-9a-f]{64}$/),
  rules: z.array(z.string()),
  expires: z.string(),
});
export type ApprovalRecord = z.infer<typeof ApprovalRecord>;

export const AuditEntry = z.strictObject({
  time: z.string(),
  platform: Platform,
  /** `ignored`: an operator dismissed one info or warn finding from its card, with a reason. */
  decision: z.enum(['posted', 'override', 'stopped', 'approved', 'ignored']),
  /** Each rule once, with its worst severity in this draft (same order as `severities`). */
  ruleIds: z.array(z.string()),
  severities: z.array(Severity),
  /** The operator's reason for posting despite warnings. */
  reason: z.string().max(2000).optional(),
  /** Set when Preflight itself failed and the decision fell to policy's `failMode`. */
  failure: z.string().max(500).optional(),
  approval: ApprovalRecord.optional(),
  /** SHA-256 of the draft, hex: proves which draft without keeping it. */
  draftHash: z.string().regex(/^[0-9a-f]{64}$/),
  ...AuditContext.shape,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * A team state the background applied (`team-state`), refused (`team-state-refused`, with the
 * reason; the last good one stayed) or let go when it expired (`team-state-expired`): its own
 * entry, since it changes what every operator may post. Written by the background only.
 */
export const TeamStateEntry = z.strictObject({
  /** When it was applied, refused or let go. */
  time: z.string(),
  decision: z.enum(['team-state', 'team-state-refused', 'team-state-expired']),
  /** The subscription URL, or "policy". */
  origin: z.string().max(2000),
  /** When it was signed, and by whose key: absent for a refused text that could not be read. */
  issued: z.string().optional(),
  signer: z.string().max(100).optional(),
  keyId: z.string().optional(),
  /** What it changed against the state in force before (for a refusal: what it would have changed). */
  changes: z.array(TeamStateChange),
  /** The state's own message (why, since when, whom to ask). */
  message: z.string().max(500).optional(),
  /** Why it was refused. */
  reason: z.string().max(500).optional(),
});
export type TeamStateEntry = z.infer<typeof TeamStateEntry>;

/** One line of the audit log: a decision on a draft, or a team state applied or refused. */
export const AuditRecord = z.discriminatedUnion('decision', [AuditEntry, TeamStateEntry]);
export type AuditRecord = z.infer<typeof AuditRecord>;

const TEAM_DECISIONS: ReadonlySet<string> = new Set(TeamStateEntry.shape.decision.options);
export const isTeamStateEntry = (entry: AuditRecord): entry is TeamStateEntry => TEAM_DECISIONS.has(entry.decision);

export const AUDIT_LIMIT = 5000;

/** Append entries, keeping the newest `limit`. */
export function appendBounded<T extends AuditRecord>(log: readonly T[], entry: T, limit = AUDIT_LIMIT): T[] {
  const next = [...log, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

const RANK: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/** The rules a decision is about: each once, at the worst severity it was found with. */
export function rulesOf(findings: readonly Finding[]): Pick<AuditEntry, 'ruleIds' | 'severities'> {
  const worst = new Map<string, Severity>();
  for (const { ruleId, severity } of findings) {
    const seen = worst.get(ruleId);
    if (!seen || RANK[severity] < RANK[seen]) worst.set(ruleId, severity);
  }
  return { ruleIds: [...worst.keys()], severities: [...worst.values()] };
}

function setDefault(pack: Pack, setId: string): boolean {
  return pack.sets.find((set) => set.id === setId)?.enabled ?? true;
}

/** What the active state changes from the packs' own rules: the context every audit entry carries. */
export function auditContext(state: ActiveState): AuditContext {
  const ruleChanges: RuleChange[] = [];
  const defined = new Set<string>();
  for (const pack of state.packs) {
    for (const rule of pack.rules) defined.add(rule.id);
    for (const override of pack.overrides) {
      if (!defined.has(override.rule)) continue; // An override of nothing changes nothing.
      const to = override.enabled === false ? 'off' : override.severity;
      if (to) ruleChanges.push({ rule: override.rule, to, by: 'pack', pack: pack.id });
    }
  }
  for (const [rule, to] of Object.entries(state.ruleOverrides)) ruleChanges.push({ rule, to, by: 'reviewer' });
  const setChanges: SetChange[] = [];
  for (const pack of state.packs) {
    for (const set of pack.sets) {
      const key = `${pack.id}/${set.id}`;
      const on = state.sets[key] ?? state.sets[set.id];
      if (on === undefined || on === setDefault(pack, set.id)) continue;
      const by = state.team?.sets.includes(key) ? 'team' : state.lockedSets.includes(key) ? 'policy' : 'reviewer';
      setChanges.push({ set: key, on, by });
    }
  }
  const profile = resolveProfile(state.packs, state.profile);
  return {
    packs: state.packs.map((pack) => ({ id: pack.id, version: pack.version })),
    ruleChanges,
    setChanges,
    // The profile in force: the one picked or fixed by policy, else the packs' default.
    ...(profile ? { profile } : {}),
    ...(state.team
      ? { teamState: { issued: state.team.issued, signer: state.team.signer, keyId: state.team.keyId } }
      : {}),
  };
}
