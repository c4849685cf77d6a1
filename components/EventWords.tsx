/**
 * A current disaster or tragedy in two clicks: type its name (a typhoon, a town), pick how many days,
 * Add. Promotions that name it are stopped until the word expires.
 */
import { useEffect, useState } from 'preact/hooks';
import { addEventWord, EVENT_DAYS, readEventWords, removeEventWord } from '../utils/event-words';
import type { EventWord } from '../utils/storage';
import { t, tn } from './i18n';

export function EventWords({ locale }: { locale: string }) {
  const [words, setWords] = useState<EventWord[]>([]);
  const [word, setWord] = useState('');
  const [days, setDays] = useState<number>(7);
  useEffect(() => {
    void readEventWords().then(setWords);
  }, []);
  const add = async (event: Event) => {
    event.preventDefault();
    if (!word.trim()) return;
    setWords(await addEventWord(word.trim(), days));
    setWord('');
  };
  return (
    <div class="event-words">
      <form onSubmit={add}>
        <label>
          {t('eventWordLabel')}{' '}
          <input
            data-testid="event-word"
            value={word}
            maxLength={100}
            placeholder={t('eventWordPlaceholder')}
            onInput={(event) => setWord((event.target as HTMLInputElement).value)}
          />
        </label>{' '}
        <label>
          {t('eventWordDays')}{' '}
          <select
            data-testid="event-days"
            value={String(days)}
            onChange={(event) => setDays(Number((event.target as HTMLSelectElement).value))}
          >
            {EVENT_DAYS.map((n) => (
              <option key={n} value={String(n)}>
                {tn('eventWordDaysOption', n)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" data-testid="event-add" disabled={!word.trim()}>
          {t('eventWordAdd')}
        </button>
      </form>
      {words.length > 0 && (
        <ul data-testid="event-words">
          {words.map((entry) => (
            <li key={entry.word}>
              <strong>{entry.word}</strong>{' '}
              <small>{t('eventWordUntil', new Date(entry.until).toLocaleDateString(locale))}</small>{' '}
              <button
                type="button"
                aria-label={t('eventWordRemove', entry.word)}
                onClick={async () => setWords(await removeEventWord(entry.word))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
