/** The audit log for people and tools: filters, CSV and JSON. Entries never hold draft text. */
import type { AuditEntry } from './audit';

export interface AuditFilter {
  platform?: string;
  /** Part of a rule id. */
  rule?: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  from?: string;
  to?: string;
}

export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  return entries.filter(
    (e) =>
      (!filter.platform || e.platform === filter.platform) &&
      (!filter.rule || e.ruleIds.some((id) => id.includes(filter.rule!))) &&
      (!filter.from || e.time.slice(0, 10) >= filter.from) &&
      (!filter.to || e.time.slice(0, 10) <= filter.to),
  );
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
] as const;

/** One cell's text: lists space-separated, what was in force as `id@version`, `rule=off(by)`, `pack/set=on(by)`. */
function cellText(e: AuditEntry, column: (typeof CSV_COLUMNS)[number]): string {
  switch (column) {
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

export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) => CSV_COLUMNS.map((column) => csvCell(cellText(e, column))).join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function auditToJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}
