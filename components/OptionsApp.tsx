/**
 * The options page, in sections for reviewers first: rule sets and the posting profile, the rules
 * (found by words, set and severity), then the admins' packs, keys and subscriptions, and the audit log. Packs, keys and subscriptions change only in the background:
 * this page sends it requests and shows what storage then holds.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PublicKey } from '../rules/signature';
import type { AuditRecord } from '../utils/audit';
import { type ActiveState, send } from '../utils/messages';
import { readPacks, readTrustedKeys, type StoredPack } from '../utils/pack-store';
import { ask } from '../utils/requests';
import {
  readRuleOverrides,
  readSets,
  type SetSwitches,
  withPolicy,
  writeProfile,
  writeRuleOverride,
  writeSet,
} from '../utils/settings';
import { type RuleOverride, storage } from '../utils/storage';
import { readSubscriptions, type Subscription } from '../utils/subscriptions';
import { AuditLog } from './AuditLog';
import { type MessageKey, t, uiLocale } from './i18n';
import { PackList } from './PackList';
import { ProfilePicker } from './ProfilePicker';
import { ReviewerSection } from './Reviewers';
import { RulesSection } from './RulesSection';
import { SetList } from './SetList';
import { SubscriptionList } from './SubscriptionList';
import { TeamStateSection } from './TeamState';
import { TrustedKeys } from './TrustedKeys';
import { followWithAccess } from './UrlForm';

/** The page's sections, reviewers' first; each has its own address (options.html#rules). */
export const SECTIONS = ['sets', 'rules', 'packs', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];
const SECTION_TITLES: Record<Section, MessageKey> = {
  sets: 'sectionSets',
  rules: 'sectionRules',
  packs: 'sectionPacks',
  audit: 'sectionAudit',
};

const sectionOf = (hash: string): Section => SECTIONS.find((id) => `#${id}` === hash) ?? 'sets';

function SectionNav({ current }: { current: Section }) {
  return (
    <nav aria-label={t('optionsNavLabel')}>
      <ul>
        {SECTIONS.map((id) => (
          <li key={id}>
            <a href={`#${id}`} data-section={id} aria-current={id === current ? 'page' : undefined}>
              {t(SECTION_TITLES[id])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function OptionsApp() {
  const [section, setSection] = useState<Section>(() => sectionOf(location.hash));
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // A link in the navigation moves the reader to the section it opens, as a page load would.
    const onHash = () => {
      setSection(sectionOf(location.hash));
      mainRef.current?.focus();
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const [state, setState] = useState<ActiveState>();
  const [switches, setSwitches] = useState<SetSwitches>({});
  const [stored, setStored] = useState<StoredPack[]>([]);
  const [subscriptions, setSubscriptions] = useState<Subscription[]>([]);
  const [audit, setAudit] = useState<AuditRecord[]>([]);
  const [ruleOverrides, setRuleOverrides] = useState<Record<string, RuleOverride>>({});
  const [keys, setKeys] = useState<PublicKey[]>([]);
  const [policyKeys, setPolicyKeys] = useState<PublicKey[]>([]);
  // The setters are stable, so one refresh serves the whole life of the page.
  const refresh = useCallback(() => {
    void send({ type: 'preflight:get-state' }).then(setState);
    void readPacks().then(setStored);
    void readSubscriptions().then(setSubscriptions);
    void readTrustedKeys().then(setKeys);
    void storage.audit.get().then(setAudit);
  }, []);
  useEffect(() => {
    // Policy can arrive after the page opens (Chrome loads it late): show it when it does.
    // So do packs the background admits or switches off, and each subscription as its refresh ends.
    const watched = [
      storage.lastPolicy.key,
      storage.audit.key,
      storage.packs.key,
      storage.subscriptions.key,
      storage.trustedKeys.key,
      storage.profile.key,
    ];
    const onChanged = (changes: Record<string, unknown>) => {
      if (watched.some((key) => key in changes)) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    refresh();
    void readSets().then(setSwitches);
    void readRuleOverrides().then(setRuleOverrides);
    void storage.lastPolicy.get().then((policy) => setPolicyKeys(policy.trustedKeys ?? []));
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  const locale = uiLocale();
  // The built-in pack: every other active pack is in the store, with where it came from.
  const builtIn = state ? state.packs.filter((pack) => !stored.some((entry) => entry.pack.id === pack.id)) : [];
  return (
    <div class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <SectionNav current={section} />
      </header>
      <main ref={mainRef} tabIndex={-1} aria-labelledby={`heading-${section}`}>
        <h2 id={`heading-${section}`}>{t(SECTION_TITLES[section])}</h2>
        {section === 'sets' && (
          <>
            <p>{t('optionsSetsHelp')}</p>
            {state && (
              <ProfilePicker
                packs={state.packs}
                profile={state.profile}
                locked={state.profileLocked}
                locale={locale}
                onPick={(profile) => void writeProfile(profile)}
              />
            )}
            {state && (
              <SetList
                profile={state.profile}
                packs={state.packs}
                switches={withPolicy(switches, state)}
                locked={state.lockedSets}
                locale={locale}
                onToggle={(key, on) => void writeSet(key, on).then(setSwitches)}
              />
            )}
          </>
        )}
        {section === 'rules' && (
          <>
            <p>{t('rulesHelp')}</p>
            {state && (
              <RulesSection
                packs={state.packs}
                switches={withPolicy(switches, state)}
                profile={state.profile}
                lockedSets={state.lockedSets}
                lockedRules={state.lockedRules}
                overrides={ruleOverrides}
                locale={locale}
                onOverride={(id, override) => void writeRuleOverride(id, override).then(setRuleOverrides)}
              />
            )}
          </>
        )}
        {section === 'packs' && (
          <>
            <p>{t('optionsPacksHelp')}</p>
            {state && state.policyProblems.length > 0 && (
              <div class="import-failed" role="alert">
                {state.policyProblems.map((problem) => (
                  <p key={problem}>{problem}</p>
                ))}
              </div>
            )}
            {state && (
              <PackList
                builtIn={builtIn}
                stored={stored}
                locale={locale}
                onImport={async (text, name) => {
                  const result = await ask({ type: 'preflight:import-pack', text, name });
                  refresh();
                  return result;
                }}
                onRemove={(id) => void ask({ type: 'preflight:remove-pack', id }).then(refresh)}
              />
            )}
            <h3>{t('keysTitle')}</h3>
            <p>{t('keysHelp')}</p>
            <TrustedKeys
              keys={keys}
              policyKeys={policyKeys}
              onChange={(next) => {
                setKeys(next);
                void ask({ type: 'preflight:set-trusted-keys', keys: next }).then(refresh);
              }}
            />
            <h3>{t('subsTitle')}</h3>
            <p>{t('subsHelp')}</p>
            <SubscriptionList
              subscriptions={subscriptions}
              locale={locale}
              onSubscribe={(url) =>
                followWithAccess(url, () => ask({ type: 'preflight:subscribe', url })).finally(refresh)
              }
              onRefresh={() => ask({ type: 'preflight:refresh-subscriptions' }).then(refresh)}
              onRemove={(subscription) =>
                void ask({ type: 'preflight:unsubscribe', url: subscription.url }).then(refresh)
              }
            />
            <TeamStateSection locale={locale} />
            <ReviewerSection locale={locale} />
          </>
        )}
        {section === 'audit' && (
          <>
            <p>{t('auditHelp')}</p>
            <AuditLog entries={audit} locale={locale} />
          </>
        )}
      </main>
    </div>
  );
}
