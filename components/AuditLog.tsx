/** The gate's decisions, filtered by platform, rule and date, and exported as CSV or JSON. */
import { useState } from 'preact/hooks';
import type { AuditEntry } from '../utils/audit';
import { type AuditFilter, auditToCsv, auditToJson, filterAudit } from '../utils/audit-export';
import { download } from './download';
import { type MessageKey, platformName, t, tn } from './i18n';

const DECISION: Record<AuditEntry['decision'], MessageKey> = {
  posted: 'auditDecisionPosted',
  override: 'auditDecisionOverride',
  stopped: 'auditDecisionStopped',
  approved: 'auditDecisionApproved',
  ignored: 'auditDecisionIgnored',
};

export function AuditLog({ entries, locale }: { entries: readonly AuditEntry[]; locale: string }) {
  const [filter, setFilter] = useState<AuditFilter>({});
  const shown = filterAudit(entries, filter).slice().reverse();
  const platforms = [...new Set(entries.map((e) => e.platform))].sort();
  const set = (key: keyof AuditFilter) => (event: Event) =>
    setFilter({ ...filter, [key]: (event.target as HTMLInputElement).value || undefined });
  return (
    <div class="audit">
      <div class="audit-filters">
        <label>
          {t('auditPlatform')}{' '}
          <select data-testid="audit-platform" onChange={set('platform')}>
            <option value="">{t('auditAll')}</option>
            {platforms.map((p) => (
              <option key={p} value={p}>
                {platformName(p)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('auditRule')} <input data-testid="audit-rule" onInput={set('rule')} />
        </label>{' '}
        <label>
          {t('auditFrom')} <input type="date" onInput={set('from')} />
        </label>{' '}
        <label>
          {t('auditTo')} <input type="date" onInput={set('to')} />
        </label>
      </div>
      <p data-testid="audit-count">{tn('auditShown', entries.length, shown.length)}</p>
      <button type="button" onClick={() => download('preflight-audit.csv', 'text/csv', auditToCsv(shown))}>
        {t('auditExportCsv')}
      </button>{' '}
      <button type="button" onClick={() => download('preflight-audit.json', 'application/json', auditToJson(shown))}>
        {t('auditExportJson')}
      </button>
      <table>
        <thead>
          <tr>
            <th>{t('auditTime')}</th>
            <th>{t('auditPlatform')}</th>
            <th>{t('auditDecision')}</th>
            <th>{t('auditRule')}</th>
            <th>{t('auditReason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, 500).map((e) => (
            <tr key={`${e.time}-${e.draftHash}`} data-decision={e.decision}>
              <td>{new Date(e.time).toLocaleString(locale)}</td>
              <td>{platformName(e.platform)}</td>
              <td>{t(DECISION[e.decision])}</td>
              <td>{e.ruleIds.join(', ')}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
