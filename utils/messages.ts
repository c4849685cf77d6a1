/**
 * Messages between the content script, the popup and the background. The background owns packs,
 * switches and the audit log; content scripts ask it and listen to storage changes.
 */
import type { Finding, Pack, PostType, Severity } from '../rules/schema';

export type RuleOverride = Severity | 'off';

import type { AuditEntry } from './audit';

export interface ActiveState {
  packs: Pack[];
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
  /** Packs policy forces, by id, and why any forced pack was refused. */
  forcedPackIds: string[];
  policyProblems: string[];
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
} as const;
