#!/usr/bin/env node
/**
 * Bundles the `preflight` command into one file, cli/dist/preflight.mjs, with its dependencies and
 * the default pack built in (as JSON, its patterns already proved; its term forms and automaton
 * already built, in cli/dist/default-terms.bin), so a run starts in a fraction of
 * the time tsx needs to compile TypeScript, Node needs to resolve a few hundred module files and
 * the pack needs to be read from YAML. Runs after `npm ci` (postinstall) and whenever
 * cli/preflight.mjs finds the bundle older than its sources.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';

const root = new URL('..', import.meta.url).pathname;
const unregister = register();
const { loadPackFrom } = await import('../cli/pack-source.ts');
const { preparedPatterns } = await import('../rules/load.ts');
const { compilePacks } = await import('../rules/compile-packs.ts');
const { encodePrebuilt } = await import('../cli/prebuilt-terms.ts');
const pack = loadPackFrom(`${root}rules/packs/default`);
const patterns = preparedPatterns([pack]);
// The term forms and automaton of `preflight check` with the built-in pack as it comes, tagged with
// this build, and written before the bundle that knows the tag (the bundle is what marks a build done).
const buildId = randomUUID();
const terms = encodePrebuilt(compilePacks([pack]).prebuilt(), buildId);
await unregister();

mkdirSync(`${root}cli/dist`, { recursive: true });
writeFileSync(`${root}cli/dist/default-terms.bin`, terms);
await build({
  entryPoints: [`${root}cli/entry.ts`],
  outfile: `${root}cli/dist/preflight.mjs`,
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // twitter-text's own punycode dependency, not Node's deprecated module of the same name.
  alias: { punycode: 'punycode/' },
  // CommonJS dependencies (yaml) require Node's modules: give the ES module a require of its own.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  define: {
    __PREFLIGHT_DEFAULT_PACK__: JSON.stringify(JSON.stringify(pack)),
    __PREFLIGHT_DEFAULT_PATTERNS__: JSON.stringify(JSON.stringify(patterns)),
    __PREFLIGHT_BUILD__: JSON.stringify(buildId),
  },
  logLevel: 'warning',
  legalComments: 'none',
});
writeFileSync(`${root}cli/dist/.built`, new Date().toISOString());
