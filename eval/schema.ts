/**
 * One line of the evaluation corpus (eval/corpus/**\/*.jsonl): a real, sourced text and what the
 * default pack should do with it. eval/README.md describes each field.
 */
import { z } from 'zod';
import { Category, Platform, PostType } from '../rules/schema';

export const PROFILES = [
  'brand',
  'creator',
  'employee',
  'regulated-finance',
  'regulated-health',
  'regulated-cosmetics',
] as const;
export const Profile = z.enum(PROFILES);
export type Profile = z.infer<typeof Profile>;

export const CorpusSource = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY-MM-DD, YYYY-MM or YYYY'),
});

export const CorpusItem = z
  .strictObject({
    id: z.string().regex(/^(en|ja)-[a-z0-9][a-z0-9._-]*$/, 'lower-case, starting with the language: en-… or ja-…'),
    lang: z.enum(['en', 'ja']),
    text: z.string().min(1),
    expect: z.enum(['flag', 'pass']),
    category: Category.optional(),
    law: z.string().min(1),
    class: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a kebab-case class such as health-efficacy'),
    profile: Profile.optional(),
    platform: Platform.optional(),
    postType: PostType.optional(),
    /** The day the text was posted, when the source says: rules limited to dates see that day. */
    postedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
      .optional(),
    source: CorpusSource,
    note: z.string().optional(),
  })
  .refine((item) => item.expect === 'pass' || item.category !== undefined, {
    message: 'a flag item needs the category that must catch it',
    path: ['category'],
  })
  .refine((item) => item.id.startsWith(`${item.lang}-`), {
    message: 'the id starts with the item language',
    path: ['id'],
  });
export type CorpusItem = z.infer<typeof CorpusItem>;
