import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR } from '../../cli/builtin-pack';
import { main } from '../../cli/main';
import { loadPackFrom } from '../../cli/pack-source';
import { compilePacks } from '../../rules/index';

async function run(argv: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: async () => stdin });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'preflight-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const goodPack = file(
  'good.yaml',
  `id: small
name: Small
version: 1.0.0
locales: [en, ja]
sets: [{ id: s, title: { en: S, ja: エス } }, { id: q, title: Q, enabled: false }]
manual: [{ id: m, title: { en: Secrets, ja: 秘密 }, body: { en: Keep them., ja: 守る。 } }]
rules:
  - { id: secret, set: s, kind: terms, category: privacy, severity: block, manual: m, message: { en: "Secret: {match}", ja: "秘密: {match}" }, terms: [falcon], examples: { flag: [Falcon soon], pass: [Eagle soon] } }
  - { id: hype, set: s, kind: terms, category: brand, severity: warn, manual: m, message: { en: "Hype: {match}", ja: "誇張: {match}" }, terms: [insane], examples: { flag: [insane deal], pass: [good deal] } }
  - { id: sale, set: q, kind: terms, category: risk, severity: block, manual: m, message: { en: "Sale: {match}", ja: "セール: {match}" }, terms: [sale], examples: { flag: [sale], pass: [hours] } }
`,
);

