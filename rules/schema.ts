/**
 * The rule-pack format. Every type the engine, the CLI and the extension use is inferred from
 * these schemas, and `preflight pack schema` turns them into JSON Schema for editors.
 * Field names shared with other tools (id, name, version, locales, sets, rules, manual, kind,
 * category, severity, platforms, message, examples, pattern, terms) are fixed; add beside them.
 */
import { z } from 'zod';
import { adapterPatches } from './adapters-schema';

export const PLATFORMS = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'threads',
  'bluesky',
  'mastodon',
  'reddit',
  'youtube',
  'tiktok',
] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

export const Severity = z.enum(['block', 'warn', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Category = z.enum(['etiquette', 'brand', 'risk', 'legal', 'platform', 'privacy']);
export type Category = z.infer<typeof Category>;

/** Where a draft will appear: a post, a reply, a title field. Adapters say which. */
export const PostType = z.enum(['post', 'reply', 'quote', 'comment', 'title', 'description', 'caption', 'photo']);
export type PostType = z.infer<typeof PostType>;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit');
const locale = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "ja"');

/** A text per locale ({ en: "…", ja: "…" }), or one string for every locale. */
export const Localized = z.union([
  z.string().min(1),
  z.record(locale, z.string().min(1)).refine((value) => Object.keys(value).length > 0, 'at least one locale'),
]);
export type Localized = z.infer<typeof Localized>;

/** A piece of example text; `{ repeat, times }` spells long drafts (limits) without pasting them. */
const TextPiece = z.union([
  z.string(),
  z.strictObject({ repeat: z.string().min(1), times: z.number().int().min(1).max(100_000) }),
]);
export const Example = z.union([
  z.string(),
  z.strictObject({
    text: z.union([z.string(), z.array(TextPiece).min(1)]),
    platform: Platform.optional(),
    postType: PostType.optional(),
    /** The day the example is checked on (rules limited to `dates`); without it, EXAMPLE_DAY. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day such as "2027-03-11"')
      .optional(),
    note: z.string().optional(),
    /** Terms added to the pack's lexicons for this example: lists filled at run time (event words). */
    lexicons: z.record(z.string(), z.array(z.string().min(1))).optional(),
    /** For a `flag` example: the text the finding must cover exactly (textlint's tester style). */
    match: z.string().min(1).optional(),
  }),
]);
export type Example = z.infer<typeof Example>;

export const Examples = z.strictObject({
  flag: z.array(Example).default([]),
  pass: z.array(Example).default([]),
});

/** A term: a string, or a string with its own suggestion, message, manual section or severity. */
export const Term = z.union([
  z.string().min(1),
  z.strictObject({
    term: z.string().min(1),
    suggest: z.union([z.string(), z.array(z.string())]).optional(),
    message: Localized.optional(),
    manual: id.optional(),
    severity: Severity.optional(),
  }),
]);
export type Term = z.infer<typeof Term>;

/** `{ lexicon: id }` inside any term list: the terms of that pack lexicon, in its place. */
export const LexiconRef = z.strictObject({ lexicon: id });
export type LexiconRef = z.infer<typeof LexiconRef>;
export const TermRef = z.union([Term, LexiconRef], {
  error: 'expected a term: a text, { term, suggest, message, manual, severity } or { lexicon: id }',
});
export type TermRef = z.infer<typeof TermRef>;
const TermList = z.array(TermRef).min(1);
/** Cue words (negation): plain strings or lexicon references. */
const CueWords = z.array(z.union([z.string().min(1), LexiconRef]));

/**
 * A pack-level named term list that rules share by reference. `sources` says where the list
 * comes from (a regulator's list, a public vocabulary): lists are not written from memory.
 */
export const Lexicon = z.strictObject({
  id,
  title: Localized.optional(),
  description: Localized.optional(),
  sources: z.array(z.string().min(1)).min(1),
  /** The entries are lemmas (治る, cure): match their inflected forms too (治らない, cured). */
  inflect: z.boolean().optional(),
  /** May be empty for a list filled at run time (a reviewer's event words). */
  terms: z.array(Term).default([]),
});
export type Lexicon = z.infer<typeof Lexicon>;

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const monthDay = z
  .string()
  .regex(/^(\d{4}-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '"MM-DD" (every year) or "YYYY-MM-DD" (that day only)');
/**
 * The dates a rule or set is in force, in the operator's own time zone: a day every year ("03-11") or
 * once ("2026-12-10"), a range (`from`/`to`, which may cross New Year), or the n-th weekday of a month
 * (Memorial Day: the last Monday of May) for `days` days. `label` names the occasion ({occasion}).
 */
export const DateSpec = z.union([
  z.strictObject({ on: monthDay, label: Localized.optional() }),
  z.strictObject({ from: monthDay, to: monthDay, label: Localized.optional() }),
  z.strictObject({
    month: z.number().int().min(1).max(12),
    weekday: z.enum(weekdays),
    week: z.union([z.number().int().min(1).max(5), z.literal('last')]),
    days: z.number().int().min(1).max(31).default(1),
    label: Localized.optional(),
  }),
]);
export type DateSpec = z.infer<typeof DateSpec>;
export const WEEKDAYS = weekdays;

/** Fields every rule shares. `platforms` and `postTypes` narrow where a rule applies (absent = everywhere). */
const ruleBase = {
  id,
  set: id,
  category: Category,
  severity: Severity,
  /** A `block` a reviewer may release with a signed approval code (four-eyes review); never a secret or a card number. */
  approvable: z.boolean().optional(),
  platforms: z.array(Platform).min(1).optional(),
  postTypes: z.array(PostType).min(1).optional(),
  title: Localized.optional(),
  message: Localized,
  manual: id,
  examples: Examples.default({ flag: [], pass: [] }),
  /** Where the rule comes from (a regulation, a platform's help page): proselint's discipline. */
  sources: z.array(z.string()).optional(),
  /** Only on these dates (absent = always). `require`'s `when` is its text condition, hence the name. */
  dates: z.array(DateSpec).min(1).optional(),
};

/** Terms found elsewhere in the draft that suppress or enable a match. */
const Window = z.strictObject({
  terms: TermList,
  /** Only within this many characters of the match (absent = anywhere in the draft). */
  within: z.number().int().min(1).max(10_000).optional(),
});

const Negation = z.strictObject({
  /** Cue words that cancel a match when they appear just before it ("does not", "not"). */
  before: CueWords.default([]),
  /** Cue words that cancel a match when they follow it (「ものではありません」). */
  after: CueWords.default([]),
  within: z.number().int().min(1).max(200).default(24),
  /** An `after` cue counts only when nothing but hiragana stands between (治る|わけではない, not 治る|今までにない). */
  afterKanaOnly: z.boolean().optional(),
});

/** RE2 syntax (no backreferences, no look-around). One expression or several. */
const Patterns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const cueFields = {
  terms: TermList.optional(),
  pattern: Patterns.optional(),
  caseSensitive: z.boolean().default(false),
  /** The inline terms are lemmas: match their inflected forms too. */
  inflect: z.boolean().optional(),
};
const givesTermsOrPattern = [
  (cue: { terms?: unknown; pattern?: unknown }) => Boolean(cue.terms || cue.pattern),
  'give `terms` or `pattern` (or both)',
] as const;

/** A condition over the draft: any of these terms or patterns. */
const Cue = z.strictObject(cueFields).refine(...givesTermsOrPattern);

/**
 * What a claim needs to stand on ("※2025年○○調べ", "Source: …, 2025"): when the draft carries
 * it, the claim passes; when not, it is a finding.
 */
const Basis = z
  .strictObject({
    ...cueFields,
    /** Only within this many characters of the claim (absent = anywhere in the draft). */
    within: z.number().int().min(1).max(10_000).optional(),
  })
  .refine(...givesTermsOrPattern);

/** Matching controls shared by `terms`, `pattern` and `claim`. */
const matchControls = {
  caseSensitive: z.boolean().default(false),
  /** Matches that overlap one of these are not findings (綿100%, "100% cotton"). */
  exceptions: z.array(z.string().min(1)).optional(),
  /** Co-occurrence: report a match only when one of these also appears (a disaster and a sale). */
  with: Window.optional(),
  /** Report a match only when none of these appears. */
  without: Window.optional(),
  negation: Negation.optional(),
  /** At most this many findings per draft for this rule. */
  limit: z.number().int().min(1).max(1000).optional(),
  /** The rule's inline terms are lemmas: match their inflected forms too (lexicons say it themselves). */
  inflect: z.boolean().optional(),
  /** The claim passes when the draft states its basis. */
  basis: Basis.optional(),
};

export const TermsRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('terms'),
  terms: TermList,
  ...matchControls,
});

export const PatternRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('pattern'),
  pattern: Patterns,
  ...matchControls,
});

