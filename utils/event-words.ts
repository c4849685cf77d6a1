/**
 * Event words: names of a disaster or tragedy happening now (a typhoon, a town hit by an
 * earthquake) that a reviewer adds from the popup for a few days. They fill the packs' `event-words`
 * lexicon, so promotions that name the event are stopped; each word expires by itself.
 */
import { browser } from 'wxt/browser';
import { EventWord, storage } from './storage';

export const EVENT_LEXICON = 'event-words';

export const EVENT_DAYS = [3, 7, 14, 30] as const;

/** The words still in force at `now`. */
export function activeEventWords(words: readonly EventWord[], now = new Date()): EventWord[] {
  return words.filter((entry) => new Date(entry.until) > now);
}

export const readEventWords = (): Promise<EventWord[]> => storage.eventWords.get();

/** Add a word for `days` days (a word already there gets the later expiry); expired words are dropped. */
export async function addEventWord(word: string, days: number, now = new Date()): Promise<EventWord[]> {
  const entry = EventWord.parse({ word, until: new Date(now.getTime() + days * 86_400_000).toISOString() });
  const others = activeEventWords(await readEventWords(), now).filter((e) => e.word !== entry.word);
  const next = [...others, entry];
  await storage.eventWords.set(next);
  return next;
}

export async function removeEventWord(word: string): Promise<EventWord[]> {
  const next = (await readEventWords()).filter((entry) => entry.word !== word);
  await storage.eventWords.set(next);
  return next;
}

export const EVENT_EXPIRY_ALARM = 'preflight:event-words-expiry';

/**
 * Drop expired words from storage (so open composers recompile without them) and set an alarm for
 * the next expiry. The background calls it at start, on each change and on the alarm.
 */
export async function pruneEventWords(now = new Date()): Promise<void> {
  const words = await readEventWords();
  const active = activeEventWords(words, now);
  if (active.length !== words.length) await storage.eventWords.set(active);
  const next = Math.min(...active.map((entry) => Date.parse(entry.until)));
  if (Number.isFinite(next)) await browser.alarms.create(EVENT_EXPIRY_ALARM, { when: next + 1000 });
}
