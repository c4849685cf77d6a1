import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, PROBES_DIR } from '../../scripts/eval';
import { readProbes, tallyProbes } from '../../scripts/eval-probes';

const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'probes-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};
const line = (item: object) => `${JSON.stringify(item)}\n`;

describe('blind paraphrase probes', () => {
  it('reads <set>-<lang>.jsonl files and ignores the rest of the folder', () => {
    const dir = folder({
      'blind52-en.jsonl': line({ split: 'held', expect: 'flag', source: 'en-x', class: 'c', text: 'Cures colds.' }),
      'blind52-ja.jsonl': line({ split: 'tune', expect: 'pass', topic: 'news', text: '措置命令が出た。' }),
      'README.md': '# probes',
    });
    expect(readProbes(dir).map((set) => [set.name, set.lang, set.items.length])).toEqual([
      ['blind52', 'en', 1],
      ['blind52', 'ja', 1],
    ]);
    expect(readProbes(join(dir, 'missing'))).toEqual([]);
  });

  it('holds the project’s own sets, each with held violations and held clean probes', () => {
    const sets = readProbes(PROBES_DIR);
    expect(sets.length).toBeGreaterThanOrEqual(4);
    for (const set of sets) {
      const kinds = new Set(set.items.map((item) => `${item.split} ${item.expect}`));
      expect([...kinds], `${set.name}-${set.lang}`).toEqual(expect.arrayContaining(['held flag', 'held pass']));
      // a paraphrase names the corpus text it rewrites; a fresh kind (written from a regulator's page) its number
      for (const item of set.items.filter((probe) => probe.expect === 'flag'))
        expect(item.source).toMatch(item.class?.startsWith('fresh-') ? /^fresh-\d+$/ : /^(en|ja)-/);
    }
  });

  it('names the file and line of a probe that does not fit the schema', () => {
    const dir = folder({
      'blind52-en.jsonl':
        line({ split: 'held', expect: 'flag', text: 'ok' }) + line({ split: 'later', expect: 'flag', text: 'bad' }),
    });
    expect(() => readProbes(dir)).toThrow(/^blind52-en\.jsonl:2: /);
  });

  it('counts violations caught and clean probes flagged per set, language and split, fresh kinds apart; info is no flag', () => {
    const dir = folder({
      'blind52-en.jsonl': [
        line({ split: 'held', expect: 'flag', text: 'cures colds' }),
        line({ split: 'held', expect: 'flag', text: 'tastes nice' }),
        line({ split: 'held', expect: 'pass', text: 'does not cure colds' }),
        line({ split: 'tune', expect: 'pass', text: 'cures nothing, info only' }),
        line({ split: 'held', expect: 'flag', source: 'fresh-1', class: 'fresh-cure-claim', text: 'cures flu' }),
      ].join(''),
    });
    const severity = (text: string) =>
      text.startsWith('cures nothing') ? 'info' : text.includes('cure') ? 'warn' : undefined;
    const tallies = tallyProbes(readProbes(dir), (text) => {
      const found = severity(text);
      return found ? [{ severity: found }] : [];
    });
    expect(tallies).toEqual({
      'blind52 en held': { caught: 1, violations: 2, flagged: 1, clean: 1 },
      'blind52 en tune': { caught: 0, violations: 0, flagged: 0, clean: 1 },
      // a kind written fresh from a regulator's page is tallied apart from the paraphrases
      'blind52 en held fresh kinds': { caught: 1, violations: 1, flagged: 0, clean: 0 },
    });
  });

  it('prints the probes apart from the corpus figures', () => {
    const text = formatReport(
      {
        pack: { id: 'p', version: '1.0.0' },
        overall: { flag: 0, caught: 0, recall: null, pass: 0, falseAlarms: 0, falseRate: null },
        groups: {},
        misses: [],
        falseAlarms: [],
        caughtRules: {},
        falseAlarmRules: {},
        unknownProfiles: [],
        probes: {
          'blind52 en held': { caught: 46, violations: 80, flagged: 1, clean: 40 },
          'blind52 en held fresh kinds': { caught: 26, violations: 40, flagged: 0, clean: 0 },
        },
      } as unknown as Parameters<typeof formatReport>[0],
      false,
    );
    expect(text).toMatch(/blind probes[^\n]*\n {2}blind52 en held +caught 46\/80 {3}clean flagged 1\/40/);
    // fresh kinds have no clean texts of their own: no "clean flagged 0/0"
    expect(text).toMatch(/\n {2}blind52 en held fresh kinds +caught 26\/40(\n|$)/);
  });
});
