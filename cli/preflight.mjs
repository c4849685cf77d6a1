#!/usr/bin/env node
// The `preflight` command. Runs the bundle (cli/dist, built by `npm ci`) when it is newer than every
// source it was built from; otherwise rebuilds it, or runs the TypeScript through tsx if it cannot.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..');
const bundle = join(here, 'dist', 'preflight.mjs');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const fresh = () =>
  existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(newest(here), newest(join(root, 'rules')));

if (!fresh()) {
  try {
    const { spawnSync } = await import('node:child_process');
    spawnSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    // Fall through to tsx below.
  }
}
if (fresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('./main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
