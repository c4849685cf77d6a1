/** Pack subscriptions: add a URL, see when each was checked and why an update failed, check now. */
import type { Subscription } from '../utils/subscriptions';
import { t } from './i18n';
import { UrlForm } from './UrlForm';

export interface SubscriptionListProps {
  subscriptions: readonly Subscription[];
  locale: string;
  /** Subscribe (asking for the site's permission first); resolves to why it did not, if it did not. */
  onSubscribe: (url: string) => Promise<string | undefined>;
  onRefresh: () => Promise<unknown>;
  onRemove: (subscription: Subscription) => void;
}

export function SubscriptionList({ subscriptions, locale, onSubscribe, onRefresh, onRemove }: SubscriptionListProps) {
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  return (
    <div class="subscriptions">
      <UrlForm
        label={t('subsUrl')}
        placeholder="https://packs.example.com/team.json"
        submit={t('subsAdd')}
        testIds={{ input: 'subscription-url', submit: 'subscribe' }}
        onSubmit={onSubscribe}
      >
        {' '}
        <button type="button" data-testid="refresh" onClick={() => void onRefresh()}>
          {t('subsCheckNow')}
        </button>
      </UrlForm>
      <ul>
        {subscriptions.map((s) => (
          <li key={s.url} class="subscription" data-url={s.url}>
            <code>{s.url}</code> {s.version && <small>{t('subsVersion', s.version)}</small>}{' '}
            {s.lastChecked && <small>{t('subsChecked', when(s.lastChecked))}</small>}{' '}
            <button type="button" onClick={() => onRemove(s)}>
              {t('optionsRemove')}
            </button>
            {s.lastError && (
              <p class="subscription-error" data-testid="subscription-error">
                {t('subsError', when(s.lastError.time), s.lastError.message)}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
