/**
 * The popup: which pack is active, the quiet-period switch (a reviewer's two clicks in an emergency),
 * and what Preflight finds in the draft on the active tab.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { localize } from '../rules/compile';
import { manualLookup } from '../rules/manual';
import type { Finding, PostType } from '../rules/schema';
import { type ActiveState, send, sendToTab, type TabFindings } from '../utils/messages';
import { readPacks } from '../utils/pack-store';
import {
  isOn,
  QUIET_PERIOD,
  readSets,
  type SetSwitches,
  setKey,
  withPolicy,
  writeProfile,
  writeSet,
} from '../utils/settings';
import { storage } from '../utils/storage';
import { CopyDiagnostics } from './Diagnostics';
import { EventWords } from './EventWords';
import { FindingList } from './FindingList';
import { type MessageKey, platformName, t, tn, uiLocale } from './i18n';
import { ProfilePicker } from './ProfilePicker';
import { TeamLockNote } from './TeamState';

type TabState =
  | { kind: 'loading' }
  | { kind: 'not-covered'; origin?: string }
  | { kind: 'found'; findings: TabFindings; tabId: number };

async function activeTabFindings(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'not-covered' };
  // activeTab gives the popup the tab's address: an https page could be a Mastodon instance.
  const origin = tab.url?.startsWith('https://') ? new URL(tab.url).origin : undefined;
  try {
    const findings = await sendToTab(tab.id, { type: 'preflight:get-findings' });
    return findings ? { kind: 'found', findings, tabId: tab.id } : { kind: 'not-covered', origin };
  } catch {
    // No content script answers: not a platform Preflight covers (yet).
    return { kind: 'not-covered', origin };
  }
}

const COMPOSER_KIND: Record<PostType, MessageKey> = {
  post: 'composerPost',
  reply: 'composerReply',
  quote: 'composerQuote',
  comment: 'composerComment',
  title: 'composerTitle',
  description: 'composerDescription',
  caption: 'composerCaption',
  photo: 'composerPhoto',
};

/** "Reply on x (2 of 3)": what the composer is for, and which one when the page has several. */
export function composerName(postType: PostType | undefined, platform: string, index: number, total: number): string {
  const kind = t(postType ? COMPOSER_KIND[postType] : 'composerDraft');
  return total > 1
    ? t('popupComposerOf', kind, platformName(platform), index + 1, total)
    : t('popupComposer', kind, platformName(platform));
}

/** Asks for the host permission (it must happen in the click), then has the background register the script. */
function EnableHere({ origin }: { origin: string }) {
  const [enabled, setEnabled] = useState(false);
  if (enabled) return <p role="status">{t('popupEnabled')}</p>;
  return (
    <button
      type="button"
      data-testid="enable-here"
      onClick={async () => {
        const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
        if (!granted) return;
        const result = await send({ type: 'preflight:enable-mastodon', origin });
        setEnabled(result?.ok === true);
      }}
    >
      {t('popupEnableHere', new URL(origin).hostname)}
    </button>
  );
}

export function PopupApp() {
  const locale = uiLocale();
  const [state, setState] = useState<ActiveState>();
  const [switches, setSwitches] = useState<SetSwitches>({});
  const [tab, setTab] = useState<TabState>({ kind: 'loading' });
  // When each imported or subscribed pack was last updated (the built-in one changes with the extension).
  const [updated, setUpdated] = useState<Record<string, string>>({});

  useEffect(() => {
    const load = () => void send({ type: 'preflight:get-state' }).then(setState);
    const onChanged = (changes: Record<string, unknown>) => {
      if ([storage.lastPolicy, storage.profile, storage.teamState].some(({ key }) => key in changes)) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    load();
    void readSets().then(setSwitches);
    void activeTabFindings().then(setTab);
    void readPacks().then((packs) =>
      setUpdated(Object.fromEntries(packs.map((entry) => [entry.pack.id, entry.updated]))),
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const quietPacks = state?.packs.filter((pack) => pack.sets.some((set) => set.id === QUIET_PERIOD)) ?? [];
  const locked = state?.lockedSets ?? [];
  const effective = withPolicy(switches, state);
  const quietOn = quietPacks.some((pack) => isOn(effective, pack, QUIET_PERIOD, state?.profile));
  const quietLocked = quietPacks.some((pack) => locked.includes(setKey(pack, QUIET_PERIOD)));
  const manual = manualLookup(state?.packs ?? [], locale);

  return (
    <main class="popup">
      <header>
        <h1>Preflight</h1>
        {state?.packs.map((pack) => (
          <p key={pack.id} data-testid="active-pack">
            {t('popupActivePack')}: <strong>{localize(pack.name, locale, pack.locales)}</strong> {pack.version} (
            {tn('rulesCount', pack.rules.length)})
            {updated[pack.id] && (
              <small> · {t('optionsUpdated', new Date(updated[pack.id]!).toLocaleString(locale))}</small>
            )}
          </p>
        ))}
        {state && (
          <ProfilePicker
            packs={state.packs}
            profile={state.profile}
            locked={state.profileLocked}
            locale={locale}
            onPick={(profile) => void writeProfile(profile)}
          />
        )}
      </header>
      {quietPacks.length > 0 && (
        <section class={`quiet ${quietOn ? 'on' : ''}`}>
          <label>
            <input
              type="checkbox"
              role="switch"
              data-testid="quiet-period"
              checked={quietOn}
              aria-checked={quietOn}
              disabled={quietLocked}
              onChange={async (event) => {
                const on = (event.target as HTMLInputElement).checked;
                let next = switches;
                for (const pack of quietPacks) next = await writeSet(setKey(pack, QUIET_PERIOD), on);
                setSwitches(next);
              }}
            />
            <strong>{t('popupQuietPeriod')}</strong>
          </label>
          <p>{t('popupQuietPeriodHelp')}</p>
          {state?.team && <TeamLockNote team={state.team} locale={locale} />}
          <EventWords locale={locale} />
        </section>
      )}
      <section class="tab" data-testid="tab-findings" data-state={tab.kind}>
        {tab.kind === 'not-covered' && <p>{t('popupNotCovered')}</p>}
        {tab.kind === 'not-covered' && tab.origin && <EnableHere origin={tab.origin} />}
        {tab.kind === 'found' && tab.findings.composers.length === 0 && <p>{t('popupNoComposer')}</p>}
        {tab.kind === 'found' &&
          tab.findings.composers.map((composer, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: composers have no identity beyond their order on the page.
            <div key={index} class="composer">
              <h2>{composerName(composer.postType, tab.findings.platform, index, tab.findings.composers.length)}</h2>
              <p class="composer-kind" data-recognised={composer.recognised === false ? 'false' : 'true'}>
                {t(composer.recognised === false ? 'popupComposerFallback' : 'popupComposerRecognised')}
              </p>
              {composer.findings.length === 0 ? (
                <p>{t('popupClean')}</p>
              ) : (
                <FindingList findings={composer.findings as Finding[]} manual={manual} />
              )}
            </div>
          ))}
        {tab.kind === 'found' &&
          // No composer an adapter recognises: what a maintainer needs to see why, in view; else on request.
          (tab.findings.composers.some((composer) => composer.recognised !== false) ? (
            <details class="diagnostics-details">
              <summary>{t('popupDiagnosticsTitle')}</summary>
              <CopyDiagnostics tabId={tab.tabId} />
            </details>
          ) : (
            <CopyDiagnostics tabId={tab.tabId} />
          ))}
      </section>
      <footer>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </main>
  );
}
