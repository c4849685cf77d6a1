// @vitest-environment happy-dom
/**
 * Signing a team state in the options page: the team key is kept only sealed with a passphrase,
 * and the page writes the very file `preflight state set` writes. Same choices, same moment, same
 * key give the same bytes (Ed25519 is deterministic), the CLI's `state show --key` verifies what the
 * page signed, and the extension's admission (examineTeamState) takes what the CLI signed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { main } from '../../../cli/main';
import { loadPackFrom } from '../../../cli/pack-source';
import { runState } from '../../../cli/state';
import { TeamStateSigner } from '../../../components/TeamStateSigner';
import type { KeyPair } from '../../../rules/signature';
import { parseTeamState } from '../../../rules/team-state';
import { examineTeamState } from '../../../utils/team-state';

// The built-in pack's module finds its folder from import.meta.url, which happy-dom's URL cannot
// resolve; the commands used here (keygen, state) never read it.
vi.mock('../../../cli/builtin-pack', () => ({ builtInPack: () => loadPackFrom('rules/packs/default') }));

const pack = loadPackFrom('rules/packs/default');
const dir = mkdtempSync(join(tmpdir(), 'preflight-team-sign-'));
const NOW = new Date('2026-12-04T14:02:00.000Z');
const MESSAGE = 'Quiet period since 14:02 — earthquake; ask the duty lead before posting';
const PASSPHRASE = 'correct horse battery';
let key: KeyPair;

async function cli(argv: string[], now?: Date) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), stdin: async () => '' };
  // `state set` at a given moment is runState itself, as `preflight state` calls it.
  const code = now ? await runState(argv.slice(1), io, now) : await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let root: HTMLElement;
const settle = (ms = 20) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const find = <T extends Element>(selector: string) => root.querySelector(selector) as T;
const byTestId = <T extends Element>(id: string) => find<T>(`[data-testid="${id}"]`);
async function fill(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  act(() => {
    control.value = value;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await settle(0);
}
/** Wait for what PBKDF2 and the signature take (real WebCrypto, real time). */
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await settle(25);
  expect(check()).toBe(true);
}

beforeAll(async () => {
  expect((await cli(['pack', 'keygen', join(dir, 'duty-lead')])).code).toBe(0);
  key = JSON.parse(readFileSync(join(dir, 'duty-lead.key.json'), 'utf8')) as KeyPair;
});
beforeEach(async () => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<TeamStateSigner packs={[pack]} locale="en" />, root));
  await settle();
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.useRealTimers();
});

async function keepTeamKey() {
  await fill(byTestId('team-key-file'), readFileSync(join(dir, 'duty-lead.key.json'), 'utf8'));
  await fill(byTestId('team-new-passphrase'), PASSPHRASE);
  act(() => byTestId<HTMLButtonElement>('team-key-save').click());
  await until(() => byTestId('team-sign-passphrase') !== null);
}

