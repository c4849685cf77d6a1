/** Findings grouped by severity, each with its message, the text it is about and its manual section. */
import { localize } from '../rules/compile';
import type { Finding, Pack, Severity } from '../rules/schema';
import './FindingList.css';
import { t } from './i18n';
import { Markdown } from './Markdown';

export type ManualLookup = (pack: string, sectionId: string) => { title: string; body: string } | undefined;

/** A finding's manual section, in the reader's language, from the packs that produced it. */
export function manualLookup(packs: readonly Pack[], locale: string): ManualLookup {
  return (packId, sectionId) => {
    const pack = packs.find((p) => p.id === packId);
    const section = pack?.manual.find((s) => s.id === sectionId);
    if (!pack || !section) return undefined;
    return { title: localize(section.title, locale, pack.locales), body: localize(section.body, locale, pack.locales) };
  };
}

export const SEVERITY_ORDER: Severity[] = ['block', 'warn', 'info'];
const SEVERITY_LABEL = { block: 'severityBlock', warn: 'severityWarn', info: 'severityInfo' } as const;

export function severityLabel(severity: Severity): string {
  return t(SEVERITY_LABEL[severity]);
}

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  return SEVERITY_ORDER.find((severity) => findings.some((f) => f.severity === severity));
}

export function FindingList({ findings, manual }: { findings: readonly Finding[]; manual: ManualLookup }) {
  return (
    <div class="findings">
      {SEVERITY_ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section class={`group group-${severity}`} key={severity}>
            <h3>
              <span class={`badge badge-${severity}`}>{severityLabel(severity)}</span> {group.length}
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
                    <p class="message">{finding.message}</p>
                    {finding.excerpt && <q class="excerpt">{finding.excerpt}</q>}
                    {finding.suggestions.length > 0 && (
                      <p class="suggestion">{t('suggestion', finding.suggestions.join(', '))}</p>
                    )}
                    <details class="manual">
                      <summary>{t('manualSection', section?.title ?? finding.manual.title)}</summary>
                      {section && <Markdown source={section.body} />}
                    </details>
                    <code class="rule-id">{finding.ruleId}</code>
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
