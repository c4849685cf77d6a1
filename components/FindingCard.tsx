/**
 * The card an underline opens: severity (icon and word), a short title, the message once, one
 * button per suggestion, "Why?" with the rule's own manual paragraph, and "Ignore once" (with a
 * reason, for info and warn only: a block is never waved through from here). Other findings on the
 * same words are listed under the message, each a button to its own card.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ManualLookup, TitleLookup } from '../rules/manual';
import type { Finding } from '../rules/schema';
import { FindingMessage, FixButtons, findingTitle, SeverityTag } from './FindingList';
import { trapTab } from './GateDialog';
import { t } from './i18n';
import { Markdown } from './Markdown';

export const MIN_IGNORE_REASON_LENGTH = 5;

export interface FindingCardProps {
  finding: Finding;
  manual: ManualLookup;
  title?: TitleLookup | undefined;
  /** Where the card stands, in viewport pixels: below the underline. */
  position: { left: number; top: number };
  /** A line under the buttons, e.g. that a fix did not take. */
  status?: string | undefined;
  /** Other findings on the same words (`sharingText`): each opens its own card. */
  others?: readonly Finding[] | undefined;
  onShow?: ((finding: Finding) => void) | undefined;
  onApply: (suggestion: string) => void;
  onIgnore: (reason: string) => void;
  onClose: () => void;
}

export function FindingCard({
  finding,
  manual,
  title,
  position,
  status,
  others = [],
  onShow,
  onApply,
  onIgnore,
  onClose,
}: FindingCardProps) {
  const card = useRef<HTMLDivElement>(null);
  const [why, setWhy] = useState(false);
  const [ignoring, setIgnoring] = useState(false);
  const [reason, setReason] = useState('');
  const section = manual(finding.pack, finding.manual.id);
  const canIgnore = finding.severity !== 'block';
  const reasonOk = reason.trim().length >= MIN_IGNORE_REASON_LENGTH;

  // The layer keys the card by its finding, so a new finding is a new card, focused anew.
  useEffect(() => {
    card.current?.querySelector<HTMLElement>('.fix, .why')?.focus({ preventScroll: true });
  }, []);
  // "Ignore once" gives way to its form: focus goes to the reason, not to nowhere (Escape still closes).
  useEffect(() => {
    if (ignoring) card.current?.querySelector<HTMLElement>('.card-ignore textarea')?.focus({ preventScroll: true });
  }, [ignoring]);

  return (
    <div
      ref={card}
      class={`card card-${finding.severity}`}
      data-preflight="card"
      data-rule={finding.ruleId}
      data-severity={finding.severity}
      role="dialog"
      aria-labelledby="preflight-card-title"
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (card.current) trapTab(event, card.current);
      }}
    >
      <header class="card-header">
        <SeverityTag severity={finding.severity} />
        <strong id="preflight-card-title" class="card-title">
          {findingTitle(finding, title)}
        </strong>
        <button type="button" class="card-close" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
      </header>
      <FindingMessage finding={finding} />
      <FixButtons suggestions={finding.suggestions} onApply={onApply} />
      {onShow && others.length > 0 && (
        <div class="card-others" data-preflight="card-others">
          <span class="card-others-label">{t('cardAlsoHere', String(others.length))}</span>
          {others.map((other) => (
            <button
              type="button"
              class="card-other"
              data-rule={other.ruleId}
              key={`${other.ruleId}:${other.start}`}
              onClick={() => onShow(other)}
            >
              <SeverityTag severity={other.severity} /> {findingTitle(other, title)}
            </button>
          ))}
        </div>
      )}
      {status && (
        <p class="card-status" role="status">
          {status}
        </p>
      )}
      <div class="card-actions">
        <button type="button" class="why" aria-expanded={why} onClick={() => setWhy(!why)}>
          {t('why')}
        </button>
        {canIgnore && !ignoring && (
          <button type="button" class="ignore" onClick={() => setIgnoring(true)}>
            {t('ignoreOnce')}
          </button>
        )}
      </div>
      {why && (
        // It scrolls when long: focusable, so the keyboard can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus (WCAG 2.1.1).
        <section class="card-manual" tabIndex={0} aria-label={section?.title ?? finding.manual.title}>
          <h4>{section?.title ?? finding.manual.title}</h4>
          {section && <Markdown source={section.body} />}
        </section>
      )}
      {canIgnore && ignoring && (
        <form
          class="card-ignore"
          onSubmit={(event) => {
            event.preventDefault();
            if (reasonOk) onIgnore(reason.trim());
          }}
        >
          <label>
            {t('ignoreReasonLabel')}
            <textarea rows={2} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
          </label>
          <button type="submit" class="ignore-confirm" disabled={!reasonOk}>
            {t('ignoreOnce')}
          </button>
        </form>
      )}
    </div>
  );
}
