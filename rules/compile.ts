/**
 * compilePacks: several packs (an organisation's, then a team's) become one checker. A later pack
 * replaces a rule of the same id and its `overrides` switch rules off or change their severity;
 * reviewers' set switches come last. What policy locks holds against all of them. All terms of all
 * rules share one automaton.
 */
import { type CueFinder, compileCue } from './cue';
import { type Day, dateInForce, dayOf } from './dates';
import { Draft, MATCH_LIMITS, type Matchers, type Uncounted } from './draft';
import { KINDS } from './kinds/index';
import type { CompileContext, RawFinding, RuleRunner } from './kinds/kind';
import { extendLexicons, lexiconsOf, resolveTerms } from './lexicons';
import { termText } from './match-controls';
import { type CompiledModel, compileModel } from './model/model';
import { isSetOn, resolveProfile, setContext } from './profiles';
import { compileReported } from './reported';
import type {
  DateSpec,
  Finding,
  Localized,
  Pack,
  Platform,
  PostType,
  Rule,
  RuleKind,
  RuleOf,
  RuleSet,
  Severity,
} from './schema';
import { entityMemory, NO_MEMORY } from './text/entities';
import { foldTerm } from './text/fold';
import { termForms } from './text/forms';
import { keepsOneKanaScript } from './text/kana-words';
import { type AutomatonSnapshot, TermMatcher } from './text/matcher';
import { PatternError, type PreparedPattern, runPattern } from './text/run-pattern';

export interface CompileOptions {
  /** Set switches by set id or "pack/set"; a set not named follows the profile, then its own default. */
  sets?: Record<string, boolean>;
  /** Terms added to the packs' lexicons of these ids: a reviewer's event words ({ "event-words": ["Hagibis"] }). */
  lexicons?: Readonly<Record<string, readonly string[]>> | undefined;
  /** The posting profile (a pack's `profiles`); absent or unknown: the packs' default profile. */
  profile?: string | undefined;
  /** Rules switched off, by id. */
  disabledRules?: readonly string[];
  /** Severity changes by rule id (a reviewer lowering a rule). */
  severities?: Record<string, Severity>;
  /**
   * What policy holds (enterprise policy): rules by id, and set switches by "pack/set" (their values
   * are in `sets`). A held rule is one of `lockedRules`, or a rule of a set policy keeps on. No pack's
   * `overrides`, no later pack's rule of the same id and no `disabledRules`, `severities` or
   * unlocked set switch can switch it off or lower it; only policy's own switch of its set can.
   */
  lockedRules?: readonly string[];
  lockedSets?: readonly string[];
  /** Called when a rule throws while checking; the check goes on without it. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * Whether the checker remembers pieces of earlier drafts (default true): a composer's next draft
   * differs by one edit, so most of twitter-text's work is found in memory. Off, every check starts
   * cold (the benchmark's figure without reuse).
   */
  memory?: boolean;
  /**
   * Each pattern of the packs, proved safe and prepared (text/regex.ts `preparePattern`). The
   * engine's `compilePacks` (rules/index.ts) proves them itself; the content script passes what
   * the background prepared when it admitted the packs, and so carries no pattern parser.
   */
  patterns?: (source: string) => PreparedPattern | undefined;
  /**
   * What a compile ahead of time built (`Checker.prebuilt`, the CLI's bundle for its built-in pack):
   * term forms are taken from it, and its automaton is installed when the terms are exactly those
   * it was built from (the same packs and switches); otherwise built here as usual.
   */
  prebuilt?: PrebuiltTerms | undefined;
}

/** Term forms (inflected, respelled, folded) by term, and the automaton built from them. */
export interface PrebuiltTerms {
  readonly forms: Readonly<Record<string, readonly string[]>>;
  readonly automaton: AutomatonSnapshot;
}

export interface CheckOptions {
  platform?: Platform | undefined;
  postType?: PostType | undefined;
  /** The language of messages and manual titles (falls back to the pack's first locale). */
  locale?: string | undefined;
  /** The moment of the check, for rules and sets limited to `dates` (default: now, local time). */
  now?: Date | undefined;
}

