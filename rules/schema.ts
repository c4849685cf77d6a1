/**
 * The rule-pack format. Every type the engine, the CLI and the extension use is inferred from
 * these schemas, and `preflight pack schema` turns them into JSON Schema for editors.
 * Field names shared with other tools (id, name, version, locales, sets, rules, manual, kind,
 * category, severity, platforms, message, examples, pattern, terms) are fixed; add beside them.
 * The shared pieces are in fields.ts, each kind's schema beside its runner in kinds/<kind>.ts.
 */
import { z } from 'zod';
import { adapterPatches } from './adapters-schema';
import { Category, DateSpec, id, Lexicon, Localized, locale, Platform, Severity, TermList, Window } from './fields';
import { RULE_SCHEMAS } from './kinds/index';
import { Model } from './model/model';

export * from './fields';
export { ClaimRule } from './kinds/claim';
export { Counting, LIMIT_METRICS, LimitCheck, LimitMetric, LimitRule } from './kinds/limit';
export { LinksRule } from './kinds/links';
export { ModelRule } from './kinds/model';
export { PatternRule } from './kinds/pattern';
export { PII_DETECTORS, PiiRule } from './kinds/pii';
export { RequireRule } from './kinds/require';
export { TermsRule } from './kinds/terms';
export { ToneRule } from './kinds/tone';

export const Rule = z.discriminatedUnion('kind', RULE_SCHEMAS);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;
export const RULE_KINDS = Rule.options.map((option) => option.shape.kind.value) as RuleKind[];

export const RuleSet = z.strictObject({
  id,
  title: Localized,
  description: Localized.optional(),
  enabled: z.boolean().default(true),
  /** Only on these dates, when switched on (absent = always). */
  dates: z.array(DateSpec).min(1).optional(),
  /**
   * A set off by default whose rules still run on a draft that has one of these words (a clinic or a procedure
   * named): who posts is often plain from the words. A switch by a person, policy or the profile decides alone.
   * Words only (no patterns), matched as a rule's terms are.
   */
  activatedBy: z.strictObject({ terms: TermList, inflect: z.boolean().optional() }).optional(),
});
export type RuleSet = z.infer<typeof RuleSet>;

export const ManualSection = z.strictObject({
  id,
  title: Localized,
  body: Localized,
});
export type ManualSection = z.infer<typeof ManualSection>;

/**
 * Who posts: the same words are fine from a brand's own account and need a label from a creator it
 * pays. A profile switches the pack's sets; a reviewer's own switches and policy still win over it.
 */
export const Profile = z.strictObject({
  id,
  title: Localized,
  description: Localized.optional(),
  /** Set switches by set id ({ creator: true }); sets not named keep their defaults. */
  sets: z.record(z.string(), z.boolean()).default({}),
  /** The profile in force when nobody picked one (else the pack's first). */
  default: z.boolean().optional(),
});
export type Profile = z.infer<typeof Profile>;

/** How a later pack changes a rule of an earlier one. */
export const Override = z.strictObject({
  rule: z.string().min(1),
  enabled: z.boolean().optional(),
  severity: Severity.optional(),
});

/**
 * Reported quotations (rules/reported.ts): in these categories a finding inside a quotation is dropped
 * when its sentence frames the quotation as someone else's words, with a reporting word before it
 * ("the ad claimed “…”", 広告に「…」) or after it (「…」などと表示していた). `within` counts
 * characters between the word and the quotation (absent = anywhere in the sentence). `narrated` goes
 * further: a finding whose own sentence holds one of its words (allegedly, according to the complaint,
 * 容疑, などとうたい) is narrated as someone else's act, quoted or not, and is dropped too. `rules` names
 * rules of other categories the guard applies to as well (a blank 〇〇 in a reported quotation is the
 * report's own 伏せ字, not a template left in). `denied` drops a finding whose sentence says that such a
 * product does not exist ("There is no pill that melts fat", 「がんが治るサプリはありません」): a warning, not an offer.
 */
export const Reported = z.strictObject({
  categories: z.array(Category).min(1),
  rules: z.array(z.string().min(1)).optional(),
  before: Window,
  after: Window,
  narrated: Window.optional(),
  denied: z
    .strictObject({
      /** Nouns of what is sold (pill, サプリ, investment, 商品): the kinds of thing a sentence says do not exist. */
      terms: TermList,
      /** Words that make the sentence a comparison, whose claim stands ("no other", "like ours", ほど, 以外). */
      unless: TermList.optional(),
      within: z.number().int().min(1).max(10_000).optional(),
    })
    .optional(),
});
export type Reported = z.infer<typeof Reported>;

const semver = z
  .string()
  .regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.4.0');

export const Pack = z.strictObject({
  $schema: z.string().optional(),
  id,
  name: Localized,
  version: semver,
  locales: z.array(locale).min(1),
  description: Localized.optional(),
  /** The engine versions this pack was written for (a semver range such as ">=0.1"). */
  engine: z.string().optional(),
  sets: z.array(RuleSet).default([]),
  profiles: z.array(Profile).default([]),
  /** Named term lists the rules refer to with `{ lexicon: id }`. */
  lexicons: z.array(Lexicon).default([]),
  /** Trained classifiers that `model` rules read (rules/model/). */
  models: z.array(Model).default([]),
  rules: z.array(Rule).default([]),
  manual: z.array(ManualSection).default([]),
  overrides: z.array(Override).default([]),
  /** Findings of these categories inside a reported quotation are not findings. */
  reported: Reported.optional(),
  /** Hot fixes for the extension's platform adapters (rules/adapters-schema.ts). */
  adapters: adapterPatches(Platform).optional(),
  /** Ed25519 signature over the pack without this field (`preflight pack sign`). */
  signature: z
    .strictObject({
      algorithm: z.literal('Ed25519'),
      keyId: z.string().regex(/^[0-9a-f]{16}$/),
      value: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64'),
    })
    .optional(),
});
export type Pack = z.infer<typeof Pack>;
export type PackInput = z.input<typeof Pack>;

/** What `check` returns for each problem, sorted by position. Offsets are UTF-16 code units. */
export const Finding = z.object({
  ruleId: z.string(),
  pack: z.string(),
  set: z.string(),
  category: Category,
  severity: Severity,
  message: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  excerpt: z.string(),
  suggestions: z.array(z.string()),
  manual: z.object({ id: z.string(), title: z.string() }),
  /** Set on the one finding that stands for the matches of its rule beyond the limits: how many more. */
  more: z.number().int().optional(),
});
export type Finding = z.infer<typeof Finding>;
