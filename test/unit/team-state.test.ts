/**
 * The team state: signed and verified like a pack, refused when tampered with, unsigned, signed by
 * an unknown key or older than the one in force (the last good one stays), fetched from a real
 * loopback server with ETag, and written and shown by the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { main } from '../../cli/main';
import type { Pack } from '../../rules/schema';
import { generateKeyPair, type KeyPair } from '../../rules/signature';
import {
  signTeamState,
  TEAM_STATE_FORMAT,
  type TeamState,
  teamEventWords,
  teamSetSwitches,
  teamStateChanges,
  teamStateInForce,
  untilTime,
  verifyTeamState,
} from '../../rules/team-state';
import type { TeamStateEntry } from '../../utils/audit';
import {
  admitTeamState,
  examineTeamState,
  pruneTeamState,
  readTeamState,
  refreshTeamState,
  subscribeTeamState,
} from '../../utils/team-state';

let team: KeyPair;
let stranger: KeyPair;
const publicOf = (key: KeyPair) => ({ keyId: key.keyId, name: key.name, publicKey: key.publicKey });

const state = (issued: string, extra: Partial<TeamState> = {}): TeamState => ({
  format: TEAM_STATE_FORMAT,
  issued,
  sets: { 'quiet-period': true },
  eventWords: [],
  message: 'Quiet period since 14:02 — earthquake; ask the duty lead before posting',
  ...extra,
});

beforeAll(async () => {
  team = await generateKeyPair('duty-lead');
  stranger = await generateKeyPair('stranger');
});

describe('signing and verifying a team state', () => {
  it('verifies a signed state and refuses one changed after signing, or signed by a key not in force', async () => {
    const signed = await signTeamState(state('2026-12-04T14:02:00Z'), team);
    expect(await verifyTeamState(signed, [publicOf(team)])).toEqual({ ok: true, keyId: team.keyId });
    const tampered = { ...signed, sets: { 'quiet-period': false } };
    expect(await verifyTeamState(tampered, [publicOf(team)])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('the team state was changed after it was signed'),
    });
    expect(await verifyTeamState(signed, [publicOf(stranger)])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not among the trusted keys'),
    });
    const { signature: _dropped, ...unsigned } = signed;
    expect(await verifyTeamState(unsigned, [publicOf(team)])).toEqual({
      ok: false,
      reason: 'the team state is not signed',
    });
  });

  it('names a bare set in every pack that has it, keeps pack/set keys, and expires words and the state', () => {
    const packs = [
      { id: 'a', sets: [{ id: 'quiet-period' }] },
      { id: 'b', sets: [{ id: 'other' }] },
    ] as unknown as Pack[];
    const s = state('2026-12-04T00:00:00Z', {
      sets: { 'quiet-period': true, 'b/other': false },
      until: '2026-12-10T00:00:00Z',
      eventWords: [
        { word: 'Noto', until: '2026-12-08T00:00:00Z' },
        { word: 'old', until: '2026-12-01T00:00:00Z' },
      ],
    });
    expect(teamSetSwitches(s, packs)).toEqual({ 'a/quiet-period': true, 'b/other': false });
    expect(teamEventWords(s, new Date('2026-12-05T00:00:00Z'))).toEqual(['Noto']);
    expect(teamStateInForce(s, new Date('2026-12-09T23:00:00Z'))).toBe(true);
    expect(teamStateInForce(s, new Date('2026-12-10T00:00:01Z'))).toBe(false);
    expect(teamEventWords(s, new Date('2026-12-10T00:00:01Z'))).toEqual([]);
  });
});

describe('admitting a team state', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    browser.permissions.contains = vi.fn(async () => true) as never;
  });

  it('keeps the last good state when a tampered, unsigned, foreign, older or broken one arrives', async () => {
    const keys = [publicOf(team)];
    const good = await signTeamState(state('2026-12-04T14:02:00Z'), team);
    const first = await admitTeamState(JSON.stringify(good), 'policy', keys);
    expect(first.current).toMatchObject({ signer: 'duty-lead', keyId: team.keyId, origin: 'policy' });
    expect(first.lastError).toBeUndefined();
    const older = await signTeamState(state('2026-12-04T13:00:00Z', { sets: { 'quiet-period': false } }), team);
    const tampered = { ...(await signTeamState(state('2026-12-04T15:00:00Z'), team)), sets: {} };
    const { signature: _s, ...unsigned } = await signTeamState(state('2026-12-04T15:00:00Z'), team);
    const foreign = await signTeamState(state('2026-12-04T15:00:00Z'), stranger);
    const cases: [unknown, RegExp][] = [
      [tampered, /changed after it was signed/],
      [unsigned, /is not signed/],
      [foreign, /not among the trusted keys/],
      [older, /before the state in force/],
      ['{"format": "preflight-team-state/1"', /not valid JSON/],
      [{ format: 'other' }, /not a team state/],
    ];
    for (const [candidate, message] of cases) {
      const text = typeof candidate === 'string' ? candidate : JSON.stringify(candidate);
      const record = await admitTeamState(text, 'https://team.example/state.json', keys);
      expect(record.lastError?.message).toMatch(message);
      expect(record.current?.state.issued).toBe('2026-12-04T14:02:00Z');
    }
    const newer = await signTeamState(state('2026-12-04T16:00:00Z', { sets: { 'quiet-period': false } }), team);
    const released = await admitTeamState(JSON.stringify(newer), 'policy', keys);
    expect(released.current?.state.sets).toEqual({ 'quiet-period': false });
    expect(released.lastError).toBeUndefined();
  });

  it('marks the record when an event word expires (composers recompile) and drops a state past its end', async () => {
    const keys = [publicOf(team)];
    const s = state('2026-12-04T14:02:00Z', {
      until: '2026-12-10T00:00:00Z',
      eventWords: [{ word: 'Noto', until: '2026-12-08T00:00:00Z' }],
    });
    await admitTeamState(JSON.stringify(await signTeamState(s, team)), 'policy', keys);
    await pruneTeamState(new Date('2026-12-05T00:00:00Z'));
    expect((await readTeamState()).expired).toBeUndefined();
    expect((await browser.alarms.get('preflight-team-state-expiry'))?.scheduledTime).toBe(
      Date.parse('2026-12-08T00:00:01Z'),
    );
    await pruneTeamState(new Date('2026-12-08T00:00:01Z'));
    expect(await readTeamState()).toMatchObject({ expired: '2026-12-08T00:00:01.000Z', current: { origin: 'policy' } });
    await pruneTeamState(new Date('2026-12-10T00:00:01Z'));
    const after = await readTeamState();
    expect(after.current).toBeUndefined();
    expect(after.expired).toBe('2026-12-10T00:00:01.000Z');
  });

  it('refuses every state while no key is in force', async () => {
    const good = await signTeamState(state('2026-12-04T14:02:00Z'), team);
    expect(await examineTeamState(JSON.stringify(good), 'policy', [], undefined)).toMatchObject({
      ok: false,
      error: 'refused: no trusted keys are set, and a team state must be signed with one',
    });
  });
});

describe('each team state in the audit log', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    browser.permissions.contains = vi.fn(async () => true) as never;
  });
  const written: TeamStateEntry[] = [];
  const audit = async (entry: TeamStateEntry) => {
    written.push(entry);
  };

  it('names what changed: switches, the profile, event words, the message and the end', () => {
    const before = state('2026-12-04T14:02:00Z', {
      sets: { 'quiet-period': false, finance: true },
      eventWords: [
        { word: 'Noto', until: '2026-12-11T00:00:00Z' },
        { word: 'Wajima', until: '2026-12-11T00:00:00Z' },
      ],
    });
    const after = state('2026-12-04T15:00:00Z', {
      sets: { 'quiet-period': true, 'acme/campaign': false },
      profile: 'brand',
      eventWords: [
        { word: 'Noto', until: '2026-12-18T00:00:00Z' },
        { word: '能登', until: '2026-12-18T00:00:00Z' },
      ],
      message: 'All promotions stopped',
      until: '2026-12-20T00:00:00Z',
    });
    expect(teamStateChanges(before, after)).toEqual([
      { field: 'set', key: 'quiet-period', from: 'off', to: 'on' },
      { field: 'set', key: 'finance', from: 'on' },
      { field: 'set', key: 'acme/campaign', to: 'off' },
      { field: 'profile', to: 'brand' },
      { field: 'eventWord', key: 'Noto', from: '2026-12-11T00:00:00Z', to: '2026-12-18T00:00:00Z' },
      { field: 'eventWord', key: 'Wajima', from: '2026-12-11T00:00:00Z' },
      { field: 'eventWord', key: '能登', to: '2026-12-18T00:00:00Z' },
      { field: 'message', from: before.message, to: 'All promotions stopped' },
      { field: 'until', to: '2026-12-20T00:00:00Z' },
    ]);
    // Signed again with the same content: nothing changed.
    expect(teamStateChanges(before, { ...before, issued: '2026-12-05T00:00:00Z' })).toEqual([]);
  });

  it('writes one entry per state applied, with its signer and what it changed, and one per new refusal', async () => {
    written.length = 0;
    const keys = [publicOf(team)];
    const first = await signTeamState(state('2026-12-04T14:02:00Z'), team);
    await admitTeamState(JSON.stringify(first), 'policy', keys, { audit });
    expect(written).toEqual([
      {
        time: expect.any(String),
        decision: 'team-state',
        origin: 'policy',
        issued: '2026-12-04T14:02:00Z',
        signer: 'duty-lead',
        keyId: team.keyId,
        changes: [
          { field: 'set', key: 'quiet-period', to: 'on' },
          { field: 'message', to: first.message },
        ],
        message: first.message,
      },
    ]);
    // The same state read again (policy at each start, a fetch without ETag) is not a change.
    await admitTeamState(JSON.stringify(first), 'policy', keys, { audit });
    expect(written).toHaveLength(1);
    const url = 'https://team.example/state.json';
    const tampered = { ...(await signTeamState(state('2026-12-04T15:00:00Z'), team)), sets: {} };
    await admitTeamState(JSON.stringify(tampered), url, keys, { audit });
    await admitTeamState(JSON.stringify(tampered), url, keys, { audit });
    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({
      decision: 'team-state-refused',
      origin: url,
      issued: '2026-12-04T15:00:00Z',
      keyId: team.keyId,
      // What it would have switched: the quiet period off.
      changes: [{ field: 'set', key: 'quiet-period', from: 'on' }],
      reason: expect.stringContaining('changed after it was signed'),
    });
    expect(written[1]).not.toHaveProperty('signer');
    await admitTeamState('{"format"', url, keys, { audit });
    expect(written[2]).toMatchObject({ decision: 'team-state-refused', changes: [], reason: /not valid JSON/ });
    expect(written[2]).not.toHaveProperty('issued');
    const newer = await signTeamState(state('2026-12-04T16:00:00Z', { sets: { 'quiet-period': false } }), team);
    await admitTeamState(JSON.stringify(newer), url, keys, { audit });
    expect(written[3]).toMatchObject({
      decision: 'team-state',
      origin: url,
      signer: 'duty-lead',
      changes: [{ field: 'set', key: 'quiet-period', from: 'on', to: 'off' }],
    });
    expect(written).toHaveLength(4);
  });

  it('writes an entry when a state reaches its end and is let go, releasing what it set', async () => {
    written.length = 0;
    const s = state('2026-12-04T14:02:00Z', { until: '2026-12-10T00:00:00Z', profile: 'brand' });
    await admitTeamState(JSON.stringify(await signTeamState(s, team)), 'policy', [publicOf(team)]);
    await pruneTeamState(new Date('2026-12-09T00:00:00Z'), audit);
    expect(written).toEqual([]);
    await pruneTeamState(new Date('2026-12-10T00:00:01Z'), audit);
    expect(written).toEqual([
      {
        time: '2026-12-10T00:00:01.000Z',
        decision: 'team-state-expired',
        origin: 'policy',
        issued: '2026-12-04T14:02:00Z',
        signer: 'duty-lead',
        keyId: team.keyId,
        changes: [
          { field: 'set', key: 'quiet-period', from: 'on' },
          { field: 'profile', from: 'brand' },
          { field: 'message', from: s.message },
          { field: 'until', from: '2026-12-10T00:00:00Z' },
        ],
      },
    ]);
    // Pruned again: already let go, no second entry.
    await pruneTeamState(new Date('2026-12-10T00:00:02Z'), audit);
    expect(written).toHaveLength(1);
  });
});

describe('the team state subscription', () => {
  let server: Server;
  let base: string;
  let body = '';
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers['if-none-match'] as string | undefined);
      const etag = `"${body.length}"`;
      if (request.headers['if-none-match'] === etag) return response.writeHead(304, { ETag: etag }).end();
      response.writeHead(200, { ETag: etag, 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => {
    fakeBrowser.reset();
    browser.permissions.contains = vi.fn(async () => true) as never;
  });

  it('fetches the state, asks with its ETag next time, and records a failure without losing the state', async () => {
    body = JSON.stringify(await signTeamState(state('2026-12-04T14:02:00Z'), team));
    expect(await subscribeTeamState(`${base}/state.json`)).toEqual({ ok: true });
    const written: TeamStateEntry[] = [];
    const audit = async (entry: TeamStateEntry) => {
      written.push(entry);
    };
    const first = await refreshTeamState([publicOf(team)], { audit });
    expect(first.current?.origin).toBe(`${base}/state.json`);
    expect(written).toMatchObject([{ decision: 'team-state', origin: `${base}/state.json` }]);
    const second = await refreshTeamState([publicOf(team)]);
    expect(seen.at(-1)).toBe(first.etag);
    expect(second.current?.state.issued).toBe('2026-12-04T14:02:00Z');
    body = 'x'.repeat(70_000);
    const tooBig = await refreshTeamState([publicOf(team)]);
    expect(tooBig.lastError?.message).toMatch(/limit/);
    expect((await readTeamState()).current?.state.issued).toBe('2026-12-04T14:02:00Z');
    browser.permissions.contains = vi.fn(async () => false) as never;
    expect((await refreshTeamState([publicOf(team)])).lastError?.message).toMatch(/may not read/);
  });

  it('refuses a URL that is not https (loopback excepted)', async () => {
    expect(await subscribeTeamState('http://team.example/state.json')).toMatchObject({ ok: false });
  });
});

describe('preflight state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-state-'));
  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdin: async () => '' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('signs a state with a key pack keygen wrote, shows it, verifies it, and fails a changed one', async () => {
    const name = join(dir, 'duty');
    await run(['pack', 'keygen', name]);
    expect(JSON.parse(readFileSync(`${name}.pub.json`, 'utf8')).name).toBe('duty');
    const out = join(dir, 'state.json');
    const set = await run([
      'state',
      'set',
      '--quiet-period',
      'on',
      '--reason',
      'Quiet period since 14:02 — earthquake; ask the duty lead before posting',
      '--until',
      '2099-12-10',
      '--profile',
      'brand',
      '--event-word',
      'Noto',
      '--event-days',
      '7',
      '--key',
      `${name}.key.json`,
      '-o',
      out,
    ]);
    expect(set).toMatchObject({ code: 0, err: expect.stringContaining('signed the team state with key duty') });
    const written = JSON.parse(readFileSync(out, 'utf8')) as TeamState;
    expect(written).toMatchObject({
      sets: { 'quiet-period': true },
      profile: 'brand',
      until: '2099-12-11T00:00:00.000Z',
    });
    expect(written.eventWords.map((e) => e.word)).toEqual(['Noto']);
    const shown = await run(['state', 'show', out, '--key', `${name}.pub.json`]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/set {9}quiet-period=on/);
    expect(shown.out).toMatch(/signature {3}ok, duty/);
    writeFileSync(out, readFileSync(out, 'utf8').replace('"quiet-period": true', '"quiet-period": false'));
    const changed = await run(['state', 'show', out, '--key', `${name}.pub.json`]);
    expect(changed).toMatchObject({ code: 1, out: expect.stringContaining('changed after it was signed') });
  });

  it('refuses bad usage with a message', async () => {
    const name = join(dir, 'other');
    await run(['pack', 'keygen', name]);
    expect((await run(['state', 'set', '--quiet-period', 'maybe', '--key', `${name}.key.json`])).err).toMatch(
      /--quiet-period takes on or off/,
    );
    expect((await run(['state', 'set', '--quiet-period', 'on'])).code).toBe(2);
    expect((await run(['state', 'set', '--until', 'tomorrow', '--key', `${name}.key.json`])).err).toMatch(
      /--until tomorrow: expected a date/,
    );
    expect((await run(['state', 'set', '--event-days', '91', '--key', `${name}.key.json`])).err).toMatch(
      /--event-days takes a whole number of days, 1 to 90/,
    );
    expect((await run(['state', 'set', '--until', '2020-01-01', '--key', `${name}.key.json`])).err).toMatch(
      /--until 2020-01-01: that has already passed/,
    );
    expect(untilTime('tomorrow')).toBeUndefined();
    expect(untilTime('2026-12-10T09:00:00+09:00')).toBe('2026-12-10T00:00:00.000Z');
  });
});