/**
 * `claim`: a subject (a disease, an amount, a rank) and a predicate (cure, earn, guarantee) near
 * each other in one clause, not negated: a class of claims instead of sample phrases.
 */
export const ClaimRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('claim'),
  /** Each part is a term list, patterns (amounts: 月50万円, $500 a day), or both; one of the two is needed. */
  subject: TermList.optional(),
  subjectPattern: Patterns.optional(),
  predicate: TermList.optional(),
  predicatePattern: Patterns.optional(),
  /** At most this many characters between the two parts. */
  within: z.number().int().min(0).max(1000).default(20),
  order: z.enum(['any', 'subject-first', 'predicate-first']).default('any'),
  /** Let the parts be in different clauses (breaks: 。！？!?.; and line breaks; not 、 or ,). */
  crossClause: z.boolean().default(false),
  ...matchControls,
});

export const LIMIT_METRICS = [
  'length',
  'bytes',
  'lines',
  'hashtags',
  'mentions',
  'cashtags',
  'links',
  'emoji',
  'exclamations',
  'capsRatio',
  'hashtagLength',
  'repeatedPunctuation',
  'repeatedEmoji',
  'forbiddenChars',
] as const;
export const LimitMetric = z.enum(LIMIT_METRICS);

/** How `length` is counted: each platform has its own unit. */
export const Counting = z.enum([
  'x-weighted', // twitter-text v3: CJK 2, URL 23, emoji 2, NFC first
  'graphemes', // Bluesky, Mastodon (with urlLength)
  'utf16', // TikTok, LinkedIn
  'utf8', // bytes: Bluesky's second cap, YouTube descriptions
  'code-points',
  'threads', // characters, emoji as their UTF-8 bytes
]);
export type Counting = z.infer<typeof Counting>;

