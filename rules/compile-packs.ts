/**
 * compilePacks: the checker, with every pattern proved safe here (text/regex.ts). The content
 * script calls compileChecker with the patterns the background prepared instead, and so carries
 * no pattern parser.
 */
import { type Checker, type CompileOptions, compileChecker } from './compile';
import { Memo } from './text/memo';
import { preparePattern } from './text/regex';
import type { PreparedPattern } from './text/run-pattern';

// Packs are compiled again on every switch: each pattern is proved once.
const proved = new Memo<PreparedPattern>(5_000);
export const provedPattern = (source: string) => proved.get(source, () => preparePattern(source));

/** Patterns a build already proved (the built-in pack's, bundled with it): taken as they are. */
export function adoptProvedPatterns(patterns: Record<string, PreparedPattern>): void {
  for (const [source, prepared] of Object.entries(patterns)) proved.get(source, () => prepared);
}

export function compilePacks(packs: Parameters<typeof compileChecker>[0], options: CompileOptions = {}): Checker {
  return compileChecker(packs, { patterns: provedPattern, ...options });
}
