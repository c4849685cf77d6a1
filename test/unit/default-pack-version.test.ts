/**
 * The built-in pack's version tells an audit record, the popup and an admin which rules checked a post, so it must
 * move when the pack does (docs/pack-format.md, "Versioning a pack"). Each version in the pack's CHANGELOG.md records
 * two fingerprints: `rules` (rule ids, their sets, set defaults, profiles: a change is a major version) and `content`
 * (everything an operator meets: terms, patterns, messages, manual, models; examples and the version left out).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import type { Pack } from '../../rules/index';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

function fingerprints(pack: Pack) {
  const rules = digest({
    rules: pack.rules.map((rule) => `${rule.id} ${rule.set}`).sort(),
    sets: pack.sets.map((set) => `${set.id} ${set.enabled}`).sort(),
    profiles: pack.profiles.map((profile) => ({ id: profile.id, sets: profile.sets, default: profile.default })),
  });
  const { version: _version, rules: ruleList, ...rest } = pack;
  const content = digest({ ...rest, rules: ruleList.map(({ examples: _examples, ...rule }) => rule) });
  return { rules, content };
}

interface Release {
  version: string;
  rules?: string;
  content?: string;
}

/** `## 2.0.0 (2026-12-07)` headings, newest first, each with an optional `Fingerprints: rules `…`, content `…`` line. */
function releases(changelog: string): Release[] {
  const found: Release[] = [];
  for (const line of changelog.split('\n')) {
    const heading = /^## (\d+\.\d+\.\d+)\b/.exec(line);
    if (heading) found.push({ version: heading[1]! });
    const prints = /^Fingerprints: rules `([0-9a-f]{12})`, content `([0-9a-f]{12})`/.exec(line);
    if (prints && found.length) Object.assign(found.at(-1)!, { rules: prints[1], content: prints[2] });
  }
  return found;
}

const parts = (version: string) => version.split('.').map(Number) as [number, number, number];
const newer = (a: string, b: string) => {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

describe('the default pack’s version', () => {
  const pack = loadPackFrom(DEFAULT_PACK_DIR);
  const history = releases(readFileSync(join(DEFAULT_PACK_DIR, 'CHANGELOG.md'), 'utf8'));

  it('is the newest entry of its changelog, and that entry records the pack as it is', () => {
    const now = fingerprints(pack);
    const latest = history[0];
    expect(latest?.version, 'pack.yaml’s version has no entry at the top of CHANGELOG.md').toBe(pack.version);
    const advice =
      `the pack is not what CHANGELOG.md records for ${latest?.version}: give the change a new version in pack.yaml ` +
      `and a new entry (major when rule ids, sets or profiles changed), ending with the line: ` +
      `Fingerprints: rules \`${now.rules}\`, content \`${now.content}\``;
    expect({ rules: latest?.rules, content: latest?.content }, advice).toEqual(now);
  });

  it('moves up with every recorded change, a major step when rules, sets or profiles changed', () => {
    for (const [index, release] of history.entries()) {
      const previous = history[index + 1];
      if (!previous) continue;
      expect(newer(release.version, previous.version), `${release.version} after ${previous.version}`).toBeGreaterThan(
        0,
      );
      if (release.rules && previous.rules && release.rules !== previous.rules) {
        expect(
          parts(release.version)[0],
          `${release.version}: rules changed since ${previous.version}`,
        ).toBeGreaterThan(parts(previous.version)[0]);
      }
    }
  });

  it('reads fingerprints that move when a rule is added or a term changes, and not when an example does', () => {
    const base = fingerprints(pack);
    const first = pack.rules[0]!;
    const renamed = { ...pack, rules: [{ ...first, id: `${first.id}-copy` }, ...pack.rules] };
    expect(fingerprints(renamed as Pack).rules).not.toBe(base.rules);
    const reworded = { ...pack, rules: [{ ...first, message: { en: 'changed', ja: '変更' } }, ...pack.rules.slice(1)] };
    expect(fingerprints(reworded as Pack)).toMatchObject({
      rules: base.rules,
      content: expect.not.stringMatching(base.content),
    });
    const newExample = { ...pack, rules: [{ ...first, examples: [] }, ...pack.rules.slice(1)] };
    expect(fingerprints(newExample as Pack)).toEqual(base);
    expect(fingerprints({ ...pack, version: '99.0.0' })).toEqual(base);
  });
});
