/**
 * The pieces of the rule-pack format that packs and every rule kind share: platforms, severities,
 * localized texts, terms and lexicon references, dates, and the fields common to all rules and to
 * the matching kinds. Each kind's own schema lives with the kind (rules/kinds/<kind>.ts); the pack
 * is put together in rules/schema.ts.
 */
import { z } from 'zod';

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

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-", starting with a letter or digit');
export const locale = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "ja"');

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
    /** A term of at most three kana matches only as a word of its own (がん, not in がんばる). */
    standalone: z.boolean().optional(),
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
export const TermList = z.array(TermRef).min(1);
/** Cue words (negation): plain strings or lexicon references. */
export const CueWords = z.array(z.union([z.string().min(1), LexiconRef]));

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
  /**
   * Entries of at most three kana match only as words of their own: not inside a longer kana word
   * (がん in がんばる, シミ in シミュレーション, しみ in 楽しみ). For noun lists; never for cue words.
   */
  standalone: z.boolean().optional(),
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
export const ruleBase = {
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
export const Window = z.strictObject({
  terms: TermList,
  /** Only within this many characters of the match (absent = anywhere in the draft). */
  within: z.number().int().min(1).max(10_000).optional(),
});

export const Negation = z.strictObject({
  /** Cue words that cancel a match when they appear just before it ("does not", "not"). */
  before: CueWords.default([]),
  /** Cue words that cancel a match when they follow it (「ものではありません」). */
  after: CueWords.default([]),
  within: z.number().int().min(1).max(200).default(24),
  /** An `after` cue counts only when nothing but hiragana stands between (治る|わけではない, not 治る|今までにない). */
  afterKanaOnly: z.boolean().optional(),
});

/** RE2 syntax (no backreferences, no look-around). One expression or several. */
export const Patterns = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const cueFields = {
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
export const Cue = z.strictObject(cueFields).refine(...givesTermsOrPattern);

/**
 * What a claim needs to stand on ("※2025年○○調べ", "Source: …, 2025"): when the draft carries
 * it, the claim passes; when not, it is a finding.
 */
export const Basis = z
  .strictObject({
    ...cueFields,
    /** Only within this many characters of the claim (absent = anywhere in the draft). */
    within: z.number().int().min(1).max(10_000).optional(),
  })
  .refine(...givesTermsOrPattern);

/** Matching controls shared by `terms`, `pattern` and `claim`. */
export const matchControls = {
  caseSensitive: z.boolean().default(false),
  /** Matches that overlap one of these are not findings (綿100%, "100% cotton"). */
  exceptions: z.array(z.string().min(1)).optional(),
  /** Co-occurrence: report a match only when one of these also appears (a disaster and a sale). */
  with: Window.optional(),
  /**
   * Report a match only when none of these appears. A list gives several windows, each with its own reach: a
   * permitted wording right beside the match, a ruling's words anywhere in its sentence.
   */
  without: z.union([Window, z.array(Window).min(1)]).optional(),
  negation: Negation.optional(),
  /** At most this many findings per draft for this rule. */
  limit: z.number().int().min(1).max(1000).optional(),
  /** The rule's inline terms are lemmas: match their inflected forms too (lexicons say it themselves). */
  inflect: z.boolean().optional(),
  /** The claim passes when the draft states its basis. */
  basis: Basis.optional(),
};
/** The controls as one object type (what rules/match-controls.ts compiles). */
const MatchControlsObject = z.strictObject(matchControls);
export type MatchControls = z.infer<typeof MatchControlsObject>;
