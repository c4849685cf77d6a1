/**
 * Hot fixes for the extension's platform adapters, carried by a pack: when a site changes its DOM, an
 * admin names the new composer or Post control in a pack and every operator has it within the
 * subscription interval, without a release. Only data: CSS selectors (parsed here, so a broken one is
 * refused with the pack) and exact labels, never code or regular expressions.
 */
import { parse, type Selector } from 'css-what';
import { z } from 'zod';

/** Pseudo-classes a selector may use: structure only (no :hover, no pseudo-elements, nothing vendor). */
const PSEUDOS = new Set([
  'has',
  'not',
  'is',
  'where',
  'nth-child',
  'nth-last-child',
  'nth-of-type',
  'nth-last-of-type',
  'first-child',
  'last-child',
  'first-of-type',
  'last-of-type',
  'only-child',
  'only-of-type',
  'empty',
]);

/** Why a selector cannot be used, or undefined when it can. */
export function selectorProblem(selector: string): string | undefined {
  let parsed: Selector[][];
  try {
    parsed = parse(selector);
  } catch (error) {
    return `not a CSS selector: ${(error as Error).message}`;
  }
  const walk = (tokens: Selector[][]): string | undefined => {
    for (const token of tokens.flat()) {
      if (token.type === 'pseudo-element') return `pseudo-element ::${token.name} cannot match an element`;
      if (token.type !== 'pseudo') continue;
      if (!PSEUDOS.has(token.name)) return `:${token.name} is not allowed (only structural pseudo-classes)`;
      if (Array.isArray(token.data)) {
        const inner = walk(token.data);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return walk(parsed);
}

const cssSelector = z
  .string()
  .min(1)
  .max(300)
  .superRefine((value, ctx) => {
    const problem = selectorProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `selector "${value}": ${problem}` });
  });
const selectors = z.array(cssSelector).min(1).max(20);

export const SubmitKey = z.enum(['mod+enter', 'enter']);

/**
 * How a post the operator chose to send reaches the site: `press-again` (the default), their own next
 * press; `synthetic`, a press replayed by script, only for a site shown to accept one.
 */
export const ReplayMode = z.enum(['press-again', 'synthetic']);
export type ReplayMode = z.infer<typeof ReplayMode>;

export const AdapterPatch = z.strictObject({
  /** `add`: after the adapter's own selectors; `replace`: instead of them (for the fields given). */
  mode: z.enum(['add', 'replace']).default('add'),
  /** Editable elements posts are written in. */
  composers: selectors.optional(),
  /** Controls that publish. */
  publish: selectors.optional(),
  /** Exact labels (visible text, or aria-label for an icon) a publish control must have; any locale. */
  publishText: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
  /** The ancestor holding a composer and its publish control. */
  container: selectors.optional(),
  /** Keys that publish from inside a composer. */
  submitKeys: z.array(SubmitKey).max(2).optional(),
  /** Open shadow roots to search for composers. */
  shadowHosts: selectors.optional(),
  /** How a post the operator chose to send (or a press held while the packs loaded) reaches the site. */
  replay: ReplayMode.optional(),
  /** Why, and what it is based on (shown to whoever reads the pack). */
  note: z.string().max(500).optional(),
});
export type AdapterPatch = z.infer<typeof AdapterPatch>;

/** `adapters` of a pack: per platform, one patch. */
export const adapterPatches = <P extends z.ZodEnum>(platform: P) => z.partialRecord(platform, AdapterPatch);
