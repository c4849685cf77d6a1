/**
 * The one-click fix both browser suites drive (Chromium with playwright, Firefox with puppeteer): the
 * draft, what the fix makes of it, the keys that put the caret into the finding, and the check that
 * the site's model holds the fix, takes typing after it and posts exactly that. Driver-neutral: each
 * suite passes its own way to press a key, read the model, type, post and read what was posted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** A `warn` finding with one suggestion (a brand's spelling). */
export const FIX_DRAFT = 'Watch it on Youtube today';
export const FIX_FIXED = 'Watch it on YouTube today';
/** The fixed draft with one more character typed after the fix. */
export const FIX_TYPED = FIX_FIXED.replace('YouTube', 'YouTube!');

/** From the end of the draft, the caret into "Youtube" (where Alt+Enter opens its card). */
export async function caretIntoFinding(press: (key: 'End' | 'ArrowLeft') => Promise<void>): Promise<void> {
  await press('End');
  for (let i = 0; i < ' today'.length + 2; i++) await press('ArrowLeft');
}

/** A team pack whose one rule offers to remove a filler word (`suggest: ''`): the "Remove" fix. */
const REMOVAL_PACK = `id: team-fillers
name: { en: Filler words, ja: 不要語 }
version: 1.0.0
locales: [en, ja]
sets: [{ id: fillers, title: { en: Filler words, ja: 不要語 } }]
manual:
  - id: fillers
    title: { en: Filler words, ja: 不要語 }
    body: { en: Cut words that say nothing., ja: 意味のない語は削ります。 }
rules:
  - id: team.filler
    set: fillers
    kind: terms
    category: brand
    severity: warn
    manual: fillers
    message: { en: "{match} says nothing: cut it.", ja: "{match}は削れます。" }
    terms: [{ term: basically, suggest: '' }]
    examples: { flag: [It is basically done], pass: [It is done] }
`;
export const REMOVAL_DRAFT = 'It is basically done';
/** The removal draft after "Remove": the word and one space gone. */
export const REMOVED = 'It is done';

/** The removal pack as a file, for the options page's file input. */
export const removalPackFile = (): string => packFile(REMOVAL_PACK);

/** A pack's YAML as a file, for the options page's file input. */
export function packFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'preflight-packs-')), 'team.yaml');
  writeFileSync(file, yaml);
  return file;
}

/** From the end of the removal draft, the caret into "basically". */
export async function caretIntoRemoval(press: (key: 'End' | 'ArrowLeft') => Promise<void>): Promise<void> {
  await press('End');
  for (let i = 0; i < ' done'.length + 2; i++) await press('ArrowLeft');
}

export interface FixDriver {
  model(): Promise<string>;
  type(text: string): Promise<void>;
  post(): Promise<void>;
  lastPosted(): Promise<string | undefined>;
}

/** After the fix was clicked: the model holds it, typing goes on after it, and Post sends exactly that. */
export async function typeAfterFixAndPost(page: FixDriver): Promise<void> {
  await expect.poll(() => page.model()).toBe(FIX_FIXED);
  await page.type('!');
  await expect.poll(() => page.model()).toBe(FIX_TYPED);
  await page.post();
  await expect.poll(() => page.lastPosted()).toBe(FIX_TYPED);
}
