/**
 * The team state in the options page: follow its URL, see what it sets, who signed it and until
 * when, and why the last update was refused (the last good state stays). The lock note is shown
 * wherever a person's own switch gives way to it (the popup's quiet period).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send, type TeamLock } from '../utils/messages';
import { ask } from '../utils/requests';
import { storage } from '../utils/storage';
import { originPattern, urlProblem } from '../utils/subscriptions';
import { readTeamState, type TeamStateRecord } from '../utils/team-state';
import { t } from './i18n';

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
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string>();
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
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const issue = urlProblem(url.trim());
            setProblem(issue);
            if (issue) return;
            const refused = await onFollow(url.trim());
            setProblem(refused);
            if (!refused) setUrl('');
          }}
        >
          <label>
            {t('teamStateUrl')}{' '}
            <input
              type="url"
              data-testid="team-state-input"
              value={url}
              placeholder="https://packs.example.com/team-state.json"
              onInput={(event) => setUrl((event.target as HTMLInputElement).value)}
            />
          </label>{' '}
          <button type="submit" data-testid="team-state-follow">
            {t('teamStateFollow')}
          </button>
        </form>
      )}
      {problem && <p role="alert">{problem}</p>}
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
  const [team, setTeam] = useState<TeamLock>();
  const refresh = useCallback(() => {
    void readTeamState().then(setRecord);
    void send({ type: 'preflight:get-state' }).then((state) => setTeam(state.team));
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
        team={team}
        locale={locale}
        onFollow={async (url) => {
          // Asked first, in the person's click: a browser grants a site's access only then.
          const granted = await browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
          if (!granted) return t('subsPermissionRefused', new URL(url).origin);
          const result = await ask({ type: 'preflight:subscribe-team-state', url });
          refresh();
          return result.ok ? undefined : t('subsFailed', result.error);
        }}
        onRefresh={() => ask({ type: 'preflight:refresh-team-state' }).then(refresh)}
        onStop={() => void ask({ type: 'preflight:unsubscribe-team-state' }).then(refresh)}
      />
    </section>
  );
}
