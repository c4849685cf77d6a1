/**
 * Every rule carries drafts it must flag and drafts it must pass; `preflight pack test` and the
 * test suite run them. A pass example must also raise no `warn` or `block` from any other rule of
 * the pack: that is how a new rule that would cry wolf on ordinary posts gets caught.
 */
import { compilePacks } from './compile-packs';
import type { Example, Finding, Pack, Platform, PostType, Rule } from './schema';

export interface ExampleCase {
  text: string;
  platform: Platform | undefined;
  postType: PostType | undefined;
  /** When the example is checked: results never depend on the day `pack test` runs. */
  now: Date;
  /** Terms the example adds to the pack's lexicons (lists filled at run time). */
  lexicons: Record<string, string[]> | undefined;
}

/** Examples without a `date` are checked as on this day (an ordinary day, no dated rule of the default pack's). */
export const EXAMPLE_DAY = '2026-06-02';
const noon = (day: string) => new Date(`${day}T12:00:00`);

export function exampleCase(example: Example, rule: Rule): ExampleCase {
  if (typeof example === 'string')
    return {
      text: example,
      platform: rule.platforms?.[0],
      postType: undefined,
      now: noon(EXAMPLE_DAY),
      lexicons: undefined,
    };
  const pieces = typeof example.text === 'string' ? [example.text] : example.text;
  const text = pieces.map((piece) => (typeof piece === 'string' ? piece : piece.repeat.repeat(piece.times))).join('');
  return {
    text,
    platform: example.platform ?? rule.platforms?.[0],
    postType: example.postType,
    now: noon(example.date ?? EXAMPLE_DAY),
    lexicons: example.lexicons,
  };
}

export interface ExampleFailure {
  ruleId: string;
  kind: 'flag' | 'pass' | 'false-alarm' | 'no-examples';
  index: number;
  text: string;
  /** What went wrong, for people. */
  detail: string;
}

export interface ExampleReport {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
}

const shorten = (text: string) => (text.length > 90 ? `${text.slice(0, 60)}… (${text.length} characters)` : text);

/**
 * Run every example of every rule. Each rule is checked with its own set switched on; for the
 * pack-wide false-alarm check, the other rules run with their sets' defaults.
 */
export function runExamples(pack: Pack, options: { requireExamples?: boolean } = {}): ExampleReport {
  const allSets = Object.fromEntries(pack.sets.map((set) => [set.id, true]));
  const failures: ExampleFailure[] = [];
  let examples = 0;
  // One checker per combination of switches and lexicon additions an example asks for.
  const checkers = new Map<string, ReturnType<typeof compilePacks>>();
  const checkerFor = (sets: Record<string, boolean>, lexicons: Record<string, string[]> | undefined) => {
    const key = JSON.stringify([sets, lexicons ?? null]);
    let checker = checkers.get(key);
    if (!checker) {
      checker = compilePacks([pack], { sets, lexicons });
      checkers.set(key, checker);
    }
    return checker;
  };
  const everything = (lexicons: Record<string, string[]> | undefined) => checkerFor(allSets, lexicons);
  const withDefaults = (setId: string, lexicons: Record<string, string[]> | undefined) =>
    checkerFor({ [setId]: true }, lexicons);

  for (const rule of pack.rules) {
    if (options.requireExamples && (rule.examples.flag.length === 0 || rule.examples.pass.length === 0)) {
      failures.push({
        ruleId: rule.id,
        kind: 'no-examples',
        index: -1,
        text: '',
        detail: 'needs at least one flag and one pass example',
      });
    }
    rule.examples.flag.forEach((example, index) => {
      examples++;
      const { text, platform, postType, now, lexicons } = exampleCase(example, rule);
      // A model's rule yields to any rule of its category (compile.ts): with every set on, the creator
      // set's label rules speak first on every promotion, so its examples run with the default switches.
      const checker = rule.kind === 'model' ? withDefaults(rule.set, lexicons) : everything(lexicons);
      const found = checker.check(text, { platform, postType, now }).filter((f) => f.ruleId === rule.id);
      const match = typeof example === 'string' ? undefined : example.match;
      if (found.length === 0) {
        failures.push({
          ruleId: rule.id,
          kind: 'flag',
          index,
          text,
          detail: `should flag, but did not: ${shorten(text)}`,
        });
      } else if (match !== undefined && !found.some((f) => text.slice(f.start, f.end) === match)) {
        const flagged = found.map((f) => `"${text.slice(f.start, f.end)}" (${f.start}–${f.end})`).join(', ');
        failures.push({
          ruleId: rule.id,
          kind: 'flag',
          index,
          text,
          detail: `should flag "${match}", but flagged ${flagged}: ${shorten(text)}`,
        });
      }
    });
    rule.examples.pass.forEach((example, index) => {
      examples++;
      const { text, platform, postType, now, lexicons } = exampleCase(example, rule);
      const own = everything(lexicons)
        .check(text, { platform, postType, now })
        .filter((f) => f.ruleId === rule.id);
      if (own.length > 0) {
        failures.push({
          ruleId: rule.id,
          kind: 'pass',
          index,
          text,
          detail: `should pass, but flagged "${own[0]!.excerpt}" (${own[0]!.start}–${own[0]!.end}): ${shorten(text)}`,
        });
      }
      const alarms = withDefaults(rule.set, lexicons)
        .check(text, { platform, postType, now })
        .filter((f) => f.ruleId !== rule.id && f.severity !== 'info');
      for (const alarm of alarms) {
        failures.push({
          ruleId: rule.id,
          kind: 'false-alarm',
          index,
          text,
          detail: `pass example raised ${alarm.severity} from ${alarm.ruleId} at "${alarm.excerpt}": ${shorten(text)}`,
        });
      }
    });
  }
  return { rules: pack.rules.length, examples, failures };
}

/**
 * What each rule says when it flags a draft: its first flag example's finding, checked in `locale`
 * with every set on. A reviewer reads a real message ("「元本保証」…") instead of a template's `{match}`.
 */
export function exampleFindings(pack: Pack, locale: string): Map<string, Finding> {
  return new Map(exampleFindingSteps(pack, locale));
}

/**
 * The same findings one rule at a time, so a page can spread the work (half a second for the default
 * pack) over idle moments instead of freezing while it opens.
 */
export function* exampleFindingSteps(pack: Pack, locale: string): Generator<[string, Finding]> {
  const sets = Object.fromEntries(pack.sets.map((set) => [set.id, true]));
  // Compiled at the first step, not when the generator is made: the caller decides when work starts.
  let plain: ReturnType<typeof compilePacks> | undefined;
  const withEverySet = () => {
    plain ??= compilePacks([pack], { sets });
    return plain;
  };
  for (const rule of pack.rules) {
    const example = rule.examples.flag[0];
    if (example === undefined) continue;
    const { text, platform, postType, now, lexicons } = exampleCase(example, rule);
    // A model's rule yields to other rules: what it says is shown from a pack of it alone (a small compile).
    const checker =
      rule.kind === 'model'
        ? compilePacks([{ ...pack, rules: [rule] }], { sets: { [rule.set]: true }, lexicons })
        : lexicons
          ? compilePacks([pack], { sets, lexicons })
          : withEverySet();
    const finding = checker.check(text, { platform, postType, now, locale }).find((f) => f.ruleId === rule.id);
    if (finding) yield [rule.id, finding];
  }
}
