/**
 * The layout is the design: one file per rule kind and per platform adapter, each with its tests and
 * fixture, and the README in step with the pack. This test fails when one of them is left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { loadPackFrom } from '../../cli/pack-source';
import { ADAPTERS, adapterFor } from '../../entrypoints/content/platforms/index';
import { KINDS } from '../../rules/kinds/index';
import { PLATFORMS, RULE_KINDS } from '../../rules/schema';
import { limitsTable } from '../../scripts/limits-table';

const root = process.cwd();
const readme = readFileSync(join(root, 'README.md'), 'utf8');
// The deeper guides live in docs/ and the README links them.
const packFormat = readFileSync(join(root, 'docs', 'pack-format.md'), 'utf8');
const defaultPackGuide = readFileSync(join(root, 'docs', 'default-pack.md'), 'utf8');
// Tables compared cell by cell: the formatter pads cells and separator rows.
const cells = (markdown: string) => markdown.replace(/ *\| */g, '|').replace(/-{3,}/g, '---');
const pack = loadPackFrom(DEFAULT_PACK_DIR);

describe('rule kinds', () => {
  it.each(RULE_KINDS)(
    '%s has its file, unit tests, an entry in docs/pack-format.md and a default-pack rule',
    (kind) => {
      expect(KINDS[kind].kind).toBe(kind);
      expect(existsSync(join(root, 'rules', 'kinds', `${kind}.ts`))).toBe(true);
      expect(existsSync(join(root, 'test', 'unit', 'kinds', `${kind}.test.ts`))).toBe(true);
      expect(cells(packFormat)).toContain(`|\`${kind}\`|`);
      expect(pack.rules.some((rule) => rule.kind === kind)).toBe(true);
    },
  );
});

describe('platform adapters', () => {
  it('cover the ten platforms, once each', () => {
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...PLATFORMS].sort());
  });

  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s has its file, a fixture, an e2e spec and https match patterns',
    (id, adapter) => {
      expect(existsSync(join(root, 'entrypoints', 'content', 'platforms', `${id}.ts`))).toBe(true);
      expect(existsSync(join(root, 'test', 'fixtures', id, 'index.html'))).toBe(true);
      expect(existsSync(join(root, 'test', 'e2e', 'platforms', `${id}.test.ts`))).toBe(true);
      expect(adapter.matches.length).toBeGreaterThan(0);
      for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
      expect(adapter.composers.length).toBeGreaterThan(0);
      expect(adapter.publish.length).toBeGreaterThan(0);
      for (const selector of [...adapter.composers, ...adapter.publish, ...adapter.container]) {
        expect(() => new Window().document.querySelector(selector), selector).not.toThrow();
      }
    },
  );

  it('finds the adapter for a page by its host', () => {
    expect(adapterFor(new URL('https://x.com/home'))?.id).toBe('x');
    expect(adapterFor(new URL('https://www.threads.com/@brand'))?.id).toBe('threads');
    expect(adapterFor(new URL('https://mastodon.example/home'))).toBeUndefined();
    expect(adapterFor(new URL('https://mastodon.example/home'), ['mastodon.example'])?.id).toBe('mastodon');
    expect(adapterFor(new URL('https://evil-x.com/'))).toBeUndefined();
  });
});

describe('the README and the guides', () => {
  it("hold the default pack's platform limits as the pack has them (npx tsx scripts/limits-table.ts)", () => {
    expect(cells(defaultPackGuide)).toContain(cells(limitsTable(pack)));
  });

  it('link every guide in docs/ from the README', () => {
    for (const guide of readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')))
      expect(readme).toContain(`](docs/${guide})`);
  });

  it('shows screenshots that exist', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)].map((match) => match[1] as string);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(existsSync(join(root, image)), image).toBe(true);
  });
});

describe('docs/default-pack.md', () => {
  // Its opening sentence is read before any table: the totals there have gone stale after merges before.
  it("gives the pack's totals (rules, sets, examples, lexicons) as the pack has them", () => {
    const prose = defaultPackGuide.replace(/\s+/g, ' ');
    const examples = pack.rules.reduce((sum, rule) => sum + rule.examples.flag.length + rule.examples.pass.length, 0);
    const thousands = (n: number) => n.toLocaleString('en-US');
    expect(prose).toContain(`${pack.rules.length} rules in ${pack.sets.length} sets`);
    expect(prose).toContain(`examples (${thousands(examples)} in all)`);
    expect(prose).toContain(`${pack.lexicons.length} lexicons`);
  });

  it("gives each set's rule count as the pack has it", () => {
    for (const set of pack.sets) {
      const count = pack.rules.filter((rule) => rule.set === set.id).length;
      expect(cells(defaultPackGuide), set.id).toMatch(new RegExp(`\\|\`${set.id}\`( \\(off\\))?\\|${count}\\|`));
    }
  });
});
