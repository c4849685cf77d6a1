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
