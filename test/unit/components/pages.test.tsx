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
    expect(sets).toHaveLength(12);
    const claims = el.querySelector('[data-set="claims"]')!;
    expect(claims.textContent).toMatch(/6 rules/);
    expect(el.querySelector('[data-set="quiet-period"]')?.textContent).toContain('off by default');
    const toggle = claims.querySelector('input[role="switch"]') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    act(() => toggle.click());
    await settle();
    expect(await readSets()).toEqual({ 'preflight-default/claims': false });
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
