// @vitest-environment happy-dom
/** The popup and the options page against WXT's fake browser: what they show and what they store. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPackFrom } from '../../../cli/pack-source';
import { messagesLanguage, tn } from '../../../components/i18n';
import { OptionsApp } from '../../../components/OptionsApp';
import { composerName, PopupApp } from '../../../components/PopupApp';
import english from '../../../public/_locales/en/messages.json';
import japanese from '../../../public/_locales/ja/messages.json';
import { compilePacks } from '../../../rules/index';
import type { ActiveState, TabFindings } from '../../../utils/messages';
import { readSets } from '../../../utils/settings';
import { testState } from '../../helpers/active-state';

const pack = loadPackFrom('rules/packs/default');
const state: ActiveState = testState([pack]);

const TEAM_ENTRIES = [
  {
    time: '2026-12-01T12:00:00.000Z',
    decision: 'team-state',
    origin: 'https://packs.example.com/team-state.json',
    issued: '2026-12-01T11:58:00.000Z',
    signer: 'duty-lead',
    keyId: '0123456789abcdef',
    changes: [
      { field: 'set', key: 'quiet-period', from: 'off', to: 'on' },
      { field: 'profile', to: 'brand' },
    ],
    message: 'Quiet period since 11:58 — earthquake',
  },
  {
    time: '2026-12-01T13:00:00.000Z',
    decision: 'team-state-refused',
    origin: 'https://packs.example.com/team-state.json',
    changes: [],
    reason: 'refused: the team state is not signed',
  },
];

let root: HTMLElement;
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
async function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  await settle();
  return root;
}

beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser's messaging does not pass on promised replies: answer as the background does.
  browser.runtime.sendMessage = vi.fn(async (message: { type: string }) =>
    message.type === 'preflight:get-state' ? state : undefined,
  ) as never;
  browser.tabs.query = vi.fn(async () => [{ id: 7, index: 0, active: true }]) as never;
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
  location.hash = '';
});

describe('the options page', () => {
  it('lists every set of the active pack with its rule count, and stores a switch', async () => {
    const el = await mount(<OptionsApp />);
    const sets = el.querySelectorAll('[data-set]');
    expect(sets).toHaveLength(pack.sets.length);
    const claims = el.querySelector('[data-set="claims"]')!;
    const claimRules = pack.rules.filter((rule) => rule.set === 'claims').length;
    expect(claims.textContent).toContain(`${claimRules} rules`);
    expect(el.querySelector('[data-set="quiet-period"]')?.textContent).toContain('off by default');
    // A set that a draft's words turn on says which words.
    expect(el.querySelector('[data-set="regulated-health"]')?.textContent).toContain(
      'off by default, on for drafts that use: クリニック, 医院, 病院',
    );
    const toggle = claims.querySelector('input[role="switch"]') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    act(() => toggle.click());
    await settle();
    expect(await readSets()).toEqual({ 'preflight-default/claims': false });
  });
});

describe('the posting profile', () => {
  it('offers the pack’s profiles in the options page; picking one stores it and shows its sets on', async () => {
    const el = await mount(<OptionsApp />);
    const picker = el.querySelector('[data-testid="profile"]') as HTMLSelectElement;
    expect([...picker.options].map((option) => option.value)).toEqual(pack.profiles.map((profile) => profile.id));
    expect(picker.value).toBe('brand');
    const creatorSwitch = () => el.querySelector('[data-set="creator"] input[role="switch"]') as HTMLInputElement;
    expect(creatorSwitch().checked).toBe(false);
    picker.value = 'creator';
    act(() => {
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(await browser.storage.local.get('profile')).toEqual({ profile: 'creator' });
    state.profile = 'creator';
    act(() => render(<OptionsApp key="again" />, root));
    await settle();
    expect(creatorSwitch().checked).toBe(true);
    state.profile = undefined;
  });

  it('shows a profile fixed by policy as a lock in the popup', async () => {
    browser.tabs.sendMessage = vi.fn(async () => undefined) as never;
    Object.assign(state, { profile: 'regulated-finance', profileLocked: true });
    try {
      const el = await mount(<PopupApp />);
      const picker = el.querySelector('[data-testid="profile"]') as HTMLSelectElement;
      expect(picker.value).toBe('regulated-finance');
      expect(picker.disabled).toBe(true);
      expect(el.querySelector('[data-testid="profile-locked"]')).not.toBeNull();
    } finally {
      Object.assign(state, { profile: undefined, profileLocked: false });
    }
  });
});

describe('subscribing in the options page', () => {
  const subscribe = async (el: HTMLElement, url: string) => {
    const input = el.querySelector('[data-testid="subscription-url"]') as HTMLInputElement;
    act(() => {
      input.value = url;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => (el.querySelector('[data-testid="subscribe"]') as HTMLButtonElement).click());
    await settle();
  };
  let sent: { type: string }[];
  beforeEach(() => {
    location.hash = '#packs';
    sent = [];
    browser.runtime.sendMessage = vi.fn(async (message: { type: string }) => {
      sent.push(message);
      if (message.type === 'preflight:get-state') return state;
      return { ok: true, subscription: { url: 'https://packs.example.com/team.json' } };
    }) as never;
  });

  it('asks for the site’s access first, and says plainly when the browser does not grant it', async () => {
    browser.permissions.request = vi.fn(async () => false) as never;
    const el = await mount(<OptionsApp />);
    await subscribe(el, 'https://packs.example.com/team.json');
    expect(browser.permissions.request).toHaveBeenCalledWith({ origins: ['https://packs.example.com/*'] });
    expect(sent.map((m) => m.type)).not.toContain('preflight:subscribe');
    expect(el.querySelector('.subscriptions [role="alert"]')?.textContent).toBe(
      'Not subscribed: Preflight needs access to https://packs.example.com to read the pack there, and the browser did not grant it.',
    );
  });

  it('has the background subscribe once access is granted', async () => {
    browser.permissions.request = vi.fn(async () => true) as never;
    const el = await mount(<OptionsApp />);
    await subscribe(el, 'https://packs.example.com/team.json');
    expect(sent).toContainEqual({ type: 'preflight:subscribe', url: 'https://packs.example.com/team.json' });
    expect(el.querySelector('.subscriptions [role="alert"]')).toBeNull();
  });
});

describe('the popup', () => {
  it('shows the active tab’s findings with their manual sections', async () => {
    // 元本保証 is the guarantee class's (legal.guarantee-claim) since round 5: one claim, one finding.
    const findings = compilePacks([pack]).check('元本保証で必ず儲かる', { platform: 'x' });
    const answer: TabFindings = { platform: 'x', quietPeriod: false, composers: [{ findings }] };
    browser.tabs.sendMessage = vi.fn(async () => answer) as never;
    const el = await mount(<PopupApp />);
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'preflight:get-findings' });
    expect(el.querySelector('[data-testid="tab-findings"]')?.getAttribute('data-state')).toBe('found');
    expect([...el.querySelectorAll('[data-rule]')].map((f) => f.getAttribute('data-rule'))).toContain(
      'legal.guarantee-claim',
    );
    expect(el.textContent).toContain('Manual: Financial promotion');
  });

  it('says which composers the adapter recognises and which the fallback only checks', async () => {
    const answer: TabFindings = {
      platform: 'linkedin',
      quietPeriod: false,
      composers: [
        { findings: [], recognised: true },
        { findings: [], recognised: false },
      ],
    };
    browser.tabs.sendMessage = vi.fn(async () => answer) as never;
    const el = await mount(<PopupApp />);
    const kinds = [...el.querySelectorAll('.composer-kind')];
    expect(kinds.map((k) => k.getAttribute('data-recognised'))).toEqual(['true', 'false']);
    expect(kinds[0]?.textContent).toBe('Recognised composer');
    expect(kinds[1]?.textContent).toMatch(/^Not recognised \(fallback\): checked, not gated/);
  });

  it('says plainly when the page has no composer, or is not a platform', async () => {
    browser.tabs.sendMessage = vi.fn(async () => ({ platform: 'x', quietPeriod: false, composers: [] })) as never;
    let el = await mount(<PopupApp />);
    expect(el.textContent).toContain('No composer on this page yet');
    act(() => render(null, root));
    browser.tabs.sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never;
    el = await mount(<PopupApp />);
    expect(el.textContent).toContain('Preflight does not check posts on this site');
  });

  it('switches the quiet period on in one click', async () => {
    browser.tabs.sendMessage = vi.fn(async () => undefined) as never;
    const el = await mount(<PopupApp />);
    const quiet = el.querySelector('[data-testid="quiet-period"]') as HTMLInputElement;
    expect(quiet.checked).toBe(false);
    act(() => quiet.click());
    await settle();
    expect(await readSets()).toEqual({ 'preflight-default/quiet-period': true });
    expect(el.querySelector('.quiet')?.classList.contains('on')).toBe(true);
  });

  it('offers to enable Preflight on a Mastodon instance: asks for the host, then registers the script', async () => {
    browser.tabs.query = vi.fn(async () => [
      { id: 9, index: 0, active: true, url: 'https://social.example.org/home' },
    ]) as never;
    browser.tabs.sendMessage = vi.fn(async () => {
      throw new Error('Receiving end does not exist.');
    }) as never;
    browser.permissions.request = vi.fn(async () => true) as never;
    const sent: unknown[] = [];
    browser.runtime.sendMessage = vi.fn(async (message: { type: string }) => {
      sent.push(message);
      return message.type === 'preflight:get-state' ? state : { ok: true };
    }) as never;
    const el = await mount(<PopupApp />);
    const button = el.querySelector('[data-testid="enable-here"]') as HTMLButtonElement;
    expect(button.textContent).toContain('social.example.org');
    act(() => button.click());
    await settle();
    expect(browser.permissions.request).toHaveBeenCalledWith({ origins: ['https://social.example.org/*'] });
    expect(sent).toContainEqual({ type: 'preflight:enable-mastodon', origin: 'https://social.example.org' });
    expect(el.textContent).toContain('Reload the page');
  });

  it('says when an imported pack was last updated', async () => {
    await fakeBrowser.storage.local.set({
      packs: [
        { pack: { ...pack, id: 'team' }, origin: 'team.yaml', source: 'file', updated: '2026-11-28T10:00:00.000Z' },
      ],
    });
    const withTeam = { ...state, packs: [pack, { ...pack, id: 'team' }] };
    browser.runtime.sendMessage = vi.fn(async () => withTeam) as never;
    browser.tabs.sendMessage = vi.fn(async () => undefined) as never;
    const el = await mount(<PopupApp />);
    const lines = [...el.querySelectorAll('[data-testid="active-pack"]')].map((p) => p.textContent ?? '');
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toContain('updated');
    expect(lines[1]).toContain('updated');
  });
});

/** The pages as the browser shows them in Japanese: getMessage answers from the ja messages (en where ja has none). */
function inJapanese() {
  type Entry = { message: string; placeholders?: Record<string, { content: string }> };
  const ja = japanese as Record<string, Entry>;
  const en = english as Record<string, Entry>;
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string, substitutions?: string[]) => {
    const entry = ja[key] ?? en[key];
    if (!entry) return '';
    return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '$0';
      return substitutions?.[Number(content.slice(1)) - 1] ?? '';
    });
  }) as never);
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('ja');
}

