/** The small badge by each composer: how many findings and the worst severity; green when clean. */
import type { Finding } from '../rules/schema';
import { severityLabel, worstSeverity } from './FindingList';
import { t } from './i18n';

export interface IndicatorProps {
  findings: readonly Finding[];
  state: 'ready' | 'loading' | 'error';
  error?: string | undefined;
  quietPeriod: boolean;
  onOpen: () => void;
}

export function Indicator({ findings, state, error, quietPeriod, onOpen }: IndicatorProps) {
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
  return (
    <button
      type="button"
      class={`indicator indicator-${level}`}
      data-severity={level}
      data-count={findings.length}
      aria-label={quietPeriod ? `${label} — ${t('quietPeriodOn')}` : label}
      title={quietPeriod ? `${label}\n${t('quietPeriodOn')}` : label}
      onClick={onOpen}
    >
      <span class="dot" aria-hidden="true" />
      {state === 'ready' && findings.length > 0 && <span class="count">{findings.length}</span>}
      {state === 'error' && <span class="count">!</span>}
      {quietPeriod && <span class="quiet">{t('quietPeriodOn')}</span>}
    </button>
  );
}
