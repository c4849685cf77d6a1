/**
 * The gate's decisions and the team states applied or refused, filtered by platform, rule and date,
 * and exported as CSV or JSON.
 */
import { useState } from 'preact/hooks';
import type { TeamStateChange } from '../rules/team-state';
import { type AuditEntry, type AuditRecord, isTeamStateEntry, type TeamStateEntry } from '../utils/audit';
import { type AuditFilter, auditToCsv, auditToJson, filterAudit } from '../utils/audit-export';
import { download } from './download';
import { type MessageKey, platformName, t, tn } from './i18n';
import { LabelledSelect } from './LabelledSelect';

const DECISION: Record<AuditRecord['decision'], MessageKey> = {
  posted: 'auditDecisionPosted',
  override: 'auditDecisionOverride',
  stopped: 'auditDecisionStopped',
  approved: 'auditDecisionApproved',
  ignored: 'auditDecisionIgnored',
  'team-state': 'auditDecisionTeamState',
  'team-state-refused': 'auditDecisionTeamStateRefused',
  'team-state-expired': 'auditDecisionTeamStateExpired',
};

const FIELD: Record<TeamStateChange['field'], MessageKey> = {
  set: 'auditTeamFieldSet',
  profile: 'auditTeamFieldProfile',
  eventWord: 'auditTeamFieldEventWord',
  message: 'auditTeamFieldMessage',
  until: 'auditTeamFieldUntil',
};

/** A change in the reader's language: switches as on/off, times in their locale. */
function changeLabel(change: TeamStateChange, locale: string): string {
  const value = (text: string | undefined) => {
    if (text === undefined) return '—';
    if (change.field === 'set') return t(text === 'on' ? 'auditTeamOn' : 'auditTeamOff');
    if (change.field === 'eventWord' || change.field === 'until') return new Date(text).toLocaleString(locale);
    return text;
  };
  const name = change.key === undefined ? t(FIELD[change.field]) : `${t(FIELD[change.field])} ${change.key}`;
  return `${name}: ${value(change.from)} → ${value(change.to)}`;
}

function TeamStateRow({ entry, locale }: { entry: TeamStateEntry; locale: string }) {
  const signed =
    entry.issued &&
    t('auditTeamSigned', entry.signer ?? entry.keyId ?? '?', new Date(entry.issued).toLocaleString(locale));
  return (
    <tr data-decision={entry.decision} data-testid="audit-team-state">
      <td>{new Date(entry.time).toLocaleString(locale)}</td>
      <td>{t('auditAllPlatforms')}</td>
      <td>{t(DECISION[entry.decision])}</td>
      <td>
        {entry.changes.length === 0 ? (
          t('auditTeamNoChange')
        ) : (
          <ul class="audit-changes">
            {entry.changes.map((change) => (
              <li key={`${change.field}-${change.key ?? ''}`}>{changeLabel(change, locale)}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {signed && <p>{signed}</p>}
        {entry.reason && <p class="subscription-error">{entry.reason}</p>}
        {!entry.reason && entry.message && <p>{entry.message}</p>}
      </td>
    </tr>
  );
}

function DecisionRow({ entry: e, locale }: { entry: AuditEntry; locale: string }) {
  return (
    <tr data-decision={e.decision}>
      <td>{new Date(e.time).toLocaleString(locale)}</td>
      <td>{platformName(e.platform)}</td>
      <td>{t(DECISION[e.decision])}</td>
      <td>{e.ruleIds.join(', ')}</td>
      <td>{e.reason ?? ''}</td>
    </tr>
  );
}

export function AuditLog({ entries, locale }: { entries: readonly AuditRecord[]; locale: string }) {
  const [filter, setFilter] = useState<AuditFilter>({});
  const shown = filterAudit(entries, filter).slice().reverse();
  const platforms = [...new Set(entries.flatMap((e) => (isTeamStateEntry(e) ? [] : [e.platform])))].sort();
  const set = (key: keyof AuditFilter) => (event: Event) =>
    setFilter({ ...filter, [key]: (event.target as HTMLInputElement).value || undefined });
  return (
    <div class="audit">
      <div class="audit-filters">
        <LabelledSelect
          label={t('auditPlatform')}
          testId="audit-platform"
          value={filter.platform ?? ''}
          empty={t('auditAll')}
          choices={platforms.map((p) => ({ value: p, label: platformName(p) }))}
          onChange={(platform) => setFilter({ ...filter, platform: platform || undefined })}
        />{' '}
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
          {shown
            .slice(0, 500)
            .map((e) =>
              isTeamStateEntry(e) ? (
                <TeamStateRow key={`${e.time}-${e.decision}-${e.issued ?? ''}`} entry={e} locale={locale} />
              ) : (
                <DecisionRow key={`${e.time}-${e.draftHash}`} entry={e} locale={locale} />
              ),
            )}
        </tbody>
      </table>
    </div>
  );
}