describe('preflight check', () => {
  it('prints findings for people and exits 1 on a block', async () => {
    const { code, out } = await run(['check', '--no-default', '--pack', goodPack, 'Project', 'Falcon', 'is', 'insane']);
    expect(code).toBe(1);
    expect(out).toContain('BLOCK  1:9  secret  "Falcon"');
    expect(out).toContain('Secret: Falcon');
    expect(out).toContain('Manual: Secrets (#m)');
    expect(out).toContain('2 findings: 1 block, 1 warn, 0 info');
  });

  it('checks as a posting profile and on a given day, and names the profiles on a typo', async () => {
    const draft = 'Loving my new serum, use code MAYA15 for 15% off';
    const asBrand = await run(['check', '--format', 'json', '--date', '2027-06-02', draft]);
    const onMarch11 = await run(['check', '--format', 'json', '--date', '2027-03-11', draft]);
    const ids = (out: string) => (JSON.parse(out).findings as { ruleId: string }[]).map((f) => f.ruleId);
    expect(ids(asBrand.out)).not.toContain('risk.sensitive-date-promo');
    expect(ids(onMarch11.out)).toContain('risk.sensitive-date-promo');
    const typo = await run(['check', '--profile', 'influencer', draft]);
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/unknown profile "influencer" \(one of brand, creator, employee/);
    expect((await run(['check', '--date', '11/03/2027', draft])).code).toBe(2);
    expect((await run(['check', '--profile', 'creator', '--date', '2027-06-02', draft])).code).toBeLessThan(2);
  });

  it('exits 0 with only warnings, and prints JSON for tools', async () => {
    const { code, out } = await run([
      'check',
      '--no-default',
      '--pack',
      goodPack,
      '--format',
      'json',
      '--platform',
      'x',
      'an insane deal',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.platform).toBe('x');
    expect(json.findings).toEqual([
      expect.objectContaining({
        ruleId: 'hype',
        severity: 'warn',
        start: 3,
        end: 9,
        excerpt: 'insane',
        manual: { id: 'm', title: 'Secrets' },
      }),
    ]);
  });

  it('speaks Japanese with --lang ja and reads the draft from a file or stdin', async () => {
    const draftFile = file('draft.txt', 'falcon');
    expect(
      (await run(['check', '--no-default', '--pack', goodPack, '--lang', 'ja', '--file', draftFile])).out,
    ).toContain('秘密: falcon');
    expect((await run(['check', '--no-default', '--pack', goodPack, '-'], 'falcon')).code).toBe(1);
    expect((await run(['check', '--no-default', '--pack', goodPack, '--lang', 'ja', 'eagle'])).out).toBe(
      '問題は見つかりませんでした。',
    );
  });

  it('keeps a byte order mark read from --file or stdin, so offsets index the file', async () => {
    const withBom = file('bom.txt', '\ufeffProject falcon');
    for (const argv of [
      ['check', '--no-default', '--pack', goodPack, '--format', 'json', '--file', withBom],
      ['check', '--no-default', '--pack', goodPack, '--format', 'json', '-'],
    ]) {
      const { out } = await run(argv, '\ufeffProject falcon');
      expect(JSON.parse(out).findings).toEqual([expect.objectContaining({ start: 9, end: 15, excerpt: 'falcon' })]);
    }
  });

  it('switches sets with --sets', async () => {
    expect((await run(['check', '--no-default', '--pack', goodPack, 'sale'])).code).toBe(0);
    expect((await run(['check', '--no-default', '--pack', goodPack, '--sets', '+q', 'sale'])).code).toBe(1);
    expect((await run(['check', '--no-default', '--pack', goodPack, '--sets', 'q', 'insane sale'])).out).not.toContain(
      'hype',
    );
    expect((await run(['check', '--no-default', '--pack', goodPack, '--sets', 'nope', 'x'])).code).toBe(2);
  });

  it('exits 2 with a clear message on bad usage', async () => {
    const noDraft = await run(['check', '--no-default', '--pack', goodPack]);
    expect(noDraft).toMatchObject({ code: 2 });
    expect(noDraft.err).toContain('no draft');
    expect((await run(['check', '--platform', 'myspace', 'x'])).err).toContain('unknown platform "myspace"');
    expect((await run(['check', '--bogus', 'x'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['check', '--no-default', 'x'])).err).toContain('--no-default needs at least one --pack');
  });

  it('guesses what a mistyped name meant, and prints the wrong line and where help is, not the whole help', async () => {
    const twitter = await run(['check', '--platform', 'twitter', 'x']);
    expect(twitter.code).toBe(2);
    expect(twitter.err).toBe(
      'preflight: unknown platform "twitter": did you mean "x"? (one of x, facebook, instagram, linkedin, threads, bluesky, mastodon, reddit, youtube, tiktok)\nRun "preflight --help" for usage.',
    );
    expect((await run(['check', '--platform', 'linkdin', 'x'])).err).toContain('did you mean "linkedin"?');
    expect((await run(['check', '--profile', 'creater', 'x'])).err).toContain('did you mean "creator"?');
    expect((await run(['check', '--sets', '+quiet-priod', 'x'])).err).toContain('did you mean "quiet-period"?');
    expect((await run(['check', '--platform', 'myspace', 'x'])).err).not.toContain('did you mean');
  });

  it('layers a team pack on the built-in one, as the extension does', async () => {
    const draft = 'Project Falcon: 元本保証で必ず儲かる';
    const layered = JSON.parse((await run(['check', '--format', 'json', '--pack', goodPack, draft])).out);
    const alone = JSON.parse((await run(['check', '--format', 'json', '--no-default', '--pack', goodPack, draft])).out);
    const packsOf = (json: { findings: { pack: string }[] }) => [...new Set(json.findings.map((f) => f.pack))].sort();
    expect(packsOf(layered)).toEqual(['preflight-default', 'small']);
    expect(packsOf(alone)).toEqual(['small']);
  });

  it('exits 2 naming the file and field for each kind of bad pack', async () => {
    const bad = (name: string, text: string) => run(['check', '--pack', file(name, text), 'x']);
    const broken = await bad('broken.yaml', 'id: [oops');
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('broken.yaml');
    const badManual = await bad(
      'manual.yaml',
      readGood().replace('manual: m, message: { en: "Hype', 'manual: nowhere, message: { en: "Hype'),
    );
    expect(badManual.err).toContain('rules[1].manual: manual section "nowhere" does not exist');
    const badKind = await bad(
      'kind.yaml',
      readGood().replace('kind: terms, category: brand', 'kind: vibes, category: brand'),
    );
    expect(badKind.err).toContain('rules[1].kind: unknown rule kind');
    const badPattern = await bad(
      'pattern.yaml',
      readGood()
        .replace('kind: terms, category: brand', 'kind: pattern, category: brand')
        .replace('terms: [insane]', "pattern: '(x)\\1'"),
    );
    expect(badPattern.err).toMatch(/rules\[1\]\.pattern: .*backreferences are not allowed/);
    const missing = await run(['check', '--pack', join(dir, 'nope.yaml'), 'x']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
    expect(broken.err).not.toMatch(/\n\s+at /);
  });
});

function readGood(): string {
  return readFileSync(goodPack, 'utf8');
}

describe('preflight pack', () => {
  it('names the cap a pack breaks in `pack validate`', async () => {
    const tooLong = file('long-term.yaml', readGood().replace('terms: [falcon]', `terms: [${'x'.repeat(1001)}]`));
    const result = await run(['pack', 'validate', tooLong]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('rules[0]: a term of 1001 characters');
    expect(result.err).toContain('the limit is 1000 characters per term');
    const slow = file(
      'slow.yaml',
      readGood()
        .replace('kind: terms, category: brand', 'kind: pattern, category: brand')
        .replace('terms: [insane]', "pattern: '\\p{L}{0,999}x'"),
    );
    expect((await run(['pack', 'validate', slow])).err).toMatch(
      /rules\[1\]\.pattern: .*more than 256 characters from one position/,
    );
  });

  it('validates, tests and builds a pack', async () => {
    expect((await run(['pack', 'validate', goodPack])).out).toContain('ok  ');
    const tested = await run(['pack', 'test', goodPack]);
    expect(tested.code).toBe(0);
    expect(tested.out).toContain('3 rules, 6 examples, 0 failed');
    const out = join(dir, 'built.json');
    expect((await run(['pack', 'build', goodPack, '-o', out])).code).toBe(0);
    expect((await run(['pack', 'validate', out])).code).toBe(0);
  });

  it('reports a failing example and exits 1', async () => {
    const failing = file('failing.yaml', readGood().replace('pass: [good deal]', 'pass: [insane deal]'));
    const { code, out } = await run(['pack', 'test', failing]);
    expect(code).toBe(1);
    expect(out).toContain('FAIL  hype  pass[0]: should pass, but flagged "insane"');
  });

  it('prints a JSON Schema generated from the zod schema', async () => {
    const { code, out } = await run(['pack', 'schema']);
    expect(code).toBe(0);
    const schema = JSON.parse(out);
    expect(schema.properties.rules.items.oneOf ?? schema.properties.rules.items.anyOf).toHaveLength(9);
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'name', 'version', 'locales']));
  });
});

describe('the installed bin', () => {
  it('runs as `preflight` through node_modules/.bin', async () => {
    const exec = promisify(execFile);
    const bin = join(process.cwd(), 'node_modules', '.bin', 'preflight');
    const ok = await exec(bin, ['check', '--no-default', '--pack', goodPack, '--format', 'json', 'good deal']);
    expect(JSON.parse(ok.stdout).findings).toEqual([]);
    await expect(exec(bin, ['check', '--no-default', '--pack', goodPack, 'falcon'])).rejects.toMatchObject({ code: 1 });
  });

  it('finds with the bundled default pack, its patterns, term forms and automaton made at build time, what the engine finds from source', async () => {
    const exec = promisify(execFile);
    const bin = join(process.cwd(), 'node_modules', '.bin', 'preflight');
    const drafts: [string, string][] = [
      ['x', 'Our 100% guaranteed cure for acne! Call 090-1234-5678 or mail me@example.com http://bit.ly/x #ad #sale'],
      ['linkedin', '必ず儲かる投資です。がんが治る！田中様のご注文 4111 1111 1111 1111 TODO: 〇〇'],
    ];
    const pack = loadPackFrom(DEFAULT_PACK_DIR);
    for (const [platform, draft] of drafts) {
      const bundled = await exec(bin, ['check', '--platform', platform, '--format', 'json', draft]).catch(
        (error: { stdout: string }) => error,
      );
      const findings = compilePacks([pack]).check(draft, { platform: platform as 'x', locale: 'en' });
      expect(findings.length).toBeGreaterThan(2);
      expect(JSON.parse(bundled.stdout).findings).toEqual(JSON.parse(JSON.stringify(findings)));
    }
  });
});

describe('assets/pack.schema.json', () => {
  it('is the schema `preflight pack schema` generates (run `npm run schema` after changing rules/schema.ts)', async () => {
    const committed = JSON.parse(readFileSync(join(process.cwd(), 'assets', 'pack.schema.json'), 'utf8'));
    const { out } = await run(['pack', 'schema']);
    expect(committed).toEqual(JSON.parse(out));
  });
});

describe('signing packs', () => {
  it('makes a key pair, signs a pack, verifies it, and refuses a changed one', async () => {
    const name = join(dir, 'team');
    expect((await run(['pack', 'keygen', name])).out).toMatch(/^key [0-9a-f]{16}: /);
    const signed = join(dir, 'signed.json');
    expect((await run(['pack', 'sign', goodPack, '--key', `${name}.key.json`, '-o', signed])).code).toBe(0);
    const ok = await run(['pack', 'verify', signed, '--key', `${name}.pub.json`]);
    expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/^ok {4}.*signed with key/) });
    writeFileSync(signed, readFileSync(signed, 'utf8').replace('"Secret: {match}"', '"Secret! {match}"'));
    const changed = await run(['pack', 'verify', signed, '--key', `${name}.pub.json`]);
    expect(changed).toMatchObject({
      code: 1,
      out: expect.stringContaining('the pack was changed after it was signed'),
    });
    expect((await run(['pack', 'verify', goodPack, '--key', `${name}.pub.json`])).out).toContain(
      'the pack is not signed',
    );
    expect((await run(['pack', 'sign', goodPack, '--key', `${name}.pub.json`])).code).toBe(2);
  });

  it('exits 2 with a message, not a stack trace, on a key file that is not one', async () => {
    const name = join(dir, 'keys');
    await run(['pack', 'keygen', name]);
    const secret = JSON.parse(readFileSync(`${name}.key.json`, 'utf8'));
    const notJson = file('not-json.key.json', 'secretKey: abc');
    const badBase64 = file('bad64.key.json', JSON.stringify({ ...secret, secretKey: '%%not base64%%' }));
    const shortKey = file('short.key.json', JSON.stringify({ ...secret, secretKey: btoa('short') }));
    const badPublic = file('bad.pub.json', JSON.stringify({ keyId: secret.keyId, publicKey: '***' }));
    for (const [argv, says] of [
      [['pack', 'sign', goodPack, '--key', notJson], /not-json\.key\.json is not a key file \(not valid JSON/],
      [
        ['pack', 'sign', goodPack, '--key', badBase64],
        /bad64\.key\.json is not a key file \(secretKey: expected 32 bytes in base64\)/,
      ],
      [['pack', 'sign', goodPack, '--key', shortKey], /secretKey: expected 32 bytes in base64/],
      [['pack', 'verify', goodPack, '--key', notJson], /is not a key file \(not valid JSON/],
      [
        ['pack', 'verify', goodPack, '--key', badPublic],
        /bad\.pub\.json is not a key file \(publicKey: expected 32 bytes/,
      ],
    ] as const) {
      const result = await run([...argv]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toMatch(says);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });
});
