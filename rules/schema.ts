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
    note: z.string().optional(),
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
const TermList = z.array(Term).min(1);

/** Fields every rule shares. `platforms` and `postTypes` narrow where a rule applies (absent = everywhere). */
const ruleBase = {
  id,
  set: id,
  category: Category,
  severity: Severity,
  platforms: z.array(Platform).min(1).optional(),
  postTypes: z.array(PostType).min(1).optional(),
  title: Localized.optional(),
  message: Localized,
  manual: id,
  examples: Examples.default({ flag: [], pass: [] }),
  /** Where the rule comes from (a regulation, a platform's help page): proselint's discipline. */
  sources: z.array(z.string()).optional(),
};

/** Terms found elsewhere in the draft that suppress or enable a match. */
const Window = z.strictObject({
  terms: TermList,
  /** Only within this many characters of the match (absent = anywhere in the draft). */
  within: z.number().int().min(1).max(10_000).optional(),
});

const Negation = z.strictObject({
  /** Cue words that cancel a match when they appear just before it ("does not", "not"). */
  before: z.array(z.string().min(1)).default([]),
  /** Cue words that cancel a match when they follow it (「ものではありません」). */
  after: z.array(z.string().min(1)).default([]),
  within: z.number().int().min(1).max(200).default(24),
});

/** Matching controls shared by `terms` and `pattern`. */
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
  /** RE2 syntax (no backreferences, no look-around). One expression or several. */
  pattern: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
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

/** A condition over the draft: any of these terms or patterns. */
const Cue = z
  .strictObject({
    terms: TermList.optional(),
    pattern: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    caseSensitive: z.boolean().default(false),
  })
  .refine((cue) => cue.terms || cue.pattern, 'give `terms` or `pattern` (or both)');

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
});
export type RuleSet = z.infer<typeof RuleSet>;

export const ManualSection = z.strictObject({
  id,
  title: Localized,
  body: Localized,
});
export type ManualSection = z.infer<typeof ManualSection>;

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
});
export type Finding = z.infer<typeof Finding>;
