/**
 * Signing a team state in the options page, for whoever holds the team key there (kept sealed with
 * their passphrase, never in policy): quiet period and other sets on or off, the profile, event
 * words with their expiry, the badge message and an end date. The result is the very file
 * `preflight state set` writes (rules/team-state.ts builds and serialises both), to download or copy
 * and put behind the team state URL.
 */
import { useState } from 'preact/hooks';
import { localize } from '../rules/compile';
import { listProfiles } from '../rules/profiles';
import type { Pack } from '../rules/schema';
import { draftTeamState, EVENT_DAYS, signTeamState, teamStateFile } from '../rules/team-state';
import { openKey, type SealedKey } from '../utils/sealed-key';
import { QUIET_PERIOD } from '../utils/settings';
import { download } from './download';
import { t } from './i18n';
import { LabelledSelect } from './LabelledSelect';
import { PastedText } from './PasteForm';
import { KeyHolder, PassphraseField, SealedKeyImport, useSealedKey } from './SealedKey';

type Choice = '' | 'on' | 'off';

/** The sets the packs define, each id once (a bare id switches that set in every pack that has it). */
function setChoices(packs: readonly Pack[], locale: string): { id: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const pack of packs)
    for (const set of pack.sets)
      if (!seen.has(set.id)) seen.set(set.id, localize(set.title, locale, pack.locales) || set.id);
  return [...seen].map(([id, title]) => ({ id, title }));
}

function OnOff({
  id,
  label,
  value,
  onPick,
}: {
  id: string;
  label: string;
  value: Choice;
  onPick: (value: Choice) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select
        data-team-set={id}
        value={value}
        onChange={(event) => onPick((event.target as HTMLSelectElement).value as Choice)}
      >
        <option value="">{t('teamSignUnset')}</option>
        <option value="on">{t('teamSignOn')}</option>
        <option value="off">{t('teamSignOff')}</option>
      </select>
    </label>
  );
}

export function TeamStateSigner({ packs, locale }: { packs: readonly Pack[]; locale: string }) {
  const { sealed, keep, forget } = useSealedKey('team');
  return (
    <section class="team-sign" data-testid="team-sign-section">
      <h3>{t('teamSignTitle')}</h3>
      <p>{t('teamSignHelp')}</p>
      {sealed ? (
        <>
          <KeyHolder text={t('teamSignAs', sealed.name ?? sealed.keyId)} onForget={forget} />
          <SignForm sealed={sealed} packs={packs} locale={locale} />
        </>
      ) : (
        <SealedKeyImport testIds="team-" onSealed={keep} />
      )}
    </section>
  );
}

function SignForm({ sealed, packs, locale }: { sealed: SealedKey; packs: readonly Pack[]; locale: string }) {
  const [sets, setSets] = useState<Record<string, Choice>>({});
  const [profile, setProfile] = useState('');
  const [words, setWords] = useState('');
  const [days, setDays] = useState<number>(EVENT_DAYS.default);
  const [message, setMessage] = useState('');
  const [until, setUntil] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [signed, setSigned] = useState('');
  const [problem, setProblem] = useState<string>();
  const choices = setChoices(packs, locale);
  const profiles = listProfiles(packs);
  const pick = (id: string) => (value: Choice) => setSets({ ...sets, [id]: value });

  const sign = async () => {
    setSigned('');
    const draft = draftTeamState({
      sets: Object.fromEntries(
        Object.entries(sets)
          .filter(([, value]) => value !== '')
          .map(([id, value]) => [id, value === 'on']),
      ),
      profile: profile || undefined,
      eventWords: words
        .split('\n')
        .map((word) => word.trim())
        .filter(Boolean),
      eventDays: days,
      message: message.trim() || undefined,
      until: until || undefined,
    });
    if (!draft.ok) return setProblem(t('teamSignInvalid', draft.field, draft.error));
    try {
      const key = await openKey(sealed, passphrase);
      setSigned(teamStateFile(await signTeamState(draft.state, key)));
      setPassphrase('');
      setProblem(undefined);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <div class="team-sign-form">
      <OnOff
        id={QUIET_PERIOD}
        label={t('teamSignQuiet')}
        value={sets[QUIET_PERIOD] ?? ''}
        onPick={pick(QUIET_PERIOD)}
      />
      <fieldset>
        <legend>{t('teamSignSets')}</legend>
        {choices
          .filter((choice) => choice.id !== QUIET_PERIOD)
          .map((choice) => (
            <OnOff
              key={choice.id}
              id={choice.id}
              label={choice.title}
              value={sets[choice.id] ?? ''}
              onPick={pick(choice.id)}
            />
          ))}
      </fieldset>
      {profiles.length > 0 && (
        <LabelledSelect
          label={t('teamSignProfile')}
          testId="team-sign-profile"
          value={profile}
          empty={t('teamSignUnset')}
          choices={profiles.map((choice) => ({
            value: choice.id,
            label: localize(choice.title, locale, choice.locales),
          }))}
          onChange={setProfile}
        />
      )}
      <PastedText label={t('teamSignEventWords')} testId="team-sign-words" rows={2} value={words} onInput={setWords} />
      <label>
        {t('teamSignEventDays')}{' '}
        <input
          type="number"
          min={EVENT_DAYS.min}
          max={EVENT_DAYS.max}
          data-testid="team-sign-days"
          value={days}
          onInput={(event) => setDays(Number((event.target as HTMLInputElement).value))}
        />
      </label>
      <PastedText
        label={t('teamSignMessage')}
        testId="team-sign-message"
        rows={2}
        value={message}
        onInput={setMessage}
      />
      <label>
        {t('teamSignUntil')}{' '}
        <input
          type="date"
          data-testid="team-sign-until"
          value={until}
          onInput={(event) => setUntil((event.target as HTMLInputElement).value)}
        />
      </label>
      <PassphraseField testId="team-sign-passphrase" value={passphrase} onInput={setPassphrase} isNew={false} />{' '}
      <button type="button" data-testid="team-sign" disabled={!passphrase} onClick={() => void sign()}>
        {t('teamSignSign')}
      </button>
      {problem && (
        <p role="alert" data-testid="team-sign-error">
          {problem}
        </p>
      )}
      {signed && (
        <>
          <PastedText label={t('teamSignOutput')} testId="team-sign-output" rows={8} value={signed} />
          <button
            type="button"
            data-testid="team-sign-download"
            onClick={() => download('team-state.json', 'application/json', signed)}
          >
            {t('teamSignDownload')}
          </button>{' '}
          <button type="button" onClick={() => void navigator.clipboard?.writeText(signed).catch(() => undefined)}>
            {t('teamSignCopy')}
          </button>
        </>
      )}
    </div>
  );
}
