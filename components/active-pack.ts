/** Which pack is active. Until packs can be imported (the options issue), the built-in one. */
import defaultPack from 'virtual:preflight/default-pack';
import { localize, type Pack } from '../rules/index';

export function activePackSummary(locale = 'en') {
  const pack = defaultPack as Pack;
  return {
    id: pack.id,
    name: localize(pack.name, locale, pack.locales),
    version: pack.version,
    rules: pack.rules.length,
    sets: pack.sets.map((set) => ({
      id: set.id,
      title: localize(set.title, locale, pack.locales),
      enabled: set.enabled,
    })),
  };
}
