/**
 * The built-in pack the command layers others on: inlined in the bundle at build time
 * (scripts/build-cli.mjs), or read from rules/packs/default when running from source.
 */
import { fileURLToPath } from 'node:url';
import type { Pack } from '../rules/index';
import { loadPackFrom } from './pack-source';

export const DEFAULT_PACK_DIR = fileURLToPath(new URL('../rules/packs/default', import.meta.url));

declare const __PREFLIGHT_DEFAULT_PACK__: Pack | undefined;

let cached: Pack | undefined;
export function builtInPack(): Pack {
  cached ??=
    typeof __PREFLIGHT_DEFAULT_PACK__ !== 'undefined' ? __PREFLIGHT_DEFAULT_PACK__ : loadPackFrom(DEFAULT_PACK_DIR);
  return cached;
}
