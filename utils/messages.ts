/**
 * Messages between the content script, the popup and the background. The background owns packs,
 * switches and the audit log; content scripts ask it and listen to storage changes.
 */
import { browser } from 'wxt/browser';
import type { Finding, Pack, PostType } from '../rules/schema';
import type { PreparedPattern } from '../rules/text/run-pattern';
import type { AuditEntry } from './audit';
import type { RuleOverride } from './storage';

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
  | { type: 'preflight:enable-mastodon'; origin: string }
  | { type: 'preflight:diagnostics' };

/** The reply each request gets. */
export interface Replies {
  'preflight:get-state': ActiveState;
  'preflight:audit': { ok: boolean; error?: string };
  'preflight:get-findings': TabFindings | undefined;
  'preflight:enable-mastodon': { ok: boolean; error?: string };
  'preflight:diagnostics': PageDiagnostics;
}

/** Ask the background, with the reply typed by the request. */
export function send<R extends Request>(request: R): Promise<Replies[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<Replies[R['type']]>;
}

/** Ask a tab's content script (the popup asks what the page's composers hold). */
export function sendToTab<R extends Request>(tabId: number, request: R): Promise<Replies[R['type']]> {
  return browser.tabs.sendMessage(tabId, request) as Promise<Replies[R['type']]>;
}

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

/**
 * One element in a page's diagnostics: where it is and how the page names it, never what it holds.
 * `path`: a CSS selector per tree, outermost first; each next one is inside the element the previous
 * one names (its open shadow root, or its frame's document).
 */
export interface DiagnosticElement {
  path: string[];
  tag: string;
  /** Only the naming attributes (DIAGNOSTIC_ATTRIBUTES), capped; one whose value is in a field's text is redacted. */
  attributes: Record<string, string>;
  width: number;
  height: number;
}

/** What "Copy diagnostics" copies: the page's editable elements and the controls near them. */
export interface PageDiagnostics {
  preflight: string;
  platform: string;
  /** The page's origin only: a path can name a person or a post. */
  origin: string;
  /** Per adapter field, how many elements each of its selectors matches on the page now. */
  adapter: Record<string, { selector: string; matches: number }[]>;
  editables: (DiagnosticElement & {
    /** `composer`: an adapter names it; `fallback`: checked but not recognised; `ignored`: neither (and why). */
    preflight: 'composer' | 'fallback' | 'ignored';
    why?: string | undefined;
    /** Buttons, role=button and links in the nearest form or dialog (or a few levels up); `publish`: the adapter's. */
    controls: (DiagnosticElement & { publish: boolean })[];
  })[];
  /** Set when the page had more than the caps (elements, controls per field). */
  truncated: boolean;
}
