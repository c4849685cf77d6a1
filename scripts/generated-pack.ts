/** A large synthetic pack for the benchmark: many term rules, deterministic. */
import type { Pack } from '../rules/index';
import { prng } from './prng';

const KANA = 'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん';
const KANJI = '新商品価格配送店舗営業時間限定発売予約会員登録確認変更停止再開案内';

/** 1,000 rules with 5 terms each: half English pseudo-words, half Japanese. */
export function generatedPack(rules = 1000, termsPerRule = 5): Pack {
  const random = prng(42);
  const pick = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return {
    id: 'generated',
    name: 'Generated',
    version: '1.0.0',
    locales: ['en'],
    sets: [{ id: 'all', title: 'All', enabled: true }],
    profiles: [],
    manual: [{ id: 'm', title: 'Manual', body: '' }],
    overrides: [],
    lexicons: [],
    models: [],
    rules: Array.from({ length: rules }, (_, r) => ({
      id: `gen.rule-${r}`,
      set: 'all',
      kind: 'terms' as const,
      category: 'brand' as const,
      severity: 'warn' as const,
      manual: 'm',
      message: 'Avoid {match}',
      caseSensitive: false,
      examples: { flag: [], pass: [] },
      terms: Array.from({ length: termsPerRule }, () =>
        r % 2 === 0
          ? `${pick('bcdfghjklmnpqrstvwz', 1)}${pick('aeiou', 1)}${pick('bcdfghjklmnprstvz', 1)}${pick('aeiouy', 1)}${pick('klmnrst', 1 + Math.floor(random() * 4))}`
          : `${pick(KANJI, 1)}${pick(KANA, 2 + Math.floor(random() * 2))}`,
      ),
    })),
  };
}
