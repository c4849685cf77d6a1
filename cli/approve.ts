/**
 * `preflight approve REQUEST --key reviewer.key.json --note TEXT [--hours N]`: the reviewer's side
 * of four-eyes approval. The draft in the request is checked again with the reviewer's own packs
 * (the built-in one and any --pack), its findings are shown, and when every `block` finding is one
 * a reviewer may release, an approval code is printed for the operator to paste into the gate.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { approvableRules, decodeRequest, encodeApproval, REQUEST_PREFIX, signApproval } from '../rules/approval';
import type { Pack } from '../rules/index';
import { builtInPack, compileWithBuiltIn } from './builtin-pack';
import { type Io, UsageError } from './main';
import { args, readKey, SecretKeyFile } from './pack';
import { loadPackFrom } from './pack-source';

export async function runApprove(argv: string[], io: Io, now = new Date()): Promise<number> {
  const { values, positionals } = args(argv, {
    key: { type: 'string', short: 'k' },
    note: { type: 'string' },
    hours: { type: 'string' },
    pack: { type: 'string', multiple: true },
    'no-default': { type: 'boolean' },
  });
  if (positionals.length !== 1 || typeof values.key !== 'string')
    throw new UsageError('approve takes one REQUEST (a file, - for stdin, or the text) and --key NAME.key.json');
  if (typeof values.note !== 'string' || !values.note.trim())
    throw new UsageError('approve needs --note: why this draft may go out (it is kept in the audit log)');
  const hours = Number(values.hours ?? 24);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 720) throw new UsageError('--hours takes 0 to 720 hours');
  const key = readKey(values.key, SecretKeyFile, 'sign with the NAME.key.json file `pack keygen` wrote');
  const source = positionals[0]!;
  const text =
    source === '-'
      ? await io.stdin()
      : source.startsWith(REQUEST_PREFIX) || !existsSync(source)
        ? source
        : readFileSync(source, 'utf8');
  const decoded = decodeRequest(text);
  if (!decoded.ok) throw new UsageError(decoded.error);
  const { request } = decoded;
  if (createHash('sha256').update(request.draft, 'utf8').digest('hex') !== request.draftHash) {
    io.err('preflight: refused: the request was changed: its draft does not match its hash');
    return 1;
  }
  const packs: Pack[] = [
    ...(values['no-default'] ? [] : [builtInPack()]),
    ...((values.pack ?? []) as string[]).map((file) => loadPackFrom(file)),
  ];
  const findings = compileWithBuiltIn(packs, { profile: request.profile }).check(request.draft, {
    now,
    platform: request.platform,
    locale: 'en',
  });
  io.out(`Draft (${request.platform}${request.profile ? `, ${request.profile}` : ''}):\n${request.draft}\n`);
  for (const f of findings) io.out(`${f.severity.padEnd(5)}  ${f.ruleId}  ${f.message}`);
  const blocks = [...new Set(findings.filter((f) => f.severity === 'block').map((f) => f.ruleId))];
  const asked = request.findings.filter((f) => f.severity === 'block').map((f) => f.ruleId);
  const rules = [...new Set([...blocks, ...asked])];
  if (rules.length === 0) {
    io.err('preflight: nothing to approve: no block finding in this draft');
    return 1;
  }
  const approvable = approvableRules(packs);
  const refused = rules.filter((rule) => !approvable.has(rule));
  if (refused.length > 0) {
    io.err(`preflight: refused: no reviewer may release ${refused.join(', ')}; the draft must be changed`);
    return 1;
  }
  const approval = await signApproval(
    {
      draftHash: request.draftHash,
      rules,
      expires: new Date(now.getTime() + hours * 3_600_000).toISOString(),
      note: values.note,
    },
    key,
  );
  io.err(
    `approved ${rules.join(', ')} until ${approval.expires} with key ${key.name ?? key.keyId}; paste this into the gate:`,
  );
  io.out(encodeApproval(approval));
  return 0;
}
