/** The options page: reviewers switch the rule sets of every active pack. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ActiveState } from '../utils/messages';
import { readSets, type SetSwitches, writeSet } from '../utils/settings';
import { t, uiLocale } from './i18n';
import { SetList } from './SetList';

export function OptionsApp() {
  const [state, setState] = useState<ActiveState>();
  const [switches, setSwitches] = useState<SetSwitches>({});
  useEffect(() => {
    void browser.runtime.sendMessage({ type: 'preflight:get-state' }).then((s) => setState(s as ActiveState));
    void readSets().then(setSwitches);
  }, []);
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <h2>{t('optionsSets')}</h2>
      <p>{t('optionsSetsHelp')}</p>
      {state && (
        <SetList
          packs={state.packs}
          switches={switches}
          locale={uiLocale()}
          onToggle={(key, on) => void writeSet(key, on).then(setSwitches)}
        />
      )}
    </main>
  );
}
