/**
 * Posting profiles (`profiles` in a pack): who posts decides what is a problem. A profile is a set
 * of switches over the packs' sets; profiles of the same id in several packs act together, each on
 * its own pack's sets.
 */
import type { Localized, Pack, Profile, RuleSet } from './schema';

export interface ProfileChoice {
  id: string;
  title: Localized;
  description?: Localized | undefined;
  locales: readonly string[];
}

/** Every profile the packs define, once per id (a later pack's title wins). */
export function listProfiles(packs: readonly Pack[]): ProfileChoice[] {
  const byId = new Map<string, ProfileChoice>();
  for (const pack of packs)
    for (const profile of pack.profiles)
      byId.set(profile.id, {
        id: profile.id,
        title: profile.title,
        description: profile.description,
        locales: pack.locales,
      });
  return [...byId.values()];
}

/** The profile in force when nobody picked one: the last one marked `default`, else the first defined. */
export function defaultProfile(packs: readonly Pack[]): string | undefined {
  const all = packs.flatMap((pack) => pack.profiles);
  return all.findLast((profile) => profile.default)?.id ?? all[0]?.id;
}

/** The profile that applies: the one asked for when some pack defines it, else the default. */
export function resolveProfile(packs: readonly Pack[], wanted: string | undefined): string | undefined {
  if (wanted && packs.some((pack) => pack.profiles.some((profile) => profile.id === wanted))) return wanted;
  return defaultProfile(packs);
}

/** A switch that names the set: a person's or policy's (by "pack/set" or by set id), else the profile's. */
function namedSwitch(
  pack: Pack,
  setId: string,
  switches: Readonly<Record<string, boolean>> | undefined,
  profileId: string | undefined,
): boolean | undefined {
  return switches?.[`${pack.id}/${setId}`] ?? switches?.[setId] ?? profileSets(pack, profileId)[setId];
}

/**
 * Whether a set is on: a switch by "pack/set" or by set id (a reviewer's or policy's), else what
 * the profile says, else the set's own default. The one place this order is decided.
 */
export function isSetOn(
  pack: Pack,
  setId: string,
  switches: Readonly<Record<string, boolean>> | undefined,
  profileId: string | undefined,
): boolean {
  return namedSwitch(pack, setId, switches, profileId) ?? pack.sets.find((set) => set.id === setId)?.enabled ?? true;
}

/**
 * The words that turn on a set which is off by its own default and named by no switch (of a person, policy or
 * the profile): the set's `activatedBy`, else nothing.
 */
export function setContext(
  pack: Pack,
  setId: string,
  switches: Readonly<Record<string, boolean>> | undefined,
  profileId: string | undefined,
): RuleSet['activatedBy'] {
  if (namedSwitch(pack, setId, switches, profileId) !== undefined) return undefined;
  const set = pack.sets.find((candidate) => candidate.id === setId);
  return set && !set.enabled ? set.activatedBy : undefined;
}

/** What the profile switches in this pack ({ setId: on }). */
export function profileSets(pack: Pack, profileId: string | undefined): Profile['sets'] {
  if (!profileId) return {};
  return pack.profiles.find((profile) => profile.id === profileId)?.sets ?? {};
}