describe('the options page’s sections', () => {
  const go = async (section: string) => {
    location.hash = `#${section}`;
    act(() => {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await settle();
  };
  const nav = (el: HTMLElement) => [...el.querySelectorAll('nav a')] as HTMLAnchorElement[];

  it('opens on the reviewers’ rule sets, with a navigation of four sections marking the current one', async () => {
    const el = await mount(<OptionsApp />);
    expect(nav(el).map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['#sets', 'Rule sets and profile'],
      ['#rules', 'Rules'],
      ['#packs', 'Packs and distribution'],
      ['#audit', 'Audit log'],
    ]);
    expect(el.querySelector('nav')?.getAttribute('aria-label')).toBe('Settings sections');
    expect(el.querySelector('main h2')?.textContent).toBe('Rule sets and profile');
    expect(nav(el)[0]!.getAttribute('aria-current')).toBe('page');
    expect(el.querySelector('[data-set]')).not.toBeNull();
    expect(el.querySelector('[data-testid="import-pack"]')).toBeNull();
    expect(el.querySelector('.rule')).toBeNull();
  });

  it('shows a section by its address and moves focus to it', async () => {
    const el = await mount(<OptionsApp />);
    await go('packs');
    expect(el.querySelector('main h2')?.textContent).toBe('Packs and distribution');
    expect(nav(el)[2]!.getAttribute('aria-current')).toBe('page');
    expect(nav(el)[0]!.hasAttribute('aria-current')).toBe(false);
    expect(document.activeElement).toBe(el.querySelector('main'));
    expect(el.querySelector('[data-testid="import-pack"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="key-input"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="subscription-url"]')).not.toBeNull();
    await go('audit');
    expect(el.querySelector('.audit')).not.toBeNull();
    expect(el.querySelector('[data-set]')).toBeNull();
  });

  it('shows each team state applied or refused in the audit table: signer, changes, reason', async () => {
    await fakeBrowser.storage.local.set({ audit: TEAM_ENTRIES });
    location.hash = '#audit';
    const el = await mount(<OptionsApp />);
    const rows = [...el.querySelectorAll('[data-testid="audit-team-state"]')].map((row) =>
      [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['all platforms', 'team state refused', 'no change', 'refused: the team state is not signed'],
      [
        'all platforms',
        'team state applied',
        'Set quiet-period: off → onProfile: — → brand',
        `Signed by duty-lead at ${new Date('2026-12-01T11:58:00.000Z').toLocaleString('en')}Quiet period since 11:58 — earthquake`,
      ],
    ]);
    // A platform filter keeps them (they apply everywhere); the platforms offered are the decisions' only.
    expect(el.querySelectorAll('[data-testid="audit-platform"] option')).toHaveLength(1);
  });

  it('counts in words by plural rules: "1 rule", "2 rules"', async () => {
    const single = { ...pack, sets: [{ ...pack.sets[0]!, id: 'solo' }, ...pack.sets.slice(1)] };
    single.rules = [...pack.rules, { ...pack.rules[0]!, id: 'solo.one', set: 'solo' }].filter(
      (rule) => rule.set !== pack.sets[0]!.id,
    );
    browser.runtime.sendMessage = vi.fn(async () => ({ ...state, packs: [single] })) as never;
    const el = await mount(<OptionsApp />);
    expect(el.querySelector('[data-set="solo"] small')?.textContent).toMatch(/^1 rule\b(?!s)/);
    expect(el.querySelector('[data-set="claims"] small')?.textContent).toMatch(/^\d+ rules/);
  });

  it('finds rules by words, set and severity, and shows each one’s message on an example, not its template', async () => {
    location.hash = '#rules';
    const el = await mount(<OptionsApp />);
    const rules = () => [...el.querySelectorAll('.rule')].map((rule) => rule.getAttribute('data-rule-id'));
    expect(rules()).toHaveLength(pack.rules.length);
    expect(el.querySelector('[data-testid="rules-shown"]')?.textContent).toBe(`${pack.rules.length} rules shown`);
    // The examples' messages arrive in the page's idle moments (components/idle.ts); till then, templates.
    const said = (ruleId: string) => el.querySelector(`[data-rule-id="${ruleId}"] .rule-message`)?.textContent ?? '';
    await vi.waitFor(
      async () => {
        await settle();
        expect(said('legal.financial-guarantee')).toMatch(/元本保証|guaranteed/i);
      },
      { timeout: 20_000, interval: 50 },
    );
    const messages = [...el.querySelectorAll('.rule-message')].map((p) => p.textContent ?? '');
    expect(messages.filter((message) => /\{\w+\}/.test(message))).toEqual([]);
    // The financial-guarantee rule quotes its match: the example's words stand in its place.
    const template = pack.rules.find((rule) => rule.id === 'legal.financial-guarantee')!.message;
    expect(JSON.stringify(template)).toContain('{match}');

    const change = (testid: string, value: string) => {
      const control = el.querySelector(`[data-testid="${testid}"]`) as HTMLInputElement | HTMLSelectElement;
      act(() => {
        control.value = value;
        control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      });
    };
    change('rules-set', 'claims');
    expect(rules()).toEqual(pack.rules.filter((rule) => rule.set === 'claims').map((rule) => rule.id));
    change('rules-severity', 'block');
    expect(rules()).toEqual(
      pack.rules.filter((rule) => rule.set === 'claims' && rule.severity === 'block').map((rule) => rule.id),
    );
    change('rules-set', '');
    change('rules-severity', '');
    change('rules-search', 'financial-guarantee');
    expect(rules()).toEqual(['legal.financial-guarantee']);
    expect(el.querySelector('[data-testid="rules-shown"]')?.textContent).toBe('1 rule shown');
    change('rules-search', 'no rule says this');
    expect(rules()).toEqual([]);
    expect(el.querySelector('[data-testid="rules-shown"]')?.textContent).toBe('No rule matches these filters.');
  });

  it('lowers a rule’s severity from the rules section', async () => {
    location.hash = '#rules';
    const el = await mount(<OptionsApp />);
    const select = el.querySelector(
      '[data-rule-id="legal.financial-guarantee"] [data-testid="rule-severity"]',
    ) as HTMLSelectElement;
    select.value = 'warn';
    act(() => {
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(await browser.storage.local.get('ruleOverrides')).toEqual({
      ruleOverrides: { 'legal.financial-guarantee': 'warn' },
    });
  });

  it('labels the trusted-key box', async () => {
    location.hash = '#packs';
    const el = await mount(<OptionsApp />);
    // Named by the label around it, the way every pasted key, request and code is.
    expect(el.querySelector('[data-testid="key-input"]')?.closest('label')?.textContent).toBe(
      'Public key (the JSON of NAME.pub.json)',
    );
  });
});

describe('the pages in Japanese', () => {
  beforeEach(inJapanese);

  it('speaks Japanese in the language tag, counts without plural forms, and translates the sections', async () => {
    expect(messagesLanguage()).toBe('ja');
    expect(tn('rulesCount', 1)).toBe('1 ルール');
    expect(tn('rulesCount', 2)).toBe('2 ルール');
    const el = await mount(<OptionsApp />);
    expect([...el.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual([
      'ルールセットと投稿者の立場',
      'ルール',
      'パックと配布',
      '監査ログ',
    ]);
  });

  it('shows the audit log’s decisions and platforms in Japanese', async () => {
    await fakeBrowser.storage.local.set({
      audit: [
        {
          time: '2026-12-01T10:00:00.000Z',
          platform: 'x',
          decision: 'stopped',
          ruleIds: ['a'],
          severities: ['block'],
          draftHash: '0'.repeat(64),
        },
        {
          time: '2026-12-01T11:00:00.000Z',
          platform: 'linkedin',
          decision: 'override',
          ruleIds: ['b'],
          severities: ['warn'],
          reason: '確認済み',
          draftHash: '1'.repeat(64),
        },
      ],
    });
    location.hash = '#audit';
    const el = await mount(<OptionsApp />);
    const rows = [...el.querySelectorAll('.audit tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].slice(1, 3).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['LinkedIn', '理由を付けて投稿'],
      ['X', '停止'],
    ]);
    expect(el.querySelector('[data-testid="audit-count"]')?.textContent).toBe('2 件中 2 件');
  });

  it('shows team states in the audit log in Japanese', async () => {
    await fakeBrowser.storage.local.set({ audit: TEAM_ENTRIES });
    location.hash = '#audit';
    const el = await mount(<OptionsApp />);
    const rows = [...el.querySelectorAll('[data-testid="audit-team-state"]')].map((row) =>
      [...row.querySelectorAll('td')].slice(1, 4).map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['すべてのプラットフォーム', 'チームの状態を拒否', '変更なし'],
      [
        'すべてのプラットフォーム',
        'チームの状態を適用',
        'ルールセット quiet-period: オフ → オン投稿者の立場: — → brand',
      ],
    ]);
  });
});

describe('the popup’s composers', () => {
  it('names each composer by what it is for and where it is among several', async () => {
    const findings = compilePacks([pack]).check('元本保証で必ず儲かる', { platform: 'x' });
    const answer: TabFindings = {
      platform: 'x',
      quietPeriod: false,
      composers: [
        { findings: [], postType: 'post' },
        { findings, postType: 'reply' },
      ],
    };
    browser.tabs.sendMessage = vi.fn(async () => answer) as never;
    const el = await mount(<PopupApp />);
    expect([...el.querySelectorAll('.composer > h2')].map((h) => h.textContent)).toEqual([
      'Post on X (1 of 2)',
      'Reply on X (2 of 2)',
    ]);
  });

  it('names a single composer without a position, in Japanese too', async () => {
    inJapanese();
    expect(composerName('comment', 'youtube', 0, 1)).toBe('YouTube のコメント');
    expect(composerName(undefined, 'reddit', 1, 3)).toBe('Reddit の下書き（3 件中 2 件目）');
  });
});
