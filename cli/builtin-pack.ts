/**
 * The built-in pack the command layers others on: inlined in the bundle at build time
 * (scripts/build-cli.mjs) with its patterns already proved, or read from rules/packs/default when
 * running from source.
 */
import { fileURLToPath } from 'node:url';
import { type Checker, type CompileOptions, compileChecker } from '../rules/compile';
import { provedPattern } from '../rules/compile-packs';
import type { Pack } from '../rules/schema';
import type { PreparedPattern } from '../rules/text/run-pattern';
import { loadPackFrom } from './pack-source';

export const DEFAULT_PACK_DIR = fileURLToPath(new URL('../rules/packs/default', import.meta.url));

// JSON text, parsed when first asked for: a JSON string parses faster than the same object written as code.
declare const __PREFLIGHT_DEFAULT_PACK__: string | undefined;
declare const __PREFLIGHT_DEFAULT_PATTERNS__: string | undefined;

let cached: Pack | undefined;
export function builtInPack(): Pack {
  cached ??=
    typeof __PREFLIGHT_DEFAULT_PACK__ !== 'undefined'
      ? (JSON.parse(__PREFLIGHT_DEFAULT_PACK__) as Pack)
      : loadPackFrom(DEFAULT_PACK_DIR);
  return cached;
}

let patterns: Record<string, PreparedPattern> | undefined;
/** The built-in pack's patterns as the bundle's build proved them (none when running from source). */
function builtInPatterns(): Record<string, PreparedPattern> {
  patterns ??=
    typeof __PREFLIGHT_DEFAULT_PATTERNS__ !== 'undefined'
      ? (JSON.parse(__PREFLIGHT_DEFAULT_PATTERNS__) as Record<string, PreparedPattern>)
      : {};
  return patterns;
}

/** compilePacks, with the built-in pack's patterns taken from the build; only other packs' are proved here. */
export function compileWithBuiltIn(packs: readonly Pack[], options: CompileOptions = {}): Checker {
  const built = builtInPatterns();
  return compileChecker(packs, { ...options, patterns: (source) => built[source] ?? provedPattern(source) });
}
