/** The options page: reviewers switch the rule sets of every active pack. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PublicKey } from '../rules/signature';
import type { AuditEntry } from '../utils/audit';
import { type ActiveState, type RuleOverride, STORAGE_KEYS } from '../utils/messages';
import {
  importPack,
  readPacks,
  readTrustedKeys,
  removePack,
  type StoredPack,
  writeTrustedKeys,
} from '../utils/pack-store';
import {
  readRuleOverrides,
  readSets,
  type SetSwitches,
  withPolicy,
  writeProfile,
  writeRuleOverride,
  writeSet,
} from '../utils/settings';
import { readSubscriptions, type Subscription, unsubscribe } from '../utils/subscriptions';
import { AuditLog } from './AuditLog';
import { t, uiLocale } from './i18n';
import { PackList } from './PackList';
import { ProfilePicker } from './ProfilePicker';
import { SetList } from './SetList';
import { SubscriptionList } from './SubscriptionList';
import { TrustedKeys } from './TrustedKeys';

export function OptionsApp() {
  const [state, setState] = useState<ActiveState>();
  const [switches, setSwitches] = useState<SetSwitches>({});
  const [stored, setStored] = useState<StoredPack[]>([]);
  const [subscriptions, setSubscriptions] = useState<Subscription[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [ruleOverrides, setRuleOverrides] = useState<Record<string, RuleOverride>>({});
  const [keys, setKeys] = useState<PublicKey[]>([]);
  const [policyKeys, setPolicyKeys] = useState<PublicKey[]>([]);
  // The setters are stable, so one refresh serves the whole life of the page.
  const refresh = useCallback(() => {
    void browser.runtime.sendMessage({ type: 'preflight:get-state' }).then((s) => setState(s as ActiveState));
    void readPacks().then(setStored);
    void readSubscriptions().then(setSubscriptions);
    void browser.storage.local
      .get(STORAGE_KEYS.audit)
      .then((s) => setAudit((s[STORAGE_KEYS.audit] ?? []) as AuditEntry[]));
  }, []);
  useEffect(() => {
    // Policy can arrive after the page opens (Chrome loads it late): show it when it does.
    const onChanged = (changes: Record<string, unknown>) => {
      if ([STORAGE_KEYS.lastPolicy, STORAGE_KEYS.audit, STORAGE_KEYS.profile].some((key) => key in changes)) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    refresh();
    void readSets().then(setSwitches);
    void readRuleOverrides().then(setRuleOverrides);
    void readTrustedKeys().then(setKeys);
    void browser.storage.local
      .get(STORAGE_KEYS.lastPolicy)
      .then((s) =>
        setPolicyKeys(((s[STORAGE_KEYS.lastPolicy] ?? {}) as { trustedKeys?: PublicKey[] }).trustedKeys ?? []),
      );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  const locale = uiLocale();
  const builtIn = state ? state.packs.filter((pack) => !stored.some((entry) => entry.pack.id === pack.id)) : [];
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('optionsPacks')}</h2>
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
          forced={state.forcedPackIds}
          stored={stored}
          locale={locale}
          onImport={async (text, name) => {
            const result = await importPack(text, name, 'file', builtIn);
            refresh();
            return result;
          }}
          onRemove={(id) => void removePack(id).then(refresh)}
        />
      )}
      <h3>{t('keysTitle')}</h3>
      <p>{t('keysHelp')}</p>
      <TrustedKeys
        keys={keys}
        policyKeys={policyKeys}
        onChange={(next) => {
          setKeys(next);
          void writeTrustedKeys(next);
        }}
      />
      <h3>{t('subsTitle')}</h3>
      <p>{t('subsHelp')}</p>
      <SubscriptionList
        subscriptions={subscriptions}
        locale={locale}
        onSubscribe={(url) => browser.runtime.sendMessage({ type: 'preflight:subscribe', url }).then(refresh)}
        onRefresh={() => browser.runtime.sendMessage({ type: 'preflight:refresh-subscriptions' }).then(refresh)}
        onRemove={(subscription) => {
          void unsubscribe(subscription.url)
            .then(() => (subscription.packId ? removePack(subscription.packId) : undefined))
            .then(refresh);
        }}
      />
      <h2>{t('optionsSets')}</h2>
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
          ruleOverrides={ruleOverrides}
          lockedRules={state.lockedRules}
          onRuleOverride={(id, override) => void writeRuleOverride(id, override).then(setRuleOverrides)}
          locale={locale}
          onToggle={(key, on) => void writeSet(key, on).then(setSwitches)}
        />
      )}
      <h2>{t('auditTitle')}</h2>
      <p>{t('auditHelp')}</p>
      <AuditLog entries={audit} locale={locale} />
    </main>
  );
}
