/**
 * The built-in pack the command layers others on: inlined in the bundle at build time
 * (scripts/build-cli.mjs) with its patterns already proved, or read from rules/packs/default when
 * running from source.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Checker, type CompileOptions, compileChecker, type PrebuiltTerms } from '../rules/compile';
import { provedPattern } from '../rules/compile-packs';
import type { Pack } from '../rules/schema';
import type { PreparedPattern } from '../rules/text/run-pattern';
import { loadPackFrom } from './pack-source';
import { decodePrebuilt } from './prebuilt-terms';

export const DEFAULT_PACK_DIR = fileURLToPath(new URL('../rules/packs/default', import.meta.url));

// JSON text, parsed when first asked for: a JSON string parses faster than the same object written as code.
declare const __PREFLIGHT_DEFAULT_PACK__: string | undefined;
declare const __PREFLIGHT_DEFAULT_PATTERNS__: string | undefined;
declare const __PREFLIGHT_BUILD__: string | undefined;

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

/** Beside the bundle: the built-in pack's term forms and automaton (scripts/build-cli.mjs). */
export const PREBUILT_TERMS_FILE = 'default-terms.bin';

let terms: PrebuiltTerms | undefined;
/**
 * The built-in pack's term forms and automaton as the bundle's build made them; none when running
 * from source, or when the file is missing, unreadable or another build's (then built as usual).
 */
function builtInTerms(): PrebuiltTerms | undefined {
  if (typeof __PREFLIGHT_BUILD__ === 'undefined') return undefined;
  try {
    terms ??= decodePrebuilt(readFileSync(new URL(PREBUILT_TERMS_FILE, import.meta.url)), __PREFLIGHT_BUILD__);
  } catch {
    return undefined;
  }
  return terms;
}

/**
 * compilePacks, with what the bundle's build made for the built-in pack: its patterns proved (only
 * other packs' are proved here), its term forms, and its automaton, installed when the packs and
 * switches are the build's (the built-in pack alone, as it comes).
 */
export function compileWithBuiltIn(packs: readonly Pack[], options: CompileOptions = {}): Checker {
  const built = builtInPatterns();
  return compileChecker(packs, {
    ...options,
    patterns: (source) => built[source] ?? provedPattern(source),
    prebuilt: packs.includes(builtInPack()) ? builtInTerms() : undefined,
  });
}
