/**
 * The gate's audit log: every decision (posted clean, posted with a reason, stopped), with the
 * rules involved and a hash of the draft, never the draft itself.
 */
import { z } from 'zod';
import { Platform, Severity } from '../rules/schema';

export const AuditEntry = z.strictObject({
  time: z.string(),
  platform: Platform,
  decision: z.enum(['posted', 'override', 'stopped']),
  ruleIds: z.array(z.string()),
  severities: z.array(Severity),
  /** The operator's reason for posting despite warnings. */
  reason: z.string().max(2000).optional(),
  /** SHA-256 of the draft, hex: proves which draft without keeping it. */
  draftHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AUDIT_LIMIT = 5000;

/** Append entries, keeping the newest `limit`. */
export function appendBounded(log: readonly AuditEntry[], entry: AuditEntry, limit = AUDIT_LIMIT): AuditEntry[] {
  const next = [...log, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
