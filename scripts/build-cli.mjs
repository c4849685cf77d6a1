#!/usr/bin/env node
/**
 * Bundles the `preflight` command into cli/dist/preflight.mjs with the default pack built in, so a
 * run starts in a fraction of the time tsx needs to compile TypeScript and the pack's YAML. Runs
 * after `npm ci` (postinstall) and whenever cli/preflight.mjs finds the bundle older than its sources.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';

const root = new URL('..', import.meta.url).pathname;
const unregister = register();
const { loadPackFrom } = await import('../cli/pack-source.ts');
const pack = loadPackFrom(`${root}rules/packs/default`);
await unregister();

mkdirSync(`${root}cli/dist`, { recursive: true });
await build({
  entryPoints: [`${root}cli/entry.ts`],
  outfile: `${root}cli/dist/preflight.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies load from node_modules as usual; only the project's own code is bundled.
  packages: 'external',
  define: { __PREFLIGHT_DEFAULT_PACK__: JSON.stringify(pack) },
  logLevel: 'warning',
  legalComments: 'none',
});
writeFileSync(`${root}cli/dist/.built`, new Date().toISOString());
