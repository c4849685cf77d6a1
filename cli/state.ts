/** `preflight state set | show`: the team state the person on duty signs and publishes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { keyName, type PublicKey } from '../rules/signature';
import {
  draftTeamState,
  EVENT_DAYS,
  parseTeamState,
  signTeamState,
  type TeamState,
  teamStateFile,
  verifyTeamState,
} from '../rules/team-state';
import { type Io, UsageError } from './main';
import { args, KeyFile, readKey, SecretKeyFile } from './pack';

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
      const draft = draftTeamState(
        {
          sets,
          profile: values.profile as string | undefined,
          eventWords: (values['event-word'] ?? []) as string[],
          eventDays: Number(values['event-days'] ?? EVENT_DAYS.default),
          message: values.reason as string | undefined,
          until: values.until as string | undefined,
        },
        now,
      );
      if (!draft.ok)
        throw new UsageError(
          ['event-days', 'until'].includes(draft.field)
            ? `--${draft.field} ${draft.error}`
            : `the team state is not valid: ${draft.field}: ${draft.error}`,
        );
      const json = teamStateFile(await signTeamState(draft.state, key));
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
