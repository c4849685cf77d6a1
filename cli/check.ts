/** `preflight check`: run drafts through the packs, for people (text) or tools (JSON). */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Finding, type Pack, PLATFORMS, type Platform, PostType } from '../rules/index';
import { listProfiles } from '../rules/profiles';
import { builtInPack, compileWithBuiltIn } from './builtin-pack';
import { type Io, UsageError } from './main';
import { loadPackFrom } from './pack-source';
import { unknownName } from './suggest';

/** `--sets a,b` runs only those sets; `--sets +a,-b` switches sets on and off from their defaults. */
export function parseSets(value: string | undefined, packs: Pack[]): Record<string, boolean> | undefined {
  if (!value) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Set(packs.flatMap((pack) => pack.sets.flatMap((set) => [set.id, `${pack.id}/${set.id}`])));
  const relative = items.every((item) => item.startsWith('+') || item.startsWith('-'));
  const sets: Record<string, boolean> = {};
  if (!relative) for (const pack of packs) for (const set of pack.sets) sets[set.id] = false;
  for (const item of items) {
    const id = item.replace(/^[+-]/, '');
    if (!known.has(id))
      throw new UsageError(
        unknownName(
          'set',
          id,
          [...known].filter((k) => !k.includes('/')),
        ),
      );
    sets[id] = !item.startsWith('-');
  }
  return sets;
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

function formatText(text: string, findings: Finding[], lang: string): string {
  if (findings.length === 0) return lang === 'ja' ? '問題は見つかりませんでした。' : 'No problems found.';
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(
      `${f.severity.toUpperCase().padEnd(5)}  ${position(text, f.start)}  ${f.ruleId}  "${f.excerpt.replace(/\n/g, '⏎')}"`,
    );
    lines.push(`       ${f.message}`);
    // An empty suggestion removes the words.
    const suggestions = f.suggestions.map((s) => s || (lang === 'ja' ? '（削除）' : '(remove)'));
    if (suggestions.length > 0)
      lines.push(`       ${lang === 'ja' ? '候補' : 'Suggestion'}: ${suggestions.join(', ')}`);
    lines.push(`       ${lang === 'ja' ? 'マニュアル' : 'Manual'}: ${f.manual.title} (#${f.manual.id})`);
  }
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push(
    '',
    `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${count('block')} block, ${count('warn')} warn, ${count('info')} info`,
  );
  return lines.join('\n');
}

export async function runCheck(argv: string[], io: Io): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = (args: string[]) =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        file: { type: 'string', short: 'f' },
        platform: { type: 'string', short: 'p' },
        'post-type': { type: 'string' },
        pack: { type: 'string', multiple: true },
        'no-default': { type: 'boolean' },
        sets: { type: 'string' },
        profile: { type: 'string' },
        date: { type: 'string' },
        lang: { type: 'string' },
        format: { type: 'string', default: 'text' },
      },
    });
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const platform = values.platform;
  if (platform !== undefined && !PLATFORMS.includes(platform as Platform)) {
    throw new UsageError(unknownName('platform', platform, PLATFORMS));
  }
  const postType = values['post-type'];
  if (postType !== undefined && !PostType.safeParse(postType).success) {
    throw new UsageError(unknownName('post type', postType, PostType.options));
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format is text or json');
  const lang = values.lang ?? (/^ja/i.test(process.env.LANG ?? '') ? 'ja' : 'en');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang))
    throw new UsageError(`--lang expects a language tag such as en or ja`);

  let text: string;
  const fromStdin = values.file === '-' || (positionals.length === 1 && positionals[0] === '-');
  if (fromStdin) text = await io.stdin();
  else if (values.file !== undefined) {
    if (positionals.length > 0) throw new UsageError('give the draft as TEXT or --file, not both');
    text = readFileSync(values.file, 'utf8');
  } else if (positionals.length > 0) text = positionals.join(' ');
  else throw new UsageError('no draft: give TEXT, --file F or - for standard input');

  // Like the extension: team packs layer on the built-in one, unless --no-default checks them alone.
  if (values['no-default'] && !values.pack?.length) throw new UsageError('--no-default needs at least one --pack');
  const packs = [...(values['no-default'] ? [] : [builtInPack()]), ...(values.pack ?? []).map(loadPackFrom)];
  const profiles = listProfiles(packs).map((profile) => profile.id);
  if (values.profile !== undefined && !profiles.includes(values.profile)) {
    throw new UsageError(
      profiles.length > 0
        ? unknownName('profile', values.profile, profiles)
        : `unknown profile "${values.profile}" (the packs define no profiles)`,
    );
  }
  // Dated rules (sensitive days) as on another day: noon local time, so no time zone moves the date.
  const now = values.date === undefined ? undefined : new Date(`${values.date}T12:00:00`);
  if (now && (!/^\d{4}-\d{2}-\d{2}$/.test(values.date ?? '') || Number.isNaN(now.getTime())))
    throw new UsageError(`--date expects a day such as 2027-03-11`);
  const checker = compileWithBuiltIn(packs, { sets: parseSets(values.sets, packs), profile: values.profile });
  const findings = checker.check(text, {
    now,
    platform: platform as Platform | undefined,
    postType: postType as PostType | undefined,
    locale: lang,
  });
  if (values.format === 'json') io.out(JSON.stringify({ platform: platform ?? null, findings }, null, 2));
  else io.out(formatText(text, findings, lang));
  return findings.some((f) => f.severity === 'block') ? 1 : 0;
}
