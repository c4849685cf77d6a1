/**
 * The README's platform-limits table, generated from the default pack so the two cannot drift:
 *   npx tsx scripts/limits-table.ts   prints it; a unit test checks the README holds it verbatim.
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_PACK_DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';
import type { LimitCheck, Pack } from '../rules/index';

const UNIT: Record<string, string> = {
  'x-weighted': 'weighted characters (twitter-text: CJK and emoji 2, URL 23)',
  graphemes: 'graphemes',
  utf16: 'UTF-16 code units',
  utf8: 'UTF-8 bytes',
  'code-points': 'characters',
  threads: 'characters, emoji as their UTF-8 bytes',
};

function describe(check: LimitCheck): string {
  const limit = check.max ?? check.min;
  switch (check.metric) {
    case 'length':
      return `${limit?.toLocaleString('en')} ${UNIT[check.counting ?? 'code-points']}${check.urlLength ? `, each URL ${check.urlLength}` : ''}`;
    case 'bytes':
      return `${limit?.toLocaleString('en')} UTF-8 bytes`;
    case 'forbiddenChars':
      return `no ${[...(check.chars ?? '')].map((c) => `\`${c}\``).join(' or ')}`;
    case 'hashtagLength':
      return `a hashtag of at most ${limit} characters`;
    default:
      return `at most ${limit} ${limit === 1 ? check.metric.replace(/s$/, '') : check.metric}`;
  }
}

export function limitsTable(pack: Pack): string {
  const rows = ['| platform | post type | limit | severity | rule |', '|---|---|---|---|---|'];
  for (const rule of pack.rules) {
    if (rule.kind !== 'limit' || rule.category !== 'platform') continue;
    for (const check of rule.checks) {
      for (const platform of check.platforms ?? rule.platforms ?? ['all']) {
        const types = check.postTypes?.join(', ') ?? 'any';
        rows.push(
          `| ${platform} | ${types} | ${describe(check)} | ${check.severity ?? rule.severity} | \`${rule.id}\` |`,
        );
      }
    }
  }
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(limitsTable(loadPackFrom(DEFAULT_PACK_DIR)));
}
