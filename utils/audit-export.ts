/** The audit log for people and tools: filters, CSV and JSON. Entries never hold draft text. */
import type { TeamStateChange } from '../rules/team-state';
import { type AuditRecord, isTeamStateEntry, type TeamStateEntry } from './audit';

export interface AuditFilter {
  platform?: string;
  /** Part of a rule id. */
  rule?: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
}

/**
 * The entries a filter keeps. A team state applies on every platform, so a platform filter keeps
 * it (what was in force there); it names no rule, so a rule filter does not.
 */
export function filterAudit<T extends AuditRecord>(entries: readonly T[], filter: AuditFilter): T[] {
  return entries.filter((e) => {
    const team = isTeamStateEntry(e);
    return (
      (!filter.platform || team || e.platform === filter.platform) &&
      (!filter.rule || (!team && e.ruleIds.some((id) => id.includes(filter.rule!)))) &&
      (!filter.from || e.time.slice(0, 10) >= filter.from) &&
      (!filter.to || e.time.slice(0, 10) <= filter.to)
    );
  });
}

/** A team state's change as `set quiet-period: off → on` (`—` where it was or is not set). */
export function changeText(change: TeamStateChange): string {
  const name = change.key === undefined ? change.field : `${change.field} ${change.key}`;
  return `${name}: ${change.from ?? '—'} → ${change.to ?? '—'}`;
}

const CSV_COLUMNS = [
  'time',
  'platform',
  'decision',
  'ruleIds',
  'severities',
  'reason',
  'failure',
  'draftHash',
  'packs',
  'ruleChanges',
  'setChanges',
  'profile',
  'teamState',
  'approval',
  'origin',
  'teamChanges',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/**
 * A team state's entry: `teamState` is its issue time and signer as for a decision, `reason` why it
 * was refused, `teamChanges` what it changed; the columns of a draft's decision stay empty.
 */
function teamCellText(e: TeamStateEntry, column: Column): string {
  switch (column) {
    case 'time':
    case 'decision':
    case 'origin':
      return e[column];
    case 'reason':
      return e.reason ?? e.message ?? '';
    case 'teamState':
      return e.issued ? `${e.issued} ${e.signer ?? ''} (${e.keyId ?? ''})` : '';
    case 'teamChanges':
      return e.changes.map(changeText).join('; ');
    default:
      return '';
  }
}

/** One cell's text: lists space-separated, what was in force as `id@version`, `rule=off(by)`, `pack/set=on(by)`. */
function cellText(record: AuditRecord, column: Column): string {
  if (isTeamStateEntry(record)) return teamCellText(record, column);
  const e = record;
  switch (column) {
    case 'origin':
    case 'teamChanges':
      return '';
    case 'packs':
      return (e.packs ?? []).map((p) => `${p.id}@${p.version}`).join(' ');
    case 'ruleChanges':
      return (e.ruleChanges ?? []).map((c) => `${c.rule}=${c.to}(${c.pack ?? c.by})`).join(' ');
    case 'setChanges':
      return (e.setChanges ?? []).map((c) => `${c.set}=${c.on ? 'on' : 'off'}(${c.by})`).join(' ');
    case 'approval':
      return e.approval
        ? `${e.approval.reviewer} (${e.approval.keyId}): ${e.approval.note} [${e.approval.requestHash}]`
        : '';
    case 'teamState':
      return e.teamState ? `${e.teamState.issued} ${e.teamState.signer} (${e.teamState.keyId})` : '';
    default: {
      const value = e[column];
      return Array.isArray(value) ? value.join(' ') : (value ?? '');
    }
  }
}

function csvCell(value: string): string {
  // Quote every cell; neutralise spreadsheet formulas in free text (the reason).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditToCsv(entries: readonly AuditRecord[]): string {
  const rows = entries.map((e) => CSV_COLUMNS.map((column) => csvCell(cellText(e, column))).join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function auditToJson(entries: readonly AuditRecord[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