describe('signing a team state in the options page', () => {
  it('keeps the team key only sealed, under its own name, apart from a reviewer’s key', async () => {
    await keepTeamKey();
    const stored = await browser.storage.local.get(null);
    expect(Object.keys(stored)).toEqual(['teamSecret']);
    expect(JSON.stringify(stored)).not.toContain(key.secretKey);
    expect(root.textContent).toContain('Signing as duty-lead');
  });

  it('writes the same file as preflight state set: each verifies with the other’s verifier', async () => {
    await keepTeamKey();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await fill(find(`select[data-team-set="quiet-period"]`), 'on');
    await fill(find(`select[data-team-set="campaigns"]`), 'off');
    await fill(byTestId('team-sign-profile'), 'brand');
    await fill(byTestId('team-sign-words'), 'Noto\n\n  Wajima \n');
    await fill(byTestId('team-sign-days'), '7');
    await fill(byTestId('team-sign-message'), MESSAGE);
    await fill(byTestId('team-sign-until'), '2026-12-10');
    await fill(byTestId('team-sign-passphrase'), PASSPHRASE);
    act(() => byTestId<HTMLButtonElement>('team-sign').click());
    await until(() => byTestId('team-sign-output') !== null);
    const page = byTestId<HTMLTextAreaElement>('team-sign-output').value;

    const parsed = parseTeamState(page);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.state).toMatchObject({
      issued: NOW.toISOString(),
      sets: { 'quiet-period': true, campaigns: false },
      profile: 'brand',
      message: MESSAGE,
      until: '2026-12-11T00:00:00.000Z',
      eventWords: [
        { word: 'Noto', until: '2026-12-11T14:02:00.000Z' },
        { word: 'Wajima', until: '2026-12-11T14:02:00.000Z' },
      ],
    });

    // The CLI's verifier takes the page's file.
    writeFileSync(join(dir, 'page.json'), page);
    const shown = await cli(['state', 'show', join(dir, 'page.json'), '--key', join(dir, 'duty-lead.pub.json')]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/signature {3}ok, duty-lead/);

    // The CLI, given the same choices at the same moment, writes the same bytes.
    const set = await cli(
      [
        'state',
        'set',
        '--quiet-period',
        'on',
        '--set',
        'campaigns=off',
        '--profile',
        'brand',
        '--event-word',
        'Noto',
        '--event-word',
        'Wajima',
        '--event-days',
        '7',
        '--reason',
        MESSAGE,
        '--until',
        '2026-12-10',
        '--key',
        join(dir, 'duty-lead.key.json'),
        '-o',
        join(dir, 'cli.json'),
      ],
      NOW,
    );
    expect(set.code).toBe(0);
    const fromCli = readFileSync(join(dir, 'cli.json'), 'utf8');
    expect(fromCli).toBe(page);

    // The extension's admission takes the CLI's file, naming the signer; a changed one is refused.
    const publicKey = { keyId: key.keyId, name: key.name, publicKey: key.publicKey };
    const admitted = await examineTeamState(fromCli, 'https://packs.example.com/state.json', [publicKey], undefined);
    expect(admitted).toMatchObject({ ok: true, held: { signer: 'duty-lead', keyId: key.keyId } });
    const changed = fromCli.replace('"campaigns": false', '"campaigns": true');
    expect(await examineTeamState(changed, 'policy', [publicKey], undefined)).toMatchObject({
      ok: false,
      error: expect.stringContaining('changed after it was signed'),
    });
  });

  it('signs nothing with a wrong passphrase or a bad choice, and says why', async () => {
    await keepTeamKey();
    await fill(find(`select[data-team-set="quiet-period"]`), 'on');
    await fill(byTestId('team-sign-passphrase'), 'not the passphrase');
    act(() => byTestId<HTMLButtonElement>('team-sign').click());
    await until(() => byTestId('team-sign-error') !== null);
    expect(byTestId('team-sign-error').textContent).toContain('the passphrase is wrong');
    expect(byTestId('team-sign-output')).toBeNull();
    await fill(byTestId('team-sign-days'), '0');
    act(() => byTestId<HTMLButtonElement>('team-sign').click());
    await until(() => byTestId('team-sign-error')?.textContent?.includes('event-days') ?? false);
    expect(byTestId('team-sign-error').textContent).toBe(
      'Not signed: event-days: takes a whole number of days, 1 to 90',
    );
    expect(byTestId('team-sign-output')).toBeNull();
  });

  it('refuses a pasted file that is not a private key', async () => {
    await fill(byTestId('team-key-file'), '{"keyId":"0123456789abcdef","publicKey":"AAAA"}');
    await fill(byTestId('team-new-passphrase'), PASSPHRASE);
    act(() => byTestId<HTMLButtonElement>('team-key-save').click());
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('not a private key file');
    expect(await browser.storage.local.get(null)).toEqual({});
  });
});
