import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusItem } from '../../eval/schema';
import { CORPUS_DIR, corpusFiles, draftOf } from '../../scripts/eval';

const files = corpusFiles(CORPUS_DIR);

describe('the evaluation corpus', () => {
  it.each(files.map((file) => [relative(CORPUS_DIR, file), file]))('%s: every line is a valid item', (_, file) => {
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.at(-1), 'ends with one newline').toBe('');
    const problems = lines.slice(0, -1).flatMap((line, index) => {
      if (!line.trim()) return [`line ${index + 1}: blank`];
      const parsed = CorpusItem.safeParse(JSON.parse(line));
      return parsed.success
        ? []
        : parsed.error.issues.map((i) => `line ${index + 1}: ${i.path.join('.')}: ${i.message}`);
    });
    expect(problems).toEqual([]);
  });

  it('has unique ids and at least 200 violations and 200 clean texts in English', () => {
    const items = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => CorpusItem.parse(JSON.parse(line))),
    );
    const ids = items.map((i) => i.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const en = items.filter((i) => i.lang === 'en');
    expect(en.filter((i) => i.expect === 'flag').length).toBeGreaterThanOrEqual(200);
    expect(en.filter((i) => i.expect === 'pass').length).toBeGreaterThanOrEqual(200);
  });

  // The eval gate and docs/evaluation.md tell rounds apart by id: an id without "-fresh<N>-" counts as a text gathered
  // before round 3 (session 27's class sets entered as recruit50-… and raised that figure until renamed).
  const EARLY_FILES = new Set(
    'apologies asa-rulings asa asai blunders brand-posts-x brand-posts claims clean compliant conduct cosmetics disclosure finance ftc-covid ftc-endorsement ftc-mlm health medical money'
      .split(' ')
      .map((name) => `${name}.jsonl`),
  );
  const nameOf = (file: string) => relative(CORPUS_DIR, file).split(/[\\/]/).at(-1)!;
  // round 2's sets were named fresh-… without their round
  const roundFiles = files.filter((file) => !EARLY_FILES.has(nameOf(file)) && !nameOf(file).startsWith('fresh-'));

  it('names every set after the early ones fresh<round>-…', () => {
    expect(roundFiles.map(nameOf).filter((name) => !/^fresh\d+-/.test(name))).toEqual([]);
  });

  it.each(roundFiles.map((file) => [relative(CORPUS_DIR, file), file]))('%s: every id carries its round', (_, file) => {
    const round = /^fresh(\d+)-/.exec(nameOf(file))?.[1];
    const ids = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids.filter((id) => !id.includes(`-fresh${round}-`))).toEqual([]);
  });
});

describe('the draft an API text stands for', () => {
  it('drops the handles a reply answers and the media link, which the composer never holds', () => {
    const text = '@GeminiApp @YouTube Ultra is here. Email me at @ noon https://t.co/Y4gZ2t5dlA';
    expect(draftOf({ text, apiText: true })).toBe('Ultra is here. Email me at @ noon');
    expect(draftOf({ text: '@ lunch come outside', apiText: true })).toBe('@ lunch come outside');
  });

  it('leaves a text typed by hand as it is', () => {
    const text = '@GeminiApp see https://t.co/Y4gZ2t5dlA';
    expect(draftOf({ text })).toBe(text);
  });
});
