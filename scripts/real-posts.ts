/**
 * How often the default pack flags real posts (../shared/eval/real-posts, never copied into the
 * project). Brand posts should almost never get a `warn` or `block`.
 *   npx tsx scripts/real-posts.ts [--show]   per-source shares; --show lists what was flagged
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PACK_DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';
import { compilePacks, type Finding, type Platform } from '../rules/index';
import { DEFAULT_DAY, dayAt } from './eval-day';

export const REAL_POSTS = fileURLToPath(new URL('../../shared/eval/real-posts/posts.jsonl', import.meta.url));

export interface RealPost {
  id: string;
  source: string;
  lang: string;
  platform: Platform;
  text: string;
}

export function readRealPosts(): RealPost[] | undefined {
  if (!existsSync(REAL_POSTS)) return undefined;
  return readFileSync(REAL_POSTS, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as RealPost);
}

export interface SourceShare {
  source: string;
  lang: string;
  posts: number;
  flagged: number;
  byRule: Record<string, number>;
  examples: { post: RealPost; findings: Finding[] }[];
}

/** Per source: how many posts get a warn or block from the default pack, checked on the given day. */
export function flagShares(posts: RealPost[], now = dayAt(DEFAULT_DAY)): SourceShare[] {
  const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
  const shares = new Map<string, SourceShare>();
  for (const post of posts) {
    const share = shares.get(post.source) ?? {
      source: post.source,
      lang: post.lang,
      posts: 0,
      flagged: 0,
      byRule: {},
      examples: [],
    };
    shares.set(post.source, share);
    share.posts++;
    const findings = checker
      .check(post.text, { platform: post.platform, locale: post.lang, now })
      .filter((f) => f.severity !== 'info');
    if (findings.length === 0) continue;
    share.flagged++;
    for (const id of new Set(findings.map((f) => f.ruleId))) share.byRule[id] = (share.byRule[id] ?? 0) + 1;
    share.examples.push({ post, findings });
  }
  return [...shares.values()];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const posts = readRealPosts();
  if (!posts) {
    console.error(`no real posts at ${REAL_POSTS}`);
    process.exit(2);
  }
  for (const share of flagShares(posts)) {
    console.log(
      `${share.source.padEnd(18)} ${share.lang}  ${share.flagged}/${share.posts} flagged (${((share.flagged / share.posts) * 100).toFixed(1)}%)  ${JSON.stringify(share.byRule)}`,
    );
    if (process.argv.includes('--show')) {
      for (const { post, findings } of share.examples) {
        console.log(
          `   ${post.id}: ${findings.map((f) => `${f.severity} ${f.ruleId} "${f.excerpt}"`).join('; ')}\n      ${post.text.replace(/\n/g, ' ')}`,
        );
      }
    }
  }
}
