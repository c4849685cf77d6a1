/** Every platform adapter. A new platform is one file here and one line below. */
import bluesky from './bluesky';
import facebook from './facebook';
import instagram from './instagram';
import linkedin from './linkedin';
import mastodon from './mastodon';
import reddit from './reddit';
import threads from './threads';
import tiktok from './tiktok';
import type { PlatformAdapter } from './types';
import x from './x';
import youtube from './youtube';

export const ADAPTERS: readonly PlatformAdapter[] = [
  x,
  facebook,
  instagram,
  linkedin,
  threads,
  bluesky,
  mastodon,
  reddit,
  youtube,
  tiktok,
];

/** The adapter for a page, by its host (Mastodon instances the user enabled map to mastodon). */
export function adapterFor(url: URL, extraMastodonHosts: readonly string[] = []): PlatformAdapter | undefined {
  if (extraMastodonHosts.includes(url.hostname)) return mastodon;
  return ADAPTERS.find((adapter) =>
    adapter.matches.some((pattern) => new URL(pattern.replace(/\*$/, '')).hostname === url.hostname),
  );
}
