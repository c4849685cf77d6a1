/** `preflight pack build | validate | test | schema`: the pack author's tools. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { z } from 'zod';
import { Pack, PackError, runExamples } from '../rules/index';
import { generateKeyPair, type PublicKey, signPack, verifyPack } from '../rules/signature';
import { type Io, UsageError } from './main';
import { loadPackFrom } from './pack-source';

export function args(argv: string[], options: ParseArgsConfig['options'] = {}) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** 32 raw bytes in base64: an Ed25519 key as `pack keygen` writes it. */
const key32 = z.string().refine((text) => {
  try {
    return /^[A-Za-z0-9+/]+={0,2}$/.test(text) && atob(text).length === 32;
  } catch {
    return false;
  }
}, 'expected 32 bytes in base64');
export const KeyFile = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits'),
  name: z.string().max(100).optional(),
  publicKey: key32,
});
export const SecretKeyFile = KeyFile.extend({ secretKey: key32 });

/** A key file `pack keygen` wrote; a file that is not one is bad usage (exit 2) with a message, never a stack trace. */
export function readKey<T extends z.ZodType>(file: string, schema: T, hint: string): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new UsageError(`${file} is not a key file (not valid JSON: ${error.message}); ${hint}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    throw new UsageError(
      `${file} is not a key file (${field ? `${field}: ` : ''}${issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.message}); ${hint}`,
    );
  }
  return parsed.data;
}

/** JSON Schema for editors (YAML language servers, VS Code), generated from the zod schema. */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Pack, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://preflight.dev/schema/pack.json',
    title: 'Preflight rule pack',
  };
}

export async function runPack(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'schema':
      io.out(JSON.stringify(packJsonSchema(), null, 2));
      return 0;
    case 'build': {
      const { values, positionals } = args(rest, { output: { type: 'string', short: 'o' } });
      if (positionals.length !== 1) throw new UsageError('pack build takes one SRC (a pack folder or file)');
      const pack = loadPackFrom(positionals[0]!);
      const json = `${JSON.stringify(pack, null, 2)}\n`;
      if (typeof values.output === 'string') {
        writeFileSync(values.output, json);
        io.err(
          `wrote ${values.output}: ${pack.id}@${pack.version}, ${pack.rules.length} rules, ${pack.sets.length} sets, ${pack.manual.length} manual sections`,
        );
      } else io.out(json.trimEnd());
      return 0;
    }
    case 'validate': {
      const { positionals } = args(rest);
      if (positionals.length === 0) throw new UsageError('pack validate takes one or more FILEs');
      // Every file is validated, and every problem of each is listed, in one run.
      let invalid = 0;
      for (const file of positionals) {
        try {
          const pack = loadPackFrom(file);
          io.out(
            `ok  ${file}: ${pack.id}@${pack.version}, ${pack.rules.length} rules, ${pack.sets.length} sets, ${pack.manual.length} manual sections`,
          );
        } catch (error) {
          if (!(error instanceof PackError)) throw error;
          invalid++;
          io.err(
            `bad ${file}:\n${error.issues.map((i) => `  ${i.file}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n')}`,
          );
        }
      }
      return invalid > 0 ? 2 : 0;
    }
    case 'test': {
      const { positionals } = args(rest);
      if (positionals.length === 0) throw new UsageError('pack test takes one or more FILEs');
      let failed = 0;
      for (const file of positionals) {
        const pack = loadPackFrom(file);
        const report = runExamples(pack, { requireExamples: true });
        for (const failure of report.failures) {
          io.out(
            `FAIL  ${failure.ruleId}  ${failure.kind}${failure.index >= 0 ? `[${failure.index}]` : ''}: ${failure.detail}`,
          );
        }
        failed += report.failures.length;
        io.out(
          `${report.failures.length === 0 ? 'ok  ' : 'FAIL'}  ${file}: ${report.rules} rules, ${report.examples} examples, ${report.failures.length} failed`,
        );
      }
      return failed > 0 ? 1 : 0;
    }
    case 'keygen': {
      const { positionals } = args(rest);
      if (positionals.length !== 1)
        throw new UsageError('pack keygen takes one NAME (writes NAME.key.json and NAME.pub.json)');
      const name = positionals[0]!;
      const key = await generateKeyPair(basename(name));
      writeFileSync(`${name}.key.json`, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600 });
      const pub: PublicKey = { keyId: key.keyId, name: key.name, publicKey: key.publicKey };
      writeFileSync(`${name}.pub.json`, `${JSON.stringify(pub, null, 2)}\n`);
      io.out(
        `key ${key.keyId}: secret in ${name}.key.json (keep it private), public in ${name}.pub.json (give it to the extension)`,
      );
      return 0;
    }
    case 'sign': {
      const { values, positionals } = args(rest, {
        key: { type: 'string', short: 'k' },
        output: { type: 'string', short: 'o' },
      });
      if (positionals.length !== 1 || typeof values.key !== 'string')
        throw new UsageError('pack sign takes one FILE and --key NAME.key.json');
      const key = readKey(values.key, SecretKeyFile, 'sign with the NAME.key.json file `pack keygen` wrote');
      const signed = await signPack(loadPackFrom(positionals[0]!), key);
      const json = `${JSON.stringify(signed, null, 2)}\n`;
      if (typeof values.output === 'string') {
        writeFileSync(values.output, json);
        io.err(`signed ${signed.id}@${signed.version} with key ${key.keyId}: ${values.output}`);
      } else io.out(json.trimEnd());
      return 0;
    }
    case 'verify': {
      const { values, positionals } = args(rest, { key: { type: 'string', short: 'k', multiple: true } });
      const keys = (values.key ?? []) as string[];
      if (positionals.length === 0 || keys.length === 0)
        throw new UsageError('pack verify takes FILEs and --key NAME.pub.json');
      const trusted: PublicKey[] = keys.map((file) =>
        readKey(file, KeyFile, 'verify with the NAME.pub.json file `pack keygen` wrote'),
      );
      let failed = 0;
      for (const file of positionals) {
        const verdict = await verifyPack(loadPackFrom(file), trusted);
        if (verdict.ok) io.out(`ok    ${file}: signed with key ${verdict.keyId}`);
        else {
          failed++;
          io.out(`FAIL  ${file}: ${verdict.reason}`);
        }
      }
      return failed > 0 ? 1 : 0;
    }
    default:
      throw new UsageError(
        sub
          ? `unknown pack command "${sub}"`
          : 'pack needs a command: build, validate, test, schema, keygen, sign or verify',
      );
  }
}
