/**
 * preflight check | pack build | pack validate | pack test | pack schema
 * Exit codes: 0 fine, 1 a `block` finding, a failing example or a signature that does not verify, 2 bad usage or a bad pack.
 */
import { PackError } from '../rules/index';
import { runApprove } from './approve';
import { runCheck } from './check';
import { runPack } from './pack';
import { runState } from './state';

export class UsageError extends Error {}

export const USAGE = `Usage:
  preflight check [TEXT…] [--file F | -] [--platform P] [--post-type T] [--pack FILE]… [--no-default]
                  [--sets a,b | --sets +a,-b] [--profile ID] [--date YYYY-MM-DD]
                  [--lang en|ja] [--format text|json]
  preflight pack build SRC [-o OUT]
  preflight pack validate FILE…
  preflight pack test FILE…
  preflight pack schema
  preflight pack keygen NAME
  preflight pack sign FILE --key NAME.key.json [-o OUT]
  preflight pack verify FILE… --key NAME.pub.json…
  preflight state set [--quiet-period on|off] [--set SET=on|off]… [--reason TEXT] [--until DATE]
                      [--profile P] [--event-word W]… [--event-days N] --key NAME.key.json [-o OUT]
  preflight state show FILE [--key NAME.pub.json…]
  preflight approve REQUEST --key NAME.key.json --note TEXT [--hours N] [--pack FILE]… [--no-default]

check layers each --pack on the built-in default pack, as the extension does; --no-default checks the
given packs alone. A FILE may be a .yaml/.json pack or a pack folder. state set signs a team state
(the switches every operator's extension follows); --until YYYY-MM-DD means through that day (UTC).
Exit codes: 0 no block finding, 1 a block finding (check), a failing example (test) or a signature that
does not verify (verify), 2 bad usage or pack.`;

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: () => Promise<string>;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return await runCheck(rest, io);
    if (command === 'pack') return await runPack(rest, io);
    if (command === 'state') return await runState(rest, io);
    if (command === 'approve') return await runApprove(rest, io);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`preflight: ${error.message}\nRun "preflight --help" for usage.`);
      return 2;
    }
    if (error instanceof PackError) {
      io.err(
        `preflight: the pack is not valid:\n${error.issues.map((i) => `  ${i.file}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n')}`,
      );
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.err(`preflight: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
}