export interface ActiveRule {
  rule: Rule;
  pack: Pack;
  severity: Severity;
  /** The rule's own `dates` and its set's, when either is limited (both must hold). */
  dates?: readonly (readonly DateSpec[])[] | undefined;
  /** The rule's set is off by default and runs only on drafts that show this context (`activatedBy`). */
  context?: { setKey: string; cue: NonNullable<RuleSet['activatedBy']> } | undefined;
}

export interface Checker {
  check(text: string, options?: CheckOptions): Finding[];
  /** Build now what the first check would otherwise build (the automaton): for idle time before the first keystroke. */
  prepare(): void;
  /** The term forms and automaton built, for `CompileOptions.prebuilt` of a later compile of the same packs. */
  prebuilt(): PrebuiltTerms;
  /** The rules that run, after overrides and set switches. */
  readonly rules: readonly ActiveRule[];
  /** Overrides that named a rule no pack has, and similar slips worth showing an admin. */
  readonly warnings: readonly string[];
  /** The posting profile in force (undefined when no pack defines profiles). */
  readonly profile: string | undefined;
}

const SEVERITY_RANK: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

/** Pick a locale's text: exact tag, then its language, then the fallbacks in order. */
export function localize(text: Localized, locale: string, fallbacks: readonly string[] = []): string {
  if (typeof text === 'string') return text;
  const exact = text[locale];
  if (exact !== undefined) return exact;
  const language = locale.split('-')[0]!;
  for (const candidate of [locale, language, ...fallbacks, 'en']) {
    const value = text[candidate];
    if (value !== undefined) return value;
  }
  return Object.values(text)[0] ?? '';
}

/** The finding that stands for a rule's matches beyond the limits. */
const MORE: Localized = {
  en: '…and {count} more matches of this rule, not listed',
  ja: '…ほかにこのルールの該当が{count}件あります（一覧には表示していません）',
};

/** The worst severity a rule can give: its own, or one of its terms' or checks'. */
function worstOf(rule: Rule): Severity {
  let worst: Severity = rule.severity;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'severity' && typeof inner === 'string' && SEVERITY_RANK[inner as Severity] < SEVERITY_RANK[worst])
          worst = inner as Severity;
        else if (key !== 'examples') visit(inner);
      }
    }
  };
  visit(rule);
  return worst;
}

/** Templates split at their placeholders ({match}, {count}): literal, name, literal, …; messages repeat check after check. */
const templateParts = new Map<string, string[]>();

/** Fill a message's placeholders from `vars`; a placeholder without a value stays as written. */
export function format(template: string, vars: Record<string, string | number>): string {
  if (!template.includes('{')) return template;
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size >= 2_000) templateParts.clear();
    templateParts.set(template, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += name in vars ? String(vars[name]) : `{${name}}`;
    out += parts[i + 1]!;
  }
  return out;
}

/** The matched text, cut to at most 80 UTF-16 units (79 and "…"), never inside a surrogate pair. */
function excerptOf(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  if (raw.length <= 80) return raw;
  const last = raw.charCodeAt(78);
  return `${raw.slice(0, last >= 0xd800 && last <= 0xdbff ? 78 : 79)}…`;
}

