/**
 * The extension's built-in pack: `import pack from 'virtual:preflight/default-pack'` builds
 * rules/packs/default with the same loader as the CLI at bundle time, so a broken pack fails the
 * build instead of reaching operators.
 */
import type { Plugin } from 'vite';
import { DEFAULT_PACK_DIR as DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';

const ID = 'virtual:preflight/default-pack';
const RESOLVED = `\0${ID}`;

export function defaultPackPlugin(): Plugin {
  return {
    name: 'preflight-default-pack',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(DIR);
      return `export default ${JSON.stringify(loadPackFrom(DIR))};`;
    },
  };
}
