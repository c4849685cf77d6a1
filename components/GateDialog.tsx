/**
 * The dialog that stops a post: role="alertdialog", usable from the keyboard, focus kept inside
 * while it is open and given back to the composer when it closes. With a `block` finding the only
 * way on is to edit; with warnings only, "Post anyway" opens once a reason is typed.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../rules/schema';
import { FindingList, type ManualLookup } from './FindingList';
import { t } from './i18n';

export const MIN_REASON_LENGTH = 5;

export interface GateDialogProps {
  findings: readonly Finding[];
  manual: ManualLookup;
  /** Whether a warn-only post may go out with a reason (policy can turn it off). */
  allowOverride: boolean;
  onEdit: () => void;
  onPostAnyway: (reason: string) => void;
  /** More ways on, inside the dialog and its focus trap (the approval panel). */
  children?: ComponentChildren;
}

const FOCUSABLE = 'button:not([disabled]), textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';

export function GateDialog({ findings, manual, allowOverride, onEdit, onPostAnyway, children }: GateDialogProps) {
  const blocked = findings.some((f) => f.severity === 'block');
  const canOverride = !blocked && allowOverride;
  const [reason, setReason] = useState('');
  const dialog = useRef<HTMLDivElement>(null);
  const reasonOk = reason.trim().length >= MIN_REASON_LENGTH;

  useEffect(() => {
    const first = dialog.current?.querySelector<HTMLElement>(canOverride ? 'textarea' : 'button.edit');
    // The dialog opens at its top (the findings), with focus already where the operator acts.
    first?.focus({ preventScroll: true });
  }, [canOverride]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onEdit();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const root = dialog.current.getRootNode() as Document | ShadowRoot;
    const index = items.indexOf(root.activeElement as HTMLElement);
    const next = event.shiftKey
      ? index <= 0
        ? items.length - 1
        : index - 1
      : index === items.length - 1
        ? 0
        : index + 1;
    event.preventDefault();
    items[next]?.focus();
  };

  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="preflight-dialog-title"
        aria-describedby="preflight-dialog-intro"
        onKeyDown={onKeyDown}
      >
        <h2 id="preflight-dialog-title">{t(blocked ? 'dialogTitleBlock' : 'dialogTitleWarn')}</h2>
        <p id="preflight-dialog-intro">{t(blocked || !allowOverride ? 'dialogIntroBlock' : 'dialogIntroWarn')}</p>
        <FindingList findings={findings} manual={manual} />
        {canOverride && (
          <label class="reason">
            {t('reasonLabel')}
            <textarea
              value={reason}
              rows={2}
              onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)}
              aria-describedby="preflight-reason-hint"
            />
            <small id="preflight-reason-hint">{t('reasonHint', MIN_REASON_LENGTH)}</small>
          </label>
        )}
        {children}
        <div class="actions">
          <button type="button" class="edit" onClick={onEdit}>
            {t('editDraft')}
          </button>
          {canOverride && (
            <button
              type="button"
              class="post-anyway"
              disabled={!reasonOk}
              onClick={() => reasonOk && onPostAnyway(reason.trim())}
            >
              {t('postAnyway')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
