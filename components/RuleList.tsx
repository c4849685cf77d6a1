/**
 * The rules of a set, each with its examples and manual section. A reviewer may lower a rule's
 * severity or switch it off, never raise it; a rule locked by policy shows a lock instead.
 */
import { useState } from 'preact/hooks';
import { localize } from '../rules/compile';
import { exampleCase } from '../rules/examples';
import type { Finding, Pack, Rule, Severity } from '../rules/schema';
import type { RuleOverride } from '../utils/storage';
import { severityLabel } from './FindingList';
import { Icon } from './Icon';
import { t } from './i18n';
import { Markdown } from './Markdown';

const LOWER: Record<Severity, Severity[]> = { block: ['warn', 'info'], warn: ['info'], info: [] };

export interface RuleListProps {
  pack: Pack;
  rules: readonly Rule[];
  overrides: Record<string, RuleOverride>;
  locked: readonly string[];
  locale: string;
  onOverride: (ruleId: string, override: RuleOverride | undefined) => void;
  /** Each rule's finding on its first flag example (rules/examples.ts): its message as an operator reads it. */
  examples?: ReadonlyMap<string, Finding>;
}

/** A template's placeholders as gaps, for a rule whose example did not yield a message. */
const withGaps = (template: string) => template.replace(/\{\w+\}/g, '…');

export function RuleList({ pack, rules, overrides, locked, locale, onOverride, examples }: RuleListProps) {
  const text = (value: Parameters<typeof localize>[0]) => localize(value, locale, pack.locales);
  return (
    <ul class="rules">
      {rules.map((rule) => {
        const section = pack.manual.find((s) => s.id === rule.manual);
        const isLocked = locked.includes(rule.id);
        return (
          <li key={rule.id} class="rule" data-rule-id={rule.id}>
            <span class={`badge badge-${rule.severity}`}>{severityLabel(rule.severity)}</span>{' '}
            <strong>{rule.title ? text(rule.title) : rule.id}</strong> <code>{rule.id}</code>{' '}
            {isLocked ? (
              <span class="lock" data-testid="rule-locked">
                <Icon name="lock" /> {severityLabel(rule.severity)} · {t('lockedByPolicy')}
              </span>
            ) : (
              <label>
                {t('ruleSeverity')}{' '}
                <select
                  data-testid="rule-severity"
                  value={overrides[rule.id] ?? ''}
                  onChange={(event) => {
                    const value = (event.target as HTMLSelectElement).value;
                    onOverride(rule.id, value === '' ? undefined : (value as RuleOverride));
                  }}
                >
                  <option value="">{t('ruleOwn', severityLabel(rule.severity))}</option>
                  {LOWER[rule.severity].map((severity) => (
                    <option key={severity} value={severity}>
                      {severityLabel(severity)}
                    </option>
                  ))}
                  <option value="off">{t('ruleOff')}</option>
                </select>
              </label>
            )}
            <p class="rule-message">
              <small>{t('ruleSays')}</small> {examples?.get(rule.id)?.message ?? withGaps(text(rule.message))}
            </p>
            <p>
              <small>{t('ruleExamplesFlag')}:</small>{' '}
              {rule.examples.flag.slice(0, 3).map((example) => (
                <q key={exampleCase(example, rule).text}>{exampleCase(example, rule).text.slice(0, 80)}</q>
              ))}
            </p>
            <p>
              <small>{t('ruleExamplesPass')}:</small>{' '}
              {rule.examples.pass.slice(0, 3).map((example) => (
                <q key={exampleCase(example, rule).text}>{exampleCase(example, rule).text.slice(0, 80)}</q>
              ))}
            </p>
            {section && <ManualDetails title={t('manualSection', text(section.title))} body={text(section.body)} />}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A rule's manual section, rendered when first opened: the list holds every rule of the packs, and
 * rendering and sanitising hundreds of closed sections made the tab slow to open.
 */
function ManualDetails({ title, body }: { title: string; body: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details class="manual" onToggle={(event) => opened || setOpened((event.currentTarget as HTMLDetailsElement).open)}>
      <summary>{title}</summary>
      {opened && <Markdown source={body} />}
    </details>
  );
}
