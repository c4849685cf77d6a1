/**
 * UI strings come from the extension's messages (public/_locales/<lang>/messages.json), which the
 * browser picks by its UI language. Outside the extension (unit tests) the English file answers.
 */
import { browser } from 'wxt/browser';
import english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

function fallback(key: MessageKey, substitutions: (string | number)[]): string {
  const entry = english[key] as { message: string; placeholders?: Record<string, { content: string }> };
  return entry.message.replace(/\$([A-Z_]+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    const index = content ? Number(content.slice(1)) - 1 : -1;
    return index >= 0 ? String(substitutions[index] ?? '') : whole;
  });
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  try {
    const message = browser?.i18n?.getMessage(key, substitutions.map(String));
    if (message) return message;
  } catch {
    // Not in an extension page: fall through to English.
  }
  return fallback(key, substitutions);
}

/** The language for rule messages and manual sections: the browser's UI language. */
export function uiLocale(): string {
  try {
    return browser?.i18n?.getUILanguage() || navigator.language || 'en';
  } catch {
    return typeof navigator === 'undefined' ? 'en' : navigator.language;
  }
}

/** The language the pages' messages are in (the _locales folder the browser picked): for `lang` and plurals. */
export function messagesLanguage(): string {
  return t('langTag');
}

/** Keys with plural forms: `<key>_one`, `<key>_other`… (a language without plurals gives only `_other`). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** A count in words by the language's plural rules: "1 rule", "2 rules", "2 ルール". */
export function tn(key: PluralKey, count: number, ...rest: (string | number)[]): string {
  const category = new Intl.PluralRules(messagesLanguage()).select(count);
  const form = `${key}_${category}`;
  return t((form in english ? form : `${key}_other`) as MessageKey, count, ...rest);
}

/** Platforms by their own names (brand names: the same in every language). */
const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  youtube: 'YouTube',
  tiktok: 'TikTok',
};

export function platformName(platform: string): string {
  return PLATFORM_NAMES[platform] ?? platform;
}
