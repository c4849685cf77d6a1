/**
 * The extension's built-in pack: `import pack from 'virtual:preflight/default-pack'` builds
 * rules/packs/default with the same loader as the CLI at bundle time, so a broken pack fails the
 * build instead of reaching operators. Beside it, `patterns`: every pattern of the pack as the build
 * proved it, so a service worker that the browser woke again answers its first tab without proving
 * a thousand patterns anew.
 */
import type { Plugin } from 'vite';
import { DEFAULT_PACK_DIR as DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';
import { preparedPatterns } from '../rules/load';

const ID = 'virtual:preflight/default-pack';
const RESOLVED = `\0${ID}`;

export function defaultPackPlugin(): Plugin {
  return {
    name: 'preflight-default-pack',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(DIR);
      const pack = loadPackFrom(DIR);
      // JSON.parse of a string: parsed faster than the same object written as code.
      const patterns = JSON.stringify(JSON.stringify(preparedPatterns([pack])));
      return `export default ${JSON.stringify(pack)};\nexport const patterns = JSON.parse(${patterns});`;
    },
  };
}
