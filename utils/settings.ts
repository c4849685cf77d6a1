/**
 * Reviewers' set switches, kept in storage.local under "sets" as { "pack/set": on }. Every open
 * composer listens to this key, so a switch takes effect at once, without reloading a page.
 */
import { browser } from 'wxt/browser';
import { isSetOn } from '../rules/profiles';
import type { Pack } from '../rules/schema';
import { type ActiveState, type RuleOverride, STORAGE_KEYS } from './messages';

export type SetSwitches = Record<string, boolean>;

export const setKey = (pack: Pack, setId: string) => `${pack.id}/${setId}`;

export async function readSets(): Promise<SetSwitches> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.sets);
  return (stored[STORAGE_KEYS.sets] ?? {}) as SetSwitches;
}

export async function writeSet(key: string, on: boolean): Promise<SetSwitches> {
  const sets = { ...(await readSets()), [key]: on };
  await browser.storage.local.set({ [STORAGE_KEYS.sets]: sets });
  return sets;
}

/** Whether a set is on: the reviewer's switch, else the profile's, else the set's own default. */
export function isOn(switches: SetSwitches, pack: Pack, setId: string, profile?: string): boolean {
  return isSetOn(pack, setId, switches, profile);
}

export async function readProfile(): Promise<string | undefined> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.profile);
  const value = stored[STORAGE_KEYS.profile];
  return typeof value === 'string' ? value : undefined;
}

/** Pick the posting profile for this browser; every open composer recompiles at once. */
export async function writeProfile(profile: string): Promise<void> {
  await browser.storage.local.set({ [STORAGE_KEYS.profile]: profile });
}

export const QUIET_PERIOD = 'quiet-period';

/** The reviewer's switches with the sets policy fixes laid over them (policy wins). */
export function withPolicy(switches: SetSwitches, state: ActiveState | undefined): SetSwitches {
  const locked = state?.lockedSets ?? [];
  return { ...switches, ...Object.fromEntries(locked.map((key) => [key, state?.sets[key] ?? true])) };
}

export async function readRuleOverrides(): Promise<Record<string, RuleOverride>> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.ruleOverrides);
  return (stored[STORAGE_KEYS.ruleOverrides] ?? {}) as Record<string, RuleOverride>;
}

/** Lower a rule's severity or switch it off; `undefined` gives it back its own. */
export async function writeRuleOverride(
  ruleId: string,
  override: RuleOverride | undefined,
): Promise<Record<string, RuleOverride>> {
  const next = { ...(await readRuleOverrides()) };
  if (override === undefined) delete next[ruleId];
  else next[ruleId] = override;
  await browser.storage.local.set({ [STORAGE_KEYS.ruleOverrides]: next });
  return next;
}
