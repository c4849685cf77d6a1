/** Every platform adapter. A new platform is one file here and one line below. */
import mastodon from './mastodon';
import type { PlatformAdapter } from './types';
import x from './x';

export const ADAPTERS: readonly PlatformAdapter[] = [x, mastodon];

/** The adapter for a page, by its host (Mastodon instances the user enabled map to mastodon). */
export function adapterFor(url: URL, extraMastodonHosts: readonly string[] = []): PlatformAdapter | undefined {
  if (extraMastodonHosts.includes(url.hostname)) return mastodon;
  return ADAPTERS.find((adapter) =>
    adapter.matches.some((pattern) => {
      const host = new URL(pattern.replace('*.', 'wildcard.').replace(/\/\*$/, '/')).hostname;
      return pattern.includes('*.') ? url.hostname.endsWith(host.replace(/^wildcard\./, '')) : url.hostname === host;
    }),
  );
}
