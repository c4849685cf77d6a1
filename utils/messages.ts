/**
 * Messages between the content script, the popup and the background. The background owns packs,
 * switches and the audit log; content scripts ask it and listen to storage changes.
 */
import type { Finding, Pack, PostType, Severity } from '../rules/schema';
import type { PreparedPattern } from '../rules/text/run-pattern';

export type RuleOverride = Severity | 'off';

import type { AuditEntry } from './audit';

export interface ActiveState {
  packs: Pack[];
  /**
   * Every pattern of the packs, proved safe and prepared by the background when it built this
   * state (rules/load.ts `preparedPatterns`): the content script runs them without a parser.
   */
  patterns: Record<string, PreparedPattern>;
  /** Reviewers' set switches ("set" or "pack/set" → on/off). */
  sets: Record<string, boolean>;
  /** Whether a warn-only post may go out with a reason. */
  allowOverride: boolean;
  /** What the gate does when Preflight itself fails: let the post through, or stop it. */
  failMode: 'open' | 'closed';
  /** Set switches fixed by policy ("pack/set"): shown as locks, not as switches. */
  lockedSets: string[];
  /** A reviewer's changes to single rules: switched off, or a lower severity. */
  ruleOverrides: Record<string, RuleOverride>;
  /** Rules policy locks: no reviewer may lower or switch them off. */
  lockedRules: string[];
  /** The posting profile in force (`profiles` of the packs), and whether policy fixed it. */
  profile: string | undefined;
  profileLocked: boolean;
  /** Event words in force now (a reviewer's, for a few days): they fill the packs' `event-words` lexicon. */
  eventWords: string[];
  /** The team state in force (rules/team-state.ts): its message, who signed it, and the sets it locks. */
  team?: TeamLock | undefined;
  /** Reviewers' public keys (policy's, else the options page's): their approval codes release approvable blocks. */
  reviewerKeys?: { keyId: string; name?: string | undefined; publicKey: string }[];
  /** Packs policy forces, by id, and why any forced pack was refused. */
  forcedPackIds: string[];
  policyProblems: string[];
}

/** What a team state in force shows: its lock, why, and by whom. */
export interface TeamLock {
  message: string | undefined;
  /** The signing key's name (its id when it has none), and when it was signed. */
  signer: string;
  keyId: string;
  issued: string;
  until: string | undefined;
  /** The "pack/set" switches it fixes (policy's own locks left out), and the profile it fixes. */
  sets: string[];
  profile: string | undefined;
}

export type Request =
  | { type: 'preflight:get-state' }
  | { type: 'preflight:audit'; entry: AuditEntry }
  | { type: 'preflight:get-findings' }
  | { type: 'preflight:enable-mastodon'; origin: string };

/** What a tab's content script answers the popup: the findings in each composer on the page. */
export interface TabFindings {
  platform: string;
  quietPeriod: boolean;
  /**
   * In document order; `postType` tells a reply box from the main composer; `recognised`: named by the
   * platform's adapter, otherwise found by the generic fallback.
   */
  composers: { findings: Finding[]; postType?: PostType | undefined; recognised?: boolean }[];
}

/** Keys in storage.local. */
export const STORAGE_KEYS = {
  sets: 'sets',
  audit: 'audit',
  packs: 'packs',
  trustedKeys: 'trustedKeys',
  subscriptions: 'subscriptions',
  auditQueue: 'auditQueue',
  ruleOverrides: 'ruleOverrides',
  /** The posting profile a reviewer picked (brand, creator, …). */
  profile: 'profile',
  /** Words of a current disaster or tragedy, each with its expiry (utils/event-words.ts). */
  eventWords: 'eventWords',
  mastodonHosts: 'mastodonHosts',
  /** The digest of the policy whose forced packs are in "packs", and what it refused. */
  policyAdmission: 'policyAdmission',
  /** The last policy read from storage.managed, so a restart does not wait for Chrome's policy load. */
  lastPolicy: 'lastPolicy',
  /** The team state in force, its subscription and its last refusal (utils/team-state.ts). */
  teamState: 'teamState',
  /** Reviewers' public keys set in the options page (used only while policy names none). */
  reviewerKeys: 'reviewerKeys',
} as const;
