/**
 * The team state in the options page: follow its URL, see what it sets, who signed it and until
 * when, and why the last update was refused (the last good state stays). The lock note is shown
 * wherever a person's own switch gives way to it (the popup's quiet period).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type ActiveState, send, type TeamLock } from '../utils/messages';
import { ask } from '../utils/requests';
import { storage } from '../utils/storage';
import { readTeamState, type TeamStateRecord } from '../utils/team-state';
import { t } from './i18n';
import { TeamStateSigner } from './TeamStateSigner';
import { followWithAccess, UrlForm } from './UrlForm';

export function TeamLockNote({ team, locale }: { team: TeamLock; locale: string }) {
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <div class="team-lock" data-testid="team-lock" data-signer={team.signer}>
      <p>{t('teamStateLock', team.signer, when(team.issued))}</p>
      {team.message && (
        <p class="team-message" data-testid="team-message">
          {team.message}
        </p>
      )}
      {team.until && <p>{t('teamStateUntil', when(team.until))}</p>}
    </div>
  );
}

export interface TeamStateProps {
  record: TeamStateRecord;
  team: TeamLock | undefined;
  locale: string;
  /** Follow a URL (asking for the site's permission first); resolves to why it did not, if it did not. */
  onFollow: (url: string) => Promise<string | undefined>;
  onRefresh: () => Promise<unknown>;
  onStop: () => void;
}

export function TeamState({ record, team, locale, onFollow, onRefresh, onStop }: TeamStateProps) {
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const switches = Object.entries(record.current?.state.sets ?? {})
    .map(([key, on]) => `${key}=${on ? 'on' : 'off'}`)
    .join(', ');
  return (
    <div class="team-state" data-testid="team-state">
      {record.url ? (
        <p>
          <code data-testid="team-state-url">{record.url}</code>{' '}
          {record.lastChecked && <small>{t('subsChecked', when(record.lastChecked))}</small>}{' '}
          <button type="button" data-testid="team-state-refresh" onClick={() => void onRefresh()}>
            {t('subsCheckNow')}
          </button>{' '}
          <button type="button" onClick={onStop}>
            {t('teamStateStop')}
          </button>
        </p>
      ) : (
        <UrlForm
          label={t('teamStateUrl')}
          placeholder="https://packs.example.com/team-state.json"
          submit={t('teamStateFollow')}
          testIds={{ input: 'team-state-input', submit: 'team-state-follow' }}
          onSubmit={onFollow}
        />
      )}
      {team ? (
        <>
          <TeamLockNote team={team} locale={locale} />
          {switches && <p>{t('teamStateSwitches', switches)}</p>}
        </>
      ) : (
        <p data-testid="team-state-none">{t('teamStateNone')}</p>
      )}
      {record.lastError && (
        <p class="subscription-error" role="alert" data-testid="team-state-error">
          {t('teamStateError', when(record.lastError.time), record.lastError.message)}
        </p>
      )}
    </div>
  );
}

/** The options page's team state section: it reads what it shows and asks the background for changes. */
export function TeamStateSection({ locale }: { locale: string }) {
  const [record, setRecord] = useState<TeamStateRecord>({});
  const [state, setState] = useState<ActiveState>();
  const refresh = useCallback(() => {
    void readTeamState().then(setRecord);
    void send({ type: 'preflight:get-state' }).then(setState);
  }, []);
  useEffect(() => {
    const onChanged = (changes: Record<string, unknown>) => {
      if (storage.teamState.key in changes || storage.lastPolicy.key in changes) refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    refresh();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [refresh]);
  return (
    <section class="team-state-section">
      <h3>{t('teamStateTitle')}</h3>
      <p>{t('teamStateHelp')}</p>
      <TeamState
        record={record}
        team={state?.team}
        locale={locale}
        onFollow={(url) =>
          followWithAccess(url, () => ask({ type: 'preflight:subscribe-team-state', url })).finally(refresh)
        }
        onRefresh={() => ask({ type: 'preflight:refresh-team-state' }).then(refresh)}
        onStop={() => void ask({ type: 'preflight:unsubscribe-team-state' }).then(refresh)}
      />
      {state && <TeamStateSigner packs={state.packs} locale={locale} />}
    </section>
  );
}
