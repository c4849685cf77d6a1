// @vitest-environment happy-dom
/** The popup and the options page against WXT's fake browser: what they show and what they store. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPackFrom } from '../../../cli/pack-source';
import { OptionsApp } from '../../../components/OptionsApp';
import { PopupApp } from '../../../components/PopupApp';
import { compilePacks } from '../../../rules/index';
import type { ActiveState, TabFindings } from '../../../utils/messages';
import { readSets } from '../../../utils/settings';

const pack = loadPackFrom('rules/packs/default');
const state: ActiveState = {
  packs: [pack],
  sets: {},
  allowOverride: true,
  failMode: 'open',
  lockedSets: [],
  ruleOverrides: {},
  lockedRules: [],
  profile: undefined,
  profileLocked: false,
  eventWords: [],
  forcedPackIds: [],
  policyProblems: [],
};

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
    const findings = compilePacks([pack]).check('元本保証で必ず儲かる', { platform: 'x' });
    const answer: TabFindings = { platform: 'x', quietPeriod: false, composers: [{ findings }] };
    browser.tabs.sendMessage = vi.fn(async () => answer) as never;
    const el = await mount(<PopupApp />);
    expect(browser.tabs.sendMessage).toHaveBeenCalledWith(7, { type: 'preflight:get-findings' });
    expect(el.querySelector('[data-testid="tab-findings"]')?.getAttribute('data-state')).toBe('found');
    expect([...el.querySelectorAll('[data-rule]')].map((f) => f.getAttribute('data-rule'))).toContain(
      'legal.financial-guarantee',
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
