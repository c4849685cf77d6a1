import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';
import {
  activeEventWords,
  addEventWord,
  EVENT_LEXICON,
  pruneEventWords,
  readEventWords,
  removeEventWord,
} from '../../utils/event-words';
import { ORDINARY_DAY } from '../helpers/ordinary-day';

const pack = loadPackFrom('rules/packs/default');
const day = 86_400_000;

beforeEach(() => fakeBrowser.reset());

describe('event words', () => {
  it('keeps a word for the days asked, renews it when added again, and removes it', async () => {
    const now = new Date('2026-12-04T09:00:00Z');
    await addEventWord('Hagibis', 3, now);
    await addEventWord('能登', 7, now);
    await addEventWord('Hagibis', 14, now);
    const words = await readEventWords();
    expect(words.map((w) => [w.word, Date.parse(w.until) - now.getTime()])).toEqual([
      ['能登', 7 * day],
      ['Hagibis', 14 * day],
    ]);
    expect(activeEventWords(words, new Date(now.getTime() + 8 * day)).map((w) => w.word)).toEqual(['Hagibis']);
    expect((await removeEventWord('能登')).map((w) => w.word)).toEqual(['Hagibis']);
  });

  it('drops expired words from storage and sets an alarm for the next expiry', async () => {
    const now = new Date();
    await browser.storage.local.set({
      eventWords: [
        { word: 'old', until: new Date(now.getTime() - day).toISOString() },
        { word: 'new', until: new Date(now.getTime() + day).toISOString() },
      ],
    });
    await pruneEventWords(now);
    expect((await readEventWords()).map((w) => w.word)).toEqual(['new']);
    const alarm = await browser.alarms.get('preflight:event-words-expiry');
    expect(alarm?.scheduledTime).toBe(now.getTime() + day + 1000);
  });

  it('ignores a stored value of the wrong shape instead of failing', async () => {
    await browser.storage.local.set({ eventWords: 'not a list' });
    expect(await readEventWords()).toEqual([]);
  });

  it('fills the default pack’s event-words lexicon: a promotion naming the event is blocked, a notice is not', () => {
    // An ordinary day: on a remembrance day the sale would get that day's note too, whatever the event words.
    const now = ORDINARY_DAY;
    const checker = compilePacks([pack], { lexicons: { [EVENT_LEXICON]: ['Hagibis'] } });
    const ids = (text: string) => checker.check(text, { now }).map((f) => [f.ruleId, f.severity]);
    expect(ids('Hagibis weekend sale: umbrellas 20% off')).toContainEqual(['risk.event-promo', 'block']);
    expect(ids('Hagibis: our Kanto stores are closed today.')).toEqual([]);
    expect(compilePacks([pack]).check('Hagibis weekend sale: umbrellas 20% off', { now })).toEqual([]);
  });
});
