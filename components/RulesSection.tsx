/**
 * Every rule of the active packs, found by words, set and severity: for a reviewer who wants the
 * one rule behind a finding, not a pack's whole list. Each rule shows what it tells an operator
 * (its message on its own example), and takes the same overrides as before.
 */
import { useEffect, useState } from 'preact/hooks';
import { localize } from '../rules/compile';
import { exampleFindingSteps } from '../rules/examples';
import type { Finding, Pack, Severity } from '../rules/schema';
import { isOn, type SetSwitches, setKey } from '../utils/settings';
import type { RuleOverride } from '../utils/storage';
import { SEVERITY_ORDER, severityLabel } from './FindingList';
import { t, tn } from './i18n';
import { drainWhenIdle } from './idle';
import { LabelledSelect } from './LabelledSelect';
import { RuleList } from './RuleList';

export interface RulesSectionProps {
  packs: readonly Pack[];
  switches: SetSwitches;
  profile?: string | undefined;
  /** Sets policy fixes ("pack/set"): a set it keeps on locks all its rules. */
  lockedSets: readonly string[];
  lockedRules: readonly string[];
  overrides: Record<string, RuleOverride>;
  locale: string;
  onOverride: (ruleId: string, override: RuleOverride | undefined) => void;
}

export function RulesSection({
  packs,
  switches,
  profile,
  lockedSets,
  lockedRules,
  overrides,
  locale,
  onOverride,
}: RulesSectionProps) {
  const [query, setQuery] = useState('');
  const [setFilter, setSetFilter] = useState('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const examples = useExampleFindings(packs, locale);
  const words = query.trim().toLocaleLowerCase(locale);
  const setIds = [...new Set(packs.flatMap((pack) => pack.sets.map((set) => set.id)))];
  const setTitle = (id: string) => {
    const pack = packs.find((p) => p.sets.some((set) => set.id === id))!;
    return localize(pack.sets.find((set) => set.id === id)!.title, locale, pack.locales);
  };

  const groups = packs.flatMap((pack) =>
    pack.sets
      .filter((set) => setFilter === '' || set.id === setFilter)
      .map((set) => {
        const text = (value: Parameters<typeof localize>[0]) => localize(value, locale, pack.locales);
        const rules = pack.rules.filter((rule) => {
          if (rule.set !== set.id || (severity !== '' && rule.severity !== severity)) return false;
          if (words === '') return true;
          const said = examples.get(pack.id)?.get(rule.id)?.message ?? text(rule.message);
          const haystack = [rule.id, rule.title ? text(rule.title) : '', said, text(set.title)];
          return haystack.some((field) => field.toLocaleLowerCase(locale).includes(words));
        });
        const setLocked = lockedSets.includes(setKey(pack, set.id)) && isOn(switches, pack, set.id, profile);
        return { pack, set, rules, locked: setLocked ? rules.map((rule) => rule.id) : lockedRules };
      })
      .filter((group) => group.rules.length > 0),
  );
  const shown = groups.reduce((sum, group) => sum + group.rules.length, 0);

  return (
    <div class="rules-section">
      <div class="filters">
        <label>
          {t('rulesSearch')}{' '}
          <input
            type="search"
            data-testid="rules-search"
            value={query}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
        </label>{' '}
        <LabelledSelect
          label={t('rulesFilterSet')}
          testId="rules-set"
          value={setFilter}
          empty={t('rulesFilterAll')}
          choices={setIds.map((id) => ({ value: id, label: setTitle(id) }))}
          onChange={setSetFilter}
        />{' '}
        <LabelledSelect
          label={t('rulesFilterSeverity')}
          testId="rules-severity"
          value={severity}
          empty={t('rulesFilterAll')}
          choices={SEVERITY_ORDER.map((level) => ({ value: level, label: severityLabel(level) }))}
          onChange={(value) => setSeverity(value as Severity | '')}
        />
      </div>
      <p role="status" data-testid="rules-shown">
        {shown === 0 ? t('rulesNone') : tn('rulesShown', shown)}
      </p>
      {groups.map(({ pack, set, rules, locked }) => (
        <section key={setKey(pack, set.id)} class="rule-group" data-rules-of={set.id}>
          <h3>
            {localize(set.title, locale, pack.locales)}{' '}
            <small>
              {localize(pack.name, locale, pack.locales)} · {tn('rulesCount', rules.length)}
            </small>
          </h3>
          <RuleList
            pack={pack}
            rules={rules}
            overrides={overrides}
            locked={locked}
            locale={locale}
            onOverride={onOverride}
            examples={examples.get(pack.id)}
          />
        </section>
      ))}
    </div>
  );
}

type ExamplesByPack = ReadonlyMap<string, ReadonlyMap<string, Finding>>;

/**
 * Each rule's finding on its example, once per pack and language (not per keystroke in the search
 * box), computed in idle moments: the list shows the messages' templates until they are ready, so
 * opening the tab never waits for half a second of checking.
 */
function useExampleFindings(packs: readonly Pack[], locale: string): ExamplesByPack {
  const [examples, setExamples] = useState<ExamplesByPack>(new Map());
  useEffect(() => {
    function* steps() {
      for (const pack of packs) {
        for (const [ruleId, finding] of exampleFindingSteps(pack, locale)) yield { pack: pack.id, ruleId, finding };
      }
    }
    return drainWhenIdle(steps(), (found) => {
      const byPack = new Map<string, Map<string, Finding>>();
      for (const { pack, ruleId, finding } of found) {
        if (!byPack.has(pack)) byPack.set(pack, new Map());
        byPack.get(pack)!.set(ruleId, finding);
      }
      setExamples(byPack);
    });
  }, [packs, locale]);
  return examples;
}
