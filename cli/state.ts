/** `preflight state set | show`: the team state the person on duty signs and publishes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { keyName, type PublicKey } from '../rules/signature';
import { parseTeamState, signTeamState, TEAM_STATE_FORMAT, TeamState, verifyTeamState } from '../rules/team-state';
import { type Io, UsageError } from './main';
import { args, KeyFile, readKey, SecretKeyFile } from './pack';

const DAY = 86_400_000;

/** A date alone (YYYY-MM-DD) means through that day (UTC); a full ISO time is taken as it is. */
export function untilTime(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    if (Number.isFinite(start)) return new Date(start + DAY).toISOString();
  }
  const time = Date.parse(text);
  if (!Number.isFinite(time) || !/^\d{4}-\d{2}-\d{2}T/.test(text))
    throw new UsageError(`--until ${text}: expected a date (YYYY-MM-DD) or an ISO time`);
  return new Date(time).toISOString();
}

function onOff(option: string, value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new UsageError(`${option} takes on or off, not "${value}"`);
}

function describe(state: TeamState): string[] {
  const lines = [`issued      ${state.issued}`];
  if (state.until) lines.push(`until       ${state.until}`);
  for (const [set, on] of Object.entries(state.sets)) lines.push(`set         ${set}=${on ? 'on' : 'off'}`);
  if (state.profile) lines.push(`profile     ${state.profile}`);
  for (const entry of state.eventWords) lines.push(`event word  ${entry.word} (until ${entry.until})`);
  if (state.message) lines.push(`message     ${state.message}`);
  return lines;
}

export async function runState(argv: string[], io: Io, now = new Date()): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'set': {
      const { values, positionals } = args(rest, {
        'quiet-period': { type: 'string' },
        set: { type: 'string', multiple: true },
        reason: { type: 'string' },
        until: { type: 'string' },
        profile: { type: 'string' },
        'event-word': { type: 'string', multiple: true },
        'event-days': { type: 'string' },
        key: { type: 'string', short: 'k' },
        output: { type: 'string', short: 'o' },
      });
      if (positionals.length > 0 || typeof values.key !== 'string')
        throw new UsageError('state set takes options only, and --key NAME.key.json');
      const key = readKey(values.key, SecretKeyFile, 'sign with the NAME.key.json file `pack keygen` wrote');
      const sets: Record<string, boolean> = {};
      if (typeof values['quiet-period'] === 'string')
        sets['quiet-period'] = onOff('--quiet-period', values['quiet-period']);
      for (const entry of (values.set ?? []) as string[]) {
        const [id, value] = entry.split('=');
        if (!id || value === undefined) throw new UsageError(`--set ${entry}: expected SET=on or PACK/SET=off`);
        sets[id] = onOff(`--set ${id}`, value);
      }
      const days = Number(values['event-days'] ?? 7);
      if (!Number.isInteger(days) || days < 1 || days > 90)
        throw new UsageError('--event-days takes a whole number of days, 1 to 90');
      const wordsUntil = new Date(now.getTime() + days * DAY).toISOString();
      const draft = TeamState.safeParse({
        format: TEAM_STATE_FORMAT,
        issued: now.toISOString(),
        sets,
        ...(typeof values.profile === 'string' ? { profile: values.profile } : {}),
        eventWords: ((values['event-word'] ?? []) as string[]).map((word) => ({ word, until: wordsUntil })),
        ...(typeof values.reason === 'string' ? { message: values.reason } : {}),
        ...(typeof values.until === 'string' ? { until: untilTime(values.until) } : {}),
      });
      if (!draft.success) {
        const issue = draft.error.issues[0]!;
        throw new UsageError(`the team state is not valid: ${issue.path.join('.')}: ${issue.message}`);
      }
      const signed = await signTeamState(draft.data, key);
      const json = `${JSON.stringify(signed, null, 2)}\n`;
      if (typeof values.output === 'string') {
        writeFileSync(values.output, json);
        io.err(`signed the team state with key ${keyName(key, key.keyId)} (${key.keyId}): ${values.output}`);
      } else io.out(json.trimEnd());
      return 0;
    }
    case 'show': {
      const { values, positionals } = args(rest, { key: { type: 'string', short: 'k', multiple: true } });
      if (positionals.length !== 1)
        throw new UsageError('state show takes one FILE (and --key NAME.pub.json to verify)');
      const parsed = parseTeamState(readFileSync(positionals[0]!, 'utf8'));
      if (!parsed.ok) {
        io.err(`preflight: ${positionals[0]}: ${parsed.error}`);
        return 2;
      }
      const { state } = parsed;
      for (const line of describe(state)) io.out(line);
      const trusted: PublicKey[] = ((values.key ?? []) as string[]).map((file) =>
        readKey(file, KeyFile, 'verify with the NAME.pub.json file `pack keygen` wrote'),
      );
      if (trusted.length === 0) {
        io.out(`signature   ${state.signature ? `key ${state.signature.keyId} (not verified: give --key)` : 'none'}`);
        return 0;
      }
      const verdict = await verifyTeamState(state, trusted);
      if (verdict.ok) {
        io.out(
          `signature   ok, ${keyName(
            trusted.find((k) => k.keyId === verdict.keyId),
            verdict.keyId,
          )} (${verdict.keyId})`,
        );
        return 0;
      }
      io.out(`signature   FAIL: ${verdict.reason}`);
      return 1;
    }
    default:
      throw new UsageError(sub ? `unknown state command "${sub}"` : 'state needs a command: set or show');
  }
}
