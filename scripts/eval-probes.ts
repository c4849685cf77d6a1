/**
 * Blind paraphrase probes (eval/probes/): texts WRITTEN for measurement, not real ones. A writer who never saw the
 * rules paraphrased caught corpus violations (and wrote hard clean texts); half of each set is tuned on, the other
 * half ("held") is what shows whether the rules caught a class or only the corpus wording. Reported apart from the
 * corpus, never gated and never mixed into its figures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Finding } from '../rules/index';

export const ProbeItem = z.strictObject({
  split: z.enum(['tune', 'held']),
  expect: z.enum(['flag', 'pass']),
  /** The corpus item a violation probe paraphrases (`fresh-<n>` for a kind written from a regulator's page). */
  source: z.string().optional(),
  class: z.string().optional(),
  /** What a clean probe is about. */
  topic: z.string().optional(),
  text: z.string().min(1),
});
export type ProbeItem = z.infer<typeof ProbeItem>;

const PROBE_FILE = /^([a-z0-9]+)-(en|ja)\.jsonl$/;

export interface ProbeSet {
  name: string;
  lang: 'en' | 'ja';
  items: ProbeItem[];
}

/** Every `<set>-<lang>.jsonl` in the folder; a bad line names its file and line. */
export function readProbes(dir: string): ProbeSet[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => PROBE_FILE.test(name))
    .sort()
    .map((name) => {
      const [, set, lang] = PROBE_FILE.exec(name)!;
      const items = readFileSync(join(dir, name), 'utf8')
        .split('\n')
        .flatMap((line, index) => {
          if (!line.trim()) return [];
          const parsed = ProbeItem.safeParse(JSON.parse(line));
          if (!parsed.success) throw new Error(`${name}:${index + 1}: ${parsed.error.issues[0]?.message}`);
          return [parsed.data];
        });
      return { name: set!, lang: lang as 'en' | 'ja', items };
    });
}

export interface ProbeTally {
  caught: number;
  violations: number;
  flagged: number;
  clean: number;
}

/** Per set, language and split (fresh kinds apart): violations with a warn or block, clean probes with one. */
export function tallyProbes(
  sets: ProbeSet[],
  check: (text: string, lang: 'en' | 'ja') => Pick<Finding, 'severity'>[],
): Record<string, ProbeTally> {
  const tallies: Record<string, ProbeTally> = {};
  for (const set of sets) {
    for (const item of set.items) {
      // Kinds written fresh from a regulator's page measure reach, not rewording: they are tallied apart.
      const fresh = item.class?.startsWith('fresh-') ? ' fresh kinds' : '';
      const key = `${set.name} ${set.lang} ${item.split}${fresh}`;
      tallies[key] ??= { caught: 0, violations: 0, flagged: 0, clean: 0 };
      const hit = check(item.text, set.lang).some((finding) => finding.severity !== 'info');
      if (item.expect === 'flag') {
        tallies[key].violations++;
        if (hit) tallies[key].caught++;
      } else {
        tallies[key].clean++;
        if (hit) tallies[key].flagged++;
      }
    }
  }
  return tallies;
}
