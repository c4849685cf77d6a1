/**
 * Findings grouped by severity: each with a short title, its message (the matched text once), its
 * suggestions, the manual paragraph in place, and the rule's id behind a toggle for admins.
 */

import type { ManualLookup, TitleLookup } from '../rules/manual';
import type { Finding, Severity } from '../rules/schema';
import './FindingList.css';
import { Icon } from './Icon';
import { t } from './i18n';
import { Markdown } from './Markdown';

export const SEVERITY_ORDER: Severity[] = ['block', 'warn', 'info'];

const bySeverity = (a: Finding, b: Finding) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);

/** Of findings at one place, the one its card opens with: the most severe, then the first in the text. */
export const mostSevere = (findings: readonly Finding[]): Finding | undefined => [...findings].sort(bySeverity)[0];

/**
 * The other findings on some of the same text as `finding`, most severe first: several rules can
 * stop the same words, and a card lists them so that none hides under another's underline.
 */
export const sharingText = (findings: readonly Finding[], finding: Finding): Finding[] =>
  findings.filter((f) => f !== finding && f.start < finding.end && finding.start < f.end).sort(bySeverity);
const SEVERITY_LABEL = { block: 'severityBlock', warn: 'severityWarn', info: 'severityInfo' } as const;

export function severityLabel(severity: Severity): string {
  return t(SEVERITY_LABEL[severity]);
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return SEVERITY_ORDER.find((severity) => findings.some((f) => f.severity === severity));
}

/** The finding's short title: the rule's own, else its manual section's. */
export function findingTitle(finding: Finding, title?: TitleLookup): string {
  return title?.(finding.pack, finding.ruleId) ?? finding.manual.title;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

/** The matched text quoted as its language quotes: 「」 for Japanese, “” otherwise. */
export function quoted(text: string): string {
  return JAPANESE.test(text) ? `「${text}」` : `“${text}”`;
}

/** The message, and the excerpt only when the message does not already quote it. */
export function FindingMessage({ finding }: { finding: Finding }) {
  const repeats = finding.excerpt.length > 0 && finding.message.includes(finding.excerpt);
  return (
    <p class="message">
      {finding.message}
      {!repeats && finding.excerpt && (
        <>
          {' '}
          <span class="excerpt">{quoted(finding.excerpt)}</span>
        </>
      )}
    </p>
  );
}

export function SeverityTag({ severity }: { severity: Severity }) {
  return (
    <span class={`badge badge-${severity}`} data-severity={severity}>
      {/* A shape as well as a colour: severity never rests on colour alone (WCAG 1.4.1). */}
      <Icon name={severity} /> {severityLabel(severity)}
    </span>
  );
}

/** What a suggestion reads as: its text, or "Remove" for an empty one. */
const suggestionLabel = (suggestion: string) => suggestion || t('fixRemove');

/**
 * One button per suggestion (the card, the in-page list): each applies it through the editor's own input path.
 * An empty suggestion (a pack's `suggest: ''`) removes the words, and its button says so.
 */
export function FixButtons({
  suggestions,
  onApply,
}: {
  suggestions: readonly string[];
  onApply: (suggestion: string) => void;
}) {
  if (suggestions.length === 0) return null;
  return (
    <p class="fixes">
      {suggestions.map((suggestion) => (
        <button
          type="button"
          key={suggestion}
          class="fix"
          data-preflight="fix"
          aria-label={suggestion ? t('applySuggestion', suggestion) : t('applyRemoval')}
          onClick={() => onApply(suggestion)}
        >
          {suggestionLabel(suggestion)}
        </button>
      ))}
    </p>
  );
}

export interface FindingListProps {
  findings: readonly Finding[];
  manual: ManualLookup;
  title?: TitleLookup | undefined;
  /** Offer each suggestion as a button that applies it (the in-page layer); else they are listed. */
  onApply?: ((finding: Finding, suggestion: string) => void) | undefined;
  /** Offer to show the finding in the draft. */
  onJump?: ((finding: Finding) => void) | undefined;
}

export function FindingList({ findings, manual, title, onApply, onJump }: FindingListProps) {
  return (
    <div class="findings">
      {SEVERITY_ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section class={`group group-${severity}`} key={severity}>
            <h3>
              <SeverityTag severity={severity} /> <span class="count">{group.length}</span>
            </h3>
            <ul>
              {group.map((finding) => {
                const section = manual(finding.pack, finding.manual.id);
                return (
                  <li
                    class="finding"
                    data-rule={finding.ruleId}
                    key={`${finding.ruleId}:${finding.start}:${finding.end}`}
                  >
                    <p class="finding-title">
                      {onJump ? (
                        <button type="button" class="jump" onClick={() => onJump(finding)}>
                          {findingTitle(finding, title)}
                        </button>
                      ) : (
                        <strong>{findingTitle(finding, title)}</strong>
                      )}
                    </p>
                    <FindingMessage finding={finding} />
                    {finding.suggestions.length > 0 &&
                      (onApply ? (
                        <FixButtons
                          suggestions={finding.suggestions}
                          onApply={(suggestion) => onApply(finding, suggestion)}
                        />
                      ) : (
                        <p class="suggestion">{t('suggestion', finding.suggestions.map(suggestionLabel).join(', '))}</p>
                      ))}
                    <details class="manual">
                      <summary>{t('manualSection', section?.title ?? finding.manual.title)}</summary>
                      {section && <Markdown source={section.body} />}
                    </details>
                    <details class="rule-details">
                      <summary>{t('ruleDetails')}</summary>
                      <code class="rule-id">{finding.ruleId}</code>
                    </details>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
