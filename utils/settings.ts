/**
 * Reviewers' set switches, kept in storage.local under "sets" as { "pack/set": on }. Every open
 * composer listens to this key, so a switch takes effect at once, without reloading a page.
 */
import { isSetOn } from '../rules/profiles';
import type { Pack } from '../rules/schema';
import type { ActiveState } from './messages';
import { type RuleOverride, type SetSwitches, storage } from './storage';

export type { SetSwitches };

export const setKey = (pack: Pack, setId: string) => `${pack.id}/${setId}`;

export const readSets = (): Promise<SetSwitches> => storage.sets.get();

export async function writeSet(key: string, on: boolean): Promise<SetSwitches> {
  const sets = { ...(await readSets()), [key]: on };
  await storage.sets.set(sets);
  return sets;
}

/** Whether a set is on: the reviewer's switch, else the profile's, else the set's own default. */
export function isOn(switches: SetSwitches, pack: Pack, setId: string, profile?: string): boolean {
  return isSetOn(pack, setId, switches, profile);
}

export const readProfile = (): Promise<string | undefined> => storage.profile.get();

/** Pick the posting profile for this browser; every open composer recompiles at once. */
export const writeProfile = (profile: string): Promise<void> => storage.profile.set(profile);

export const QUIET_PERIOD = 'quiet-period';

/** The reviewer's switches with the sets policy fixes laid over them (policy wins). */
export function withPolicy(switches: SetSwitches, state: ActiveState | undefined): SetSwitches {
  const locked = state?.lockedSets ?? [];
  return { ...switches, ...Object.fromEntries(locked.map((key) => [key, state?.sets[key] ?? true])) };
}

export const readRuleOverrides = (): Promise<Record<string, RuleOverride>> => storage.ruleOverrides.get();

/** Lower a rule's severity or switch it off; `undefined` gives it back its own. */
export async function writeRuleOverride(
  ruleId: string,
  override: RuleOverride | undefined,
): Promise<Record<string, RuleOverride>> {
  const next = { ...(await readRuleOverrides()) };
  if (override === undefined) delete next[ruleId];
  else next[ruleId] = override;
  await storage.ruleOverrides.set(next);
  return next;
}
