import { describe, expect, it } from 'vitest';
import { type AuditEntry, AuditRecord, appendBounded, auditContext, type TeamStateEntry } from '../../utils/audit';
import { auditToCsv, auditToJson, filterAudit } from '../../utils/audit-export';
import type { ActiveState } from '../../utils/messages';
import { testState } from '../helpers/active-state';
import { testPack } from '../helpers/pack';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  time: '2026-11-29T08:00:00.000Z',
  platform: 'x',
  decision: 'stopped',
  ruleIds: ['legal.financial-guarantee'],
  severities: ['block'],
  draftHash: 'a'.repeat(64),
  packs: [{ id: 'preflight-default', version: '1.4.0' }],
  ruleChanges: [],
  setChanges: [],
  ...over,
});
const log = [
  entry({}),
  entry({
    time: '2026-11-28T10:00:00.000Z',
    platform: 'instagram',
    decision: 'override',
    ruleIds: ['risk.link-hygiene'],
    severities: ['warn'],
    reason: '=HYPERLINK("x") "approved"',
  }),
  entry({ time: '2026-11-27T10:00:00.000Z', platform: 'x', decision: 'posted', ruleIds: [], severities: [] }),
];

describe('the audit log', () => {
  it('keeps the newest entries within its limit', () => {
    let entries: AuditEntry[] = [];
    for (let i = 0; i < 5; i++) entries = appendBounded(entries, entry({ time: `2026-11-2${i}T00:00:00.000Z` }), 3);
    expect(entries.map((e) => e.time.slice(8, 10))).toEqual(['22', '23', '24']);
  });

  it('filters by platform, rule and date', () => {
    expect(filterAudit(log, { platform: 'x' })).toHaveLength(2);
    expect(filterAudit(log, { rule: 'link' }).map((e) => e.platform)).toEqual(['instagram']);
    expect(filterAudit(log, { from: '2026-11-28' })).toHaveLength(2);
    expect(filterAudit(log, { from: '2026-11-28', to: '2026-11-28' }).map((e) => e.decision)).toEqual(['override']);
  });

  it('exports CSV with quoted cells and spreadsheet formulas neutralised, and JSON', () => {
    const csv = auditToCsv(log).split('\r\n');
    expect(csv[0]).toBe(
      'time,platform,decision,ruleIds,severities,reason,failure,draftHash,packs,ruleChanges,setChanges,profile,teamState,approval,origin,teamChanges',
    );
    expect(csv[2]).toContain(`"'=HYPERLINK(""x"") ""approved"""`);
    expect(csv).toHaveLength(5);
    expect(JSON.parse(auditToJson(log))).toEqual(log);
  });
});