export const LimitCheck = z.strictObject({
  metric: LimitMetric,
  counting: Counting.optional(),
  /** Count every URL as this many characters (Mastodon: 23). */
  urlLength: z.number().int().min(0).max(1000).optional(),
  max: z.number().min(0).optional(),
  min: z.number().min(0).optional(),
  /** capsRatio: ignore drafts with fewer Latin letters than this. */
  minLetters: z.number().int().min(0).optional(),
  /**
   * capsRatio: count only the letters of Latin passages of at least this many words. A passage ends at a line
   * break or at Japanese, Chinese or Korean text, so a name in capitals inside Japanese (NIKEの新作, SHIBUYA店)
   * or a lone stylised word (ARIIISE) is not shouting; a sentence in capitals is.
   */
  minRunWords: z.number().int().min(1).max(50).optional(),
  /** forbiddenChars: the characters that may not appear. */
  chars: z.string().min(1).optional(),
  platforms: z.array(Platform).min(1).optional(),
  postTypes: z.array(PostType).min(1).optional(),
  severity: Severity.optional(),
  message: Localized.optional(),
});
export type LimitCheck = z.infer<typeof LimitCheck>;

export const LimitRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('limit'),
  checks: z.array(LimitCheck).min(1),
});

export const RequireRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('require'),
  /** The condition: when the draft has one of these… (absent: always) */
  when: Cue.optional(),
  /** …it must also have one of these. */
  need: Cue,
  /** Where `need` must be: within the first N characters, before the k-th hashtag, near the cue. */
  position: z
    .strictObject({
      withinFirst: z.number().int().min(1).optional(),
      beforeHashtag: z.number().int().min(1).optional(),
      near: z.number().int().min(1).optional(),
    })
    .optional(),
  /** `missing`: flag when nothing of `need` is present. `misplaced`: flag when present but out of position. */
  report: z.enum(['missing', 'misplaced']).default('missing'),
  /** Drafts that also contain one of these are not checked (e.g. a negated cue). */
  unless: Cue.optional(),
});

export const PII_DETECTORS = ['email', 'phone', 'payment-card', 'my-number', 'confidential', 'credential'] as const;
export const PiiRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('pii'),
  detect: z.array(z.enum(PII_DETECTORS)).min(1),
  /** Addresses, domains ("@example.com") or numbers that are the company's own and may be posted. */
  allow: z.array(z.string().min(1)).optional(),
  /** Extra confidentiality markers beside the built-in list. */
  markers: z.array(z.string().min(1)).optional(),
});

export const ToneRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('tone'),
  /** Weighted words; negative weights calm the score (an apology). */
  lexicon: z.array(z.strictObject({ term: z.string().min(1), weight: z.number().min(-100).max(100) })).min(1),
  threshold: z.number().min(0),
  /** Added per "!" beyond the first, and for a run of capital letters: shouting raises a score. */
  exclamationWeight: z.number().min(0).max(100).default(0),
  capsWeight: z.number().min(0).max(100).default(0),
  caseSensitive: z.boolean().default(false),
});

export const LinksRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('links'),
  insecure: z.boolean().default(false),
  /** Domains never reported: the platforms' own link wrappers (X's t.co) and the brand's trusted hosts. */
  allowDomains: z.array(z.string().min(1)).optional(),
  shorteners: z.array(z.string().min(1)).optional(),
  forbiddenDomains: z.array(z.string().min(1)).optional(),
  /** Links to these domains must carry these query parameters (UTM). */
  tracking: z
    .strictObject({ domains: z.array(z.string().min(1)).min(1), params: z.array(z.string().min(1)).min(1) })
    .optional(),
  /** A message per problem; `message` is used for any not given. */
  messages: z
    .strictObject({
      insecure: Localized.optional(),
      shortener: Localized.optional(),
      forbidden: Localized.optional(),
      tracking: Localized.optional(),
    })
    .optional(),
});

export const Rule = z.discriminatedUnion('kind', [
  TermsRule,
  PatternRule,
  ClaimRule,
  LimitRule,
  RequireRule,
  PiiRule,
  ToneRule,
  LinksRule,
]);
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
  rules: z.array(Rule).default([]),
  manual: z.array(ManualSection).default([]),
  overrides: z.array(Override).default([]),
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
