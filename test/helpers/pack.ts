/** Small packs for unit tests: one set, one manual section, rules given in their input form. */
import { type CheckOptions, type CompileOptions, compilePacks, Pack, type PackInput } from '../../rules/index';

type RuleInput = Record<string, unknown> & { id: string; kind: string };

export function testPack(rules: RuleInput[], extra: Partial<PackInput> = {}): Pack {
  return Pack.parse({
    id: 'test',
    name: 'Test pack',
    version: '1.0.0',
    locales: ['en', 'ja'],
    sets: [{ id: 'main', title: 'Main' }],
    manual: [{ id: 'guide', title: { en: 'Guide', ja: 'ガイド' }, body: { en: 'Body', ja: '本文' } }],
    ...extra,
    rules: rules.map((rule) => ({
      set: 'main',
      category: 'risk',
      severity: 'warn',
      manual: 'guide',
      message: { en: 'Found {match}', ja: '{match}があります' },
      ...rule,
    })),
  });
}

/** Compile the rules and check one draft; returns the findings. */
export function check(rules: RuleInput[], text: string, options: CheckOptions = {}, compile: CompileOptions = {}) {
  return compilePacks([testPack(rules)], compile).check(text, options);
}

/** The matched texts, in order: the easiest thing to assert exactly. */
export function matched(rules: RuleInput[], text: string, options: CheckOptions = {}) {
  return check(rules, text, options).map((f) => text.slice(f.start, f.end));
}