/** Which rules run, and at what severity, once packs, overrides and switches are applied. */
export function resolveRules(packs: readonly Pack[], options: CompileOptions = {}) {
  const byId = new Map<string, ActiveRule>();
  const warnings: string[] = [];
  const packDefault = (pack: Pack, setId: string) => pack.sets.find((set) => set.id === setId)?.enabled ?? true;
  const profile = resolveProfile(packs, options.profile);
  // A person's or policy's switch, else the profile, else the set's default.
  const setEnabled = (pack: Pack, setId: string) => isSetOn(pack, setId, options.sets, profile);
  const policySet = (pack: Pack, setId: string) => options.lockedSets?.includes(`${pack.id}/${setId}`) ?? false;
  const lockedRules = new Set(options.lockedRules ?? []);
  const held = ({ rule, pack }: ActiveRule) =>
    lockedRules.has(rule.id) || (policySet(pack, rule.set) && setEnabled(pack, rule.set));
  for (const pack of packs) {
    for (const rule of pack.rules) {
      const current = byId.get(rule.id);
      if (current && held(current)) {
        warnings.push(`${pack.id}: ${rule.id} is locked by policy; the rule of ${current.pack.id} stays`);
        continue;
      }
      byId.set(rule.id, { rule, pack, severity: rule.severity });
    }
    for (const override of pack.overrides) {
      const target = byId.get(override.rule);
      if (!target) {
        warnings.push(`${pack.id}: override of ${override.rule}, which no earlier pack defines`);
        continue;
      }
      const lowers =
        override.enabled === false ||
        (override.severity !== undefined && SEVERITY_RANK[override.severity] > SEVERITY_RANK[target.severity]);
      if (lowers && held(target)) {
        warnings.push(`${pack.id}: override of ${override.rule} ignored: the rule is locked by policy`);
        continue;
      }
      if (override.enabled === false) byId.delete(override.rule);
      if (override.severity) target.severity = override.severity;
    }
  }
  const disabled = new Set(options.disabledRules ?? []);
  const active: ActiveRule[] = [];
  /** Rules a person or policy switched off (the rule, or a set that is on without their switches). */
  const silenced: ActiveRule[] = [];
  const activate = (entry: ActiveRule, asked: Severity) => {
    // A model's score is a reason to look again, never a verdict: it does not block, whoever asks.
    const severity = entry.rule.kind === 'model' && asked === 'block' ? 'warn' : asked;
    if (severity !== asked) warnings.push(`${entry.rule.id} is a model's rule: it warns, never blocks`);
    const setDates = entry.pack.sets.find((set) => set.id === entry.rule.set)?.dates;
    const dates = [entry.rule.dates, setDates].filter((specs) => specs !== undefined);
    active.push({ ...entry, severity, ...(dates.length > 0 ? { dates } : {}) });
  };
  /** Activate a rule of a set that its context words turn on, when they do; false when they do not. */
  const activateInContext = (entry: ActiveRule, severity: Severity, cue: RuleSet['activatedBy']) => {
    if (cue) activate({ ...entry, context: { setKey: `${entry.pack.id}/${entry.rule.set}`, cue } }, severity);
    return cue !== undefined;
  };
  for (const entry of byId.values()) {
    const { rule, pack } = entry;
    if (held(entry)) {
      // Only policy's own set switch, or the set's default (its context words included) when policy has none, decides.
      if (policySet(pack, rule.set) ? setEnabled(pack, rule.set) : packDefault(pack, rule.set))
        activate(entry, entry.severity);
      else if (!policySet(pack, rule.set))
        activateInContext(entry, entry.severity, setContext(pack, rule.set, undefined, undefined));
      continue;
    }
    if (disabled.has(rule.id) || !setEnabled(pack, rule.set)) {
      const severity = options.severities?.[rule.id] ?? entry.severity;
      if (
        !disabled.has(rule.id) &&
        activateInContext(entry, severity, setContext(pack, rule.set, options.sets, profile))
      )
        continue;
      if (disabled.has(rule.id) || isSetOn(pack, rule.set, undefined, profile)) silenced.push(entry);
      continue;
    }
    activate(entry, options.severities?.[rule.id] ?? entry.severity);
  }
  return { active, warnings, profile, silenced };
}

export function compileRule<K extends RuleKind>(rule: RuleOf<K>, context: CompileContext): RuleRunner {
  return (KINDS[rule.kind] as unknown as { compile(r: RuleOf<K>, c: CompileContext): RuleRunner }).compile(
    rule,
    context,
  );
}