describe('sending decisions to a collector', () => {
  it('sends in batches and empties the queue', async () => {
    const { flushQueue } = await import('../../utils/collector');
    const bodies: unknown[][] = [];
    const entries = Array.from({ length: 250 }, (_, i) =>
      entry({ time: `2026-11-29T08:00:${String(i % 60).padStart(2, '0')}.000Z` }),
    );
    const next = await flushQueue(
      'https://collector.example.com/ingest',
      { entries, attempts: 2 },
      async (_url, body) => {
        bodies.push(JSON.parse(body));
        return { ok: true, status: 200 };
      },
    );
    expect(bodies.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(next).toEqual({ entries: [], attempts: 0 });
    expect(JSON.stringify(bodies)).not.toMatch(/text|draft"/);
  });

  it('keeps what it could not send and counts the attempt; refuses plain http', async () => {
    const { flushQueue, retryDelayMinutes } = await import('../../utils/collector');
    let calls = 0;
    const flaky = async () => (++calls === 1 ? { ok: true, status: 200 } : { ok: false, status: 503 });
    const entries = Array.from({ length: 150 }, () => entry({}));
    const next = await flushQueue('https://collector.example.com/ingest', { entries, attempts: 0 }, flaky);
    expect(next.entries).toHaveLength(50);
    expect(next.attempts).toBe(1);
    const offline = await flushQueue('https://collector.example.com/ingest', next, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toEqual({ entries: next.entries, attempts: 2 });
    expect(retryDelayMinutes(2)).toBe(4);
    expect(retryDelayMinutes(10)).toBe(60);
    const insecure = await flushQueue('http://collector.example.com/', next, flaky);
    expect(insecure).toBe(next);
  });
});

describe('what an entry records as in force', () => {
  it('exports it in CSV: packs with versions, rule and set changes with who made them, the profile', () => {
    const csv = auditToCsv([
      entry({
        decision: 'posted',
        ruleIds: [],
        severities: [],
        ruleChanges: [
          { rule: 'legal.financial-guarantee', to: 'off', by: 'reviewer' },
          { rule: 'brand.hype', to: 'info', by: 'pack', pack: 'team' },
        ],
        setChanges: [{ set: 'preflight-default/finance', on: true, by: 'policy' }],
        profile: 'jp-campaign',
      }),
    ]).split('\r\n');
    const [header, row] = csv;
    expect(row).toContain('"preflight-default@1.4.0"');
    expect(row).toContain('"legal.financial-guarantee=off(reviewer) brand.hype=info(team)"');
    expect(row).toContain('"preflight-default/finance=on(policy)"');
    // The profile sits in its own column, wherever later columns are added.
    const column = header!.split(',').indexOf('profile');
    expect(row?.split(',')[column]).toBe('"jp-campaign"');
  });

  const org = testPack(
    [
      { id: 'org.guarantee', kind: 'terms', terms: ['guaranteed'], severity: 'block' },
      { id: 'org.hype', kind: 'terms', terms: ['amazing'] },
    ],
    {
      id: 'org',
      version: '2.1.0',
      sets: [
        { id: 'main', title: 'Main' },
        { id: 'finance', title: 'F', enabled: false },
      ],
    },
  );
  const withProfiles = (pack: typeof org): typeof org => ({
    ...pack,
    profiles: [
      { id: 'brand', title: 'Brand', sets: {} as Record<string, boolean> },
      { id: 'jp-campaign', title: 'JP campaign', sets: { finance: true } },
    ],
  });
  const team = testPack([{ id: 'team.slang', kind: 'terms', terms: ['lol'] }], {
    id: 'team',
    version: '0.3.1',
    overrides: [
      { rule: 'org.guarantee', enabled: false },
      { rule: 'org.hype', severity: 'info' },
      { rule: 'nobody.defines-this', enabled: false },
    ],
  });
  const state = (over: Partial<ActiveState>): ActiveState => testState([org, team], over);

  it('names every pack with its version, and every rule a pack or a reviewer switched off or lowered', () => {
    const context = auditContext(state({ ruleOverrides: { 'team.slang': 'off', 'org.hype': 'info' } }));
    expect(context.packs).toEqual([
      { id: 'org', version: '2.1.0' },
      { id: 'team', version: '0.3.1' },
    ]);
    expect(context.ruleChanges).toEqual([
      { rule: 'org.guarantee', to: 'off', by: 'pack', pack: 'team' },
      { rule: 'org.hype', to: 'info', by: 'pack', pack: 'team' },
      { rule: 'team.slang', to: 'off', by: 'reviewer' },
      { rule: 'org.hype', to: 'info', by: 'reviewer' },
    ]);
    expect(context.profile).toBeUndefined();
    // With profiles, the one in force is recorded even when nobody picked one: the packs' default.
    expect(auditContext(state({ packs: [withProfiles(org), team] })).profile).toBe('brand');
  });

  it('names sets switched from their default, by policy when policy locks them, and the profile', () => {
    const context = auditContext(
      state({
        sets: { 'org/main': false, 'org/finance': true, 'team/main': true },
        lockedSets: ['org/finance'],
        packs: [withProfiles(org), team],
        profile: 'jp-campaign',
      }),
    );
    expect(context.setChanges).toEqual([
      { set: 'org/main', on: false, by: 'reviewer' },
      { set: 'org/finance', on: true, by: 'policy' },
    ]);
    expect(context.profile).toBe('jp-campaign');
  });

  it('names the sets a team state fixes as set by the team, and the state in force (its time and signer)', () => {
    const lock = {
      message: 'Quiet period',
      signer: 'duty-lead',
      keyId: '0123456789abcdef',
      issued: '2026-12-04T14:02:00.000Z',
      until: undefined,
      sets: ['org/finance'],
      profile: undefined,
    };
    const context = auditContext(
      state({ sets: { 'org/finance': true, 'org/main': false }, lockedSets: ['org/finance', 'org/main'], team: lock }),
    );
    expect(context.setChanges).toEqual([
      { set: 'org/main', on: false, by: 'policy' },
      { set: 'org/finance', on: true, by: 'team' },
    ]);
    expect(context.teamState).toEqual({ issued: lock.issued, signer: 'duty-lead', keyId: lock.keyId });
    const csv = auditToCsv([{ ...entry({}), ...context }]).split('\r\n');
    expect(csv[1]).toContain('"2026-12-04T14:02:00.000Z duty-lead (0123456789abcdef)"');
    expect(csv[1]).toContain('org/finance=on(team)');
  });

  it('shows each change of team state and each approval in the export: a new signer and time, the reviewer and note', () => {
    const under = (issued: string, signer: string) => ({ teamState: { issued, signer, keyId: '0123456789abcdef' } });
    const entries = [
      entry({ decision: 'stopped', ...under('2026-12-04T14:02:00.000Z', 'duty-lead') }),
      entry({
        time: '2026-12-04T15:10:00.000Z',
        decision: 'approved',
        ruleIds: ['legal.health-disease-claim'],
        approval: {
          reviewer: 'legal',
          keyId: 'fedcba9876543210',
          note: 'Legal: claim backed by file HC-12',
          requestHash: 'a'.repeat(64),
          rules: ['legal.health-disease-claim'],
          expires: '2026-12-04T19:00:00.000Z',
        },
        ...under('2026-12-04T15:00:00.000Z', 'night-lead'),
      }),
    ];
    const [header, first, second] = auditToCsv(entries).split('\r\n');
    const cell = (row: string | undefined, column: string) =>
      row?.match(/"(?:[^"]|"")*"/g)?.[header!.split(',').indexOf(column)];
    expect(cell(first, 'teamState')).toBe('"2026-12-04T14:02:00.000Z duty-lead (0123456789abcdef)"');
    expect(cell(second, 'teamState')).toBe('"2026-12-04T15:00:00.000Z night-lead (0123456789abcdef)"');
    expect(cell(first, 'approval')).toBe('""');
    expect(cell(second, 'decision')).toBe('"approved"');
    expect(cell(second, 'approval')).toBe(
      `"legal (fedcba9876543210): Legal: claim backed by file HC-12 [${'a'.repeat(64)}]"`,
    );
    expect(JSON.parse(auditToJson(entries))[1]).toMatchObject({ approval: { reviewer: 'legal' } });
  });
});

describe('team states in the audit log', () => {
  const applied: TeamStateEntry = {
    time: '2026-12-04T14:03:10.000Z',
    decision: 'team-state',
    origin: 'https://packs.example.com/team-state.json',
    issued: '2026-12-04T14:02:00.000Z',
    signer: 'duty-lead',
    keyId: '0123456789abcdef',
    changes: [
      { field: 'set', key: 'quiet-period', from: 'off', to: 'on' },
      { field: 'eventWord', key: 'Noto', to: '2026-12-11T14:02:00.000Z' },
    ],
    message: 'Quiet period since 14:02 — earthquake',
  };
  const refused: TeamStateEntry = {
    time: '2026-12-04T15:00:00.000Z',
    decision: 'team-state-refused',
    origin: 'policy',
    changes: [],
    reason: '=refused: the team state was changed after it was signed',
  };
  const records: AuditRecord[] = [entry({}), applied, refused];

  it('is one kind of line beside the decisions: parsed by its decision, with its own fields', () => {
    expect(AuditRecord.parse(applied)).toEqual(applied);
    expect(AuditRecord.parse(entry({}))).toEqual(entry({}));
    // A team state entry cannot carry a draft's fields, nor a decision without a team's fields.
    expect(AuditRecord.safeParse({ ...applied, draftHash: 'a'.repeat(64) }).success).toBe(false);
    expect(AuditRecord.safeParse({ ...entry({}), decision: 'team-state' }).success).toBe(false);
  });

  it('is kept by a platform filter (it applies on every platform) and left out by a rule filter', () => {
    expect(filterAudit(records, { platform: 'instagram' }).map((e) => e.decision)).toEqual([
      'team-state',
      'team-state-refused',
    ]);
    expect(filterAudit(records, { rule: 'financial' }).map((e) => e.decision)).toEqual(['stopped']);
    expect(filterAudit(records, { from: '2026-12-04' })).toHaveLength(2);
  });

  it('exports its signer, time, origin, changes and refusal reason in CSV and JSON', () => {
    const [header, decision, first, second] = auditToCsv(records).split('\r\n');
    const cell = (row: string | undefined, column: string) =>
      row?.match(/"(?:[^"]|"")*"/g)?.[header!.split(',').indexOf(column)];
    expect(cell(first, 'decision')).toBe('"team-state"');
    expect(cell(first, 'platform')).toBe('""');
    expect(cell(first, 'draftHash')).toBe('""');
    expect(cell(first, 'teamState')).toBe('"2026-12-04T14:02:00.000Z duty-lead (0123456789abcdef)"');
    expect(cell(first, 'origin')).toBe('"https://packs.example.com/team-state.json"');
    expect(cell(first, 'teamChanges')).toBe(
      '"set quiet-period: off → on; eventWord Noto: — → 2026-12-11T14:02:00.000Z"',
    );
    expect(cell(first, 'reason')).toBe('"Quiet period since 14:02 — earthquake"');
    // The refusal's reason is free text from outside: neutralised like an operator's reason.
    expect(cell(second, 'reason')).toBe(`"'=refused: the team state was changed after it was signed"`);
    expect(cell(second, 'teamState')).toBe('""');
    expect(cell(decision, 'teamChanges')).toBe('""');
    expect(JSON.parse(auditToJson(records))[1]).toEqual(applied);
  });
});
