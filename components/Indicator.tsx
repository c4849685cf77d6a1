/** The small badge by each composer: how many findings and the worst severity; green when clean. */
import type { Finding } from '../rules/schema';
import { severityLabel, worstSeverity } from './FindingList';
import { Icon } from './Icon';
import { t } from './i18n';

export interface IndicatorProps {
  findings: readonly Finding[];
  state: 'ready' | 'loading' | 'error';
  error?: string | undefined;
  quietPeriod: boolean;
  /** The posting profile's title, shown when the packs define profiles. */
  profile?: string | undefined;
  /** Found by the generic fallback, not the platform's adapter; `gated`: its one send button is gated. */
  fallback?: { gated: boolean } | undefined;
  /** The team state's message and signer, shown on every badge while it is in force. */
  notice?: string | undefined;
  onOpen: () => void;
}

export function Indicator({ findings, state, error, quietPeriod, profile, fallback, notice, onOpen }: IndicatorProps) {
  const worst = worstSeverity(findings);
  const level = state === 'error' ? 'error' : state === 'loading' ? 'loading' : (worst ?? 'clean');
  const label =
    state === 'error'
      ? t('indicatorError', error ?? '')
      : state === 'loading'
        ? t('indicatorChecking')
        : worst
          ? t('indicatorFindings', findings.length, severityLabel(worst))
          : t('indicatorClean');
  const notes = [
    ...(fallback ? [t(fallback.gated ? 'indicatorFallbackGated' : 'indicatorFallback')] : []),
    ...(quietPeriod ? [t('quietPeriodOn')] : []),
    ...(profile ? [t('profileBadge', profile)] : []),
    ...(notice ? [t('teamStateBadge', notice)] : []),
  ];
  return (
    <button
      type="button"
      class={`indicator indicator-${level}`}
      data-preflight="badge"
      data-severity={level}
      data-count={findings.length}
      data-profile={profile}
      data-fallback={fallback ? (fallback.gated ? 'gated' : 'checked') : undefined}
      aria-label={[label, ...notes].join(' — ')}
      title={[label, ...notes].join('\n')}
      onClick={onOpen}
    >
      <span class="dot" aria-hidden="true" />
      {state === 'ready' && findings.length > 0 && <span class="count">{findings.length}</span>}
      {state === 'error' && <span class="count">!</span>}
      {fallback && <span class="fallback">{t('indicatorFallbackShort')}</span>}
      {/* Profile and quiet period as icons; their words are in the tooltip and for screen readers. */}
      {profile && (
        <span class="profile">
          <Icon name="profile" />
        </span>
      )}
      {quietPeriod && (
        <span class="quiet">
          <Icon name="quiet" />
          <span class="visually-hidden">{t('quietPeriodOn')}</span>
        </span>
      )}
      {notice && (
        <span class="team-notice" data-testid="team-notice">
          <Icon name="lock" /> {notice}
        </span>
      )}
    </button>
  );
}