/** compilePacks without a pattern parser of its own: `options.patterns` prepares every pattern. */
export function compileChecker(packs: readonly Pack[], options: CompileOptions = {}): Checker {
  const { active, warnings, profile, silenced } = resolveRules(packs, options);
  const prepare = (source: string): PreparedPattern => {
    const prepared = options.patterns?.(source);
    if (!prepared) throw new PatternError(`pattern ${JSON.stringify(source)} was not prepared`);
    return prepared;
  };
  const matchers: Matchers = { terms: new TermMatcher(options.prebuilt?.automaton), exactCase: new Map() };
  let lists = 0;
  // A lexicon shared by many rules is inflected and folded once; in exact case only for the few
  // case-sensitive lists.
  const formsCache = new Map<string, readonly string[]>();
  const built = options.prebuilt?.forms;
  const formsOf = (text: string, inflect: boolean, lowerCase: boolean): readonly string[] => {
    const key = `${inflect ? 1 : 0}${lowerCase ? 1 : 0}${text}`;
    let forms = formsCache.get(key);
    if (!forms && built && Object.hasOwn(built, key)) {
      forms = built[key]!;
      formsCache.set(key, forms);
    }
    if (!forms) {
      const all = termForms(text, inflect);
      forms =
        all.length === 1 ? [foldTerm(all[0]!, lowerCase)] : [...new Set(all.map((form) => foldTerm(form, lowerCase)))];
      formsCache.set(key, forms);
    }
    return forms;
  };
  const patternLiterals: CompileContext['patternLiterals'] = (sources) => {
    // A prefilter may let too much through, never too little: literals are looked for in any case.
    const all = sources.map((source) => prepare(source).literals);
    if (all.some((literals) => literals === undefined)) return undefined;
    const list = lists++;
    all.flat().forEach((literal, index) => {
      const { text, wordStart, wordEnd } = literal!;
      matchers.terms.addLiteral(foldTerm(text, true), list, index, wordStart, wordEnd);
    });
    return list;
  };
  // Lexicon references resolve in the rule's own pack.
  const contextFor = (pack: Pack): CompileContext => {
    const lexicons = extendLexicons(lexiconsOf(pack), options.lexicons);
    // Rules that name the same lexicons share one term list: its forms enter the automaton once.
    const shared = new Map<string, number>();
    // The rules of one model's heads share its decoded table and its memory of sentences.
    const models = new Map<string, CompiledModel>();
    return {
      terms(terms, caseSensitive, inflect = false) {
        const key = JSON.stringify([terms, caseSensitive, inflect]);
        const known = shared.get(key);
        if (known !== undefined) return known;
        const list = lists++;
        shared.set(key, list);
        const resolved = resolveTerms(terms, lexicons, inflect);
        resolved.forEach((entry, index) => {
          const text = termText(entry.term);
          const sameScript = keepsOneKanaScript(text);
          for (const form of formsOf(text, entry.inflect, true))
            matchers.terms.add(form, list, index, false, entry.standalone, sameScript);
        });
        if (caseSensitive)
          matchers.exactCase.set(
            list,
            resolved.map((entry) => formsOf(termText(entry.term), entry.inflect, false)),
          );
        return list;
      },
      expand: (terms) => resolveTerms(terms, lexicons).map((entry) => entry.term),
      pattern: (source, ignoreCase) => runPattern(prepare(source), ignoreCase),
      patternLiterals,
      model(id) {
        let model = models.get(id);
        if (!model) {
          const found = pack.models.find((m) => m.id === id);
          if (!found) throw new Error(`no model "${id}" in pack ${pack.id}`);
          model = compileModel(found);
          models.set(id, model);
        }
        return model;
      },
    };
  };
  const contexts = new Map<Pack, CompileContext>();
  const contextOf = (pack: Pack) => {
    let context = contexts.get(pack);
    if (!context) {
      context = contextFor(pack);
      contexts.set(pack, context);
    }
    return context;
  };
  // Each pack's reported-quotation guard, compiled once, for the rules of its categories and those it names.
  const guards = new Map<Pack, ReturnType<typeof compileReported> | undefined>();
  const guardOf = (pack: Pack, rule: Rule) => {
    if (!pack.reported?.categories.includes(rule.category) && !pack.reported?.rules?.includes(rule.id)) {
      return undefined;
    }
    if (!guards.has(pack)) guards.set(pack, compileReported(pack.reported, contextOf(pack)));
    return guards.get(pack);
  };
  // A set turned on by a draft's context: its cue is compiled once, and looked for once a check.
  const setCues = new Map<string, { index: number; find: CueFinder }>();
  const contextOfSet = (entry: ActiveRule) => {
    if (!entry.context) return undefined;
    const { setKey, cue } = entry.context;
    if (!setCues.has(setKey))
      setCues.set(setKey, {
        index: setCues.size,
        find: compileCue({ ...cue, caseSensitive: false }, contextOf(entry.pack)),
      });
    return setCues.get(setKey)!.index;
  };
  const compiled = active.map((entry, order) => ({
    ...entry,
    order,
    run: compileRule(entry.rule, contextOf(entry.pack)),
    reported: guardOf(entry.pack, entry.rule),
    setContext: contextOfSet(entry),
  }));
  const contextFinders = [...setCues.values()].map(({ find }) => find);
  // What a person switched off stays off: a model's rule keeps quiet where a rule of its category that
  // someone silenced would speak. Only those categories' silenced rules are compiled, and they run only
  // when a model is about to speak.
  const modelCategories = new Set(compiled.filter((e) => e.rule.kind === 'model').map((e) => e.rule.category));
  const silencedRules = silenced
    .filter((entry) => modelCategories.has(entry.rule.category) && entry.rule.kind !== 'model')
    .map((entry) => ({ category: entry.rule.category, run: compileRule(entry.rule, contextOf(entry.pack)) }));
  // Rules with triggers run only when one of their term lists has a hit; the rest run on every draft.
  const alwaysRun = compiled.filter((entry) => !entry.run.triggers).map((entry) => entry.order);
  const byTrigger = new Map<number, number[]>();
  for (const entry of compiled) {
    for (const list of entry.run.triggers ?? []) byTrigger.set(list, [...(byTrigger.get(list) ?? []), entry.order]);
  }

  /** Whether a dated rule is in force on `day`, and the occasion's name for its message. */
  function inForce(entry: ActiveRule, day: Day, locale: string): { occasion: string } | undefined {
    let occasion = '';
    for (const specs of entry.dates ?? []) {
      const spec = dateInForce(specs, day);
      if (!spec) return undefined;
      if (spec.label && !occasion) occasion = localize(spec.label, locale, entry.pack.locales);
    }
    return { occasion };
  }

  // Manual sections by id, per pack: a finding looks its section up, not through the whole manual.
  const sections = new Map<Pack, Map<string, Pack['manual'][number]>>();
  const sectionOf = (pack: Pack, id: string) => {
    let byId = sections.get(pack);
    if (!byId) {
      byId = new Map(pack.manual.map((section) => [section.id, section]));
      sections.set(pack, byId);
    }
    return byId.get(id);
  };

  function finish(entry: ActiveRule, raw: RawFinding, text: string, locale: string, extra = {}): Finding {
    const { rule, pack } = entry;
    const start = Math.max(0, Math.min(raw.start, text.length));
    const end = Math.max(start, Math.min(raw.end, text.length));
    const match = text.slice(start, end);
    const manualId = raw.manual ?? rule.manual;
    const section = sectionOf(pack, manualId);
    const template = localize(raw.message ?? rule.message, locale, pack.locales);
    return {
      ruleId: rule.id,
      pack: pack.id,
      set: rule.set,
      category: rule.category,
      // A term's own severity replaces the rule's; a reviewer's or override's change wins over both.
      severity: entry.severity !== rule.severity ? entry.severity : (raw.severity ?? entry.severity),
      message: format(template, { match, ...extra, ...raw.vars }),
      start,
      end,
      excerpt: excerptOf(text, start, end),
      suggestions: raw.suggestions ?? [],
      manual: { id: manualId, title: section ? localize(section.title, locale, pack.locales) : manualId },
    };
  }

  /**
   * Keep at most MATCH_LIMITS.perRule findings per rule and perDraft in all, the worst first; each
   * rule with more gets one finding that says how many more, as severe as the worst it stands for,
   * so a limit never lets a `block` draft through.
   */
  function limit(
    results: { entry: ActiveRule; findings: Finding[]; uncounted: Uncounted }[],
    text: string,
    locale: string,
  ): Finding[] {
    const rank = (f: Finding) => SEVERITY_RANK[f.severity];
    const dropped = new Map<ActiveRule, { count: number; worst: Severity | undefined; first: Finding | undefined }>();
    const drop = (entry: ActiveRule, findings: Finding[], count = findings.length) => {
      if (count === 0) return;
      const known = dropped.get(entry) ?? { count: 0, worst: undefined, first: undefined };
      known.count += count;
      for (const f of findings) {
        if (!known.worst || rank(f) < SEVERITY_RANK[known.worst]) known.worst = f.severity;
        if (!known.first || f.start < known.first.start) known.first = f;
      }
      dropped.set(entry, known);
    };
    const kept: { entry: ActiveRule; finding: Finding }[] = [];
    for (const { entry, findings, uncounted } of results) {
      const ordered = findings.sort((a, b) => a.start - b.start || rank(a) - rank(b));
      if (ordered.length <= MATCH_LIMITS.perRule && uncounted.count === 0) {
        // The usual case: nothing over the rule's limit.
        for (const finding of ordered) kept.push({ entry, finding });
        continue;
      }
      // Keep the worst of a rule's findings first, then the earliest.
      const byWorst = [...ordered].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
      const keep = new Set(byWorst.slice(0, MATCH_LIMITS.perRule));
      for (const finding of ordered) if (keep.has(finding)) kept.push({ entry, finding });
      drop(
        entry,
        ordered.filter((f) => !keep.has(f)),
      );
      if (uncounted.count > 0) {
        // Matches never examined could be any of the rule's: count them as its worst.
        const first = uncounted.first ?? findings[0] ?? { start: 0, end: 0 };
        drop(entry, [{ ...finish(entry, { ...first }, text, locale), severity: worstFor(entry) }], uncounted.count);
      }
    }
    let shown = kept;
    if (kept.length > MATCH_LIMITS.perDraft) {
      const byWorst = [...kept].sort((a, b) => rank(a.finding) - rank(b.finding) || a.finding.start - b.finding.start);
      const keep = new Set(byWorst.slice(0, MATCH_LIMITS.perDraft));
      shown = kept.filter((k) => keep.has(k));
      for (const k of kept) if (!keep.has(k)) drop(k.entry, [k.finding]);
    }
    const out = shown.map((k) => k.finding);
    for (const [entry, { count, worst, first }] of dropped) {
      if (!first || !worst) continue;
      out.push({
        ...first,
        severity: worst,
        message: format(localize(MORE, locale), { count: count.toLocaleString(locale) }),
        suggestions: [],
        more: count,
        ruleId: entry.rule.id,
      });
    }
    return out;
  }

  const worstFor = (entry: ActiveRule) =>
    entry.severity !== entry.rule.severity ? entry.severity : worstOf(entry.rule);

  /** The rules to run on a draft whose term lists `hit` have hits, in the packs' order whatever order the lists were hit in. */
  const picked = new Uint8Array(compiled.length);
  function runOrder(hit: readonly number[]): number[] {
    const triggered: number[] = [];
    for (const list of hit)
      for (const order of byTrigger.get(list) ?? [])
        if (picked[order] === 0) {
          picked[order] = 1;
          triggered.push(order);
        }
    for (const order of triggered) picked[order] = 0;
    if (triggered.length === 0) return alwaysRun;
    triggered.sort((a, b) => a - b);
    // Both lists are in order: merge them.
    const order: number[] = [];
    let a = 0;
    let t = 0;
    while (a < alwaysRun.length || t < triggered.length)
      order.push(
        t >= triggered.length || (a < alwaysRun.length && alwaysRun[a]! < triggered[t]!)
          ? alwaysRun[a++]!
          : triggered[t++]!,
      );
    return order;
  }

  function silencedSpeak(draft: Draft, category: string): boolean {
    for (const rule of silencedRules) {
      if (rule.category !== category) continue;
      if (rule.run.triggers && !rule.run.triggers.some((list) => draft.has(list))) continue;
      draft.beginRule();
      let found = false;
      try {
        found = rule.run(draft).length > 0;
      } catch {
        found = false;
      }
      draft.endRule();
      if (found) return true;
    }
    return false;
  }

  const remembers = options.memory !== false;
  const memory = remembers ? entityMemory() : NO_MEMORY;
  /** The draft checked last: the next one is usually the same composer's, one keystroke later. */
  let previous: Draft | undefined;

  return {
    rules: active,
    warnings,
    profile,
    prepare() {
      matchers.terms.prepare();
    },
    prebuilt() {
      return { forms: Object.fromEntries(formsCache), automaton: matchers.terms.snapshot() };
    },
    check(text, checkOptions = {}) {
      const locale = checkOptions.locale ?? 'en';
      let day: Day | undefined;
      const draft = new Draft(text, checkOptions.platform, checkOptions.postType, matchers, memory, previous);
      if (remembers) previous = draft;
      const results: { entry: ActiveRule; findings: Finding[]; uncounted: Uncounted }[] = [];
      const inContext: (boolean | undefined)[] = [];
      const run = (entry: (typeof compiled)[number]) => {
        const { rule } = entry;
        if (rule.platforms && (!draft.platform || !rule.platforms.includes(draft.platform))) return;
        if (rule.postTypes && !rule.postTypes.includes(draft.postType ?? 'post')) return;
        if (entry.setContext !== undefined) {
          inContext[entry.setContext] ??= contextFinders[entry.setContext]!(draft).length > 0;
          if (!inContext[entry.setContext]) return;
        }
        let extra: { occasion: string } | undefined;
        if (entry.dates) {
          day ??= dayOf(checkOptions.now ?? new Date());
          extra = inForce(entry, day, locale);
          if (!extra) return;
        }
        let raws: RawFinding[];
        draft.beginRule();
        try {
          raws = entry.run(draft);
          if (entry.reported) raws = entry.reported(draft, raws);
        } catch (error) {
          options.onRuleError?.(rule.id, error);
          return;
        }
        const uncounted = draft.endRule();
        // Most rules find nothing: nothing to finish or limit.
        if (raws.length === 0 && uncounted.count === 0) return;
        results.push({ entry, findings: raws.map((raw) => finish(entry, raw, text, locale, extra)), uncounted });
      };
      // A model's rule speaks only where no rule of its category warned or blocked: it adds what the
      // rules do not name, and does not repeat what they explain better.
      const byModel: (typeof compiled)[number][] = [];
      for (const order of runOrder(draft.listsWithHits())) {
        const entry = compiled[order]!;
        if (entry.rule.kind === 'model') byModel.push(entry);
        else run(entry);
      }
      for (const entry of byModel) {
        const { category } = entry.rule;
        // A note counts when a person lowered a warning or block to it: the model does not overrule them.
        const named = results.some(
          (r) =>
            r.entry.rule.category === category &&
            r.findings.some((f) => f.severity !== 'info' || r.entry.rule.severity !== 'info'),
        );
        if (named) continue;
        const before = results.length;
        run(entry);
        if (results.length > before && silencedSpeak(draft, category)) results.length = before;
      }
      return limit(results, text, locale).sort(
        (a, b) =>
          a.start - b.start ||
          SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
          a.end - b.end ||
          (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
      );
    },
  };
}
