/**
 * Where a finding's words come from: its manual section and its rule's short title, in the reader's
 * language, looked up in the packs that produced it. Pure, shared by the content script and the pages.
 */
import { localize } from './compile';
import type { Pack } from './schema';

export type ManualLookup = (pack: string, sectionId: string) => { title: string; body: string } | undefined;
/** A rule's short title, in the reader's language, when its pack gives one. */
export type TitleLookup = (pack: string, ruleId: string) => string | undefined;

/** A finding's manual section, in the reader's language, from the packs that produced it. */
export function manualLookup(packs: readonly Pack[], locale: string): ManualLookup {
  return (packId, sectionId) => {
    const pack = packs.find((p) => p.id === packId);
    const section = pack?.manual.find((s) => s.id === sectionId);
    if (!pack || !section) return undefined;
    return { title: localize(section.title, locale, pack.locales), body: localize(section.body, locale, pack.locales) };
  };
}

export function titleLookup(packs: readonly Pack[], locale: string): TitleLookup {
  return (packId, ruleId) => {
    const pack = packs.find((p) => p.id === packId);
    const title = pack?.rules.find((r) => r.id === ruleId)?.title;
    return pack && title ? localize(title, locale, pack.locales) : undefined;
  };
}
