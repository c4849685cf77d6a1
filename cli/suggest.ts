/** "Did you mean …?" for a mistyped name: a known alias, else the closest name by edit distance. */

const ALIASES: Record<string, string> = {
  twitter: 'x',
  tweet: 'x',
  fb: 'facebook',
  meta: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  li: 'linkedin',
  yt: 'youtube',
  bsky: 'bluesky',
  toot: 'mastodon',
  tt: 'tiktok',
};

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

export function closest(input: string, known: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  const alias = ALIASES[lower];
  if (alias && known.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(lower.length / 3)) + 1;
  for (const name of known) {
    const d = distance(lower, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** `unknown platform "twitter": did you mean "x"? (one of …)` */
export function unknownName(what: string, input: string, known: readonly string[]): string {
  const guess = closest(input, known);
  return `unknown ${what} "${input}"${guess ? `: did you mean "${guess}"?` : ''} (one of ${known.join(', ')})`;
}
