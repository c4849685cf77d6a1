/**
 * The dialog that stops a post: role="alertdialog", usable from the keyboard, focus kept inside
 * while it is open and given back to the composer when it closes. Its header and action bar stay in
 * view; the findings scroll between them. With a `block` finding the only way on is to edit (or to
 * fix); with warnings only, "Post anyway" opens once a reason is typed.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ManualLookup, TitleLookup } from '../rules/manual';
import type { Finding } from '../rules/schema';
import { FindingList } from './FindingList';
import { t } from './i18n';

export const MIN_REASON_LENGTH = 5;

export interface GateDialogProps {
  findings: readonly Finding[];
  manual: ManualLookup;
  title?: TitleLookup | undefined;
  /** Whether a warn-only post may go out with a reason (policy can turn it off). */
  allowOverride: boolean;
  onEdit: () => void;
  onPostAnyway: (reason: string) => void;
  /** Apply suggestions in the draft; the dialog offers them when given. */
  onApply?: ((fixes: { finding: Finding; suggestion: string }[]) => void) | undefined;
  /** More ways on, inside the dialog and its focus trap (the approval panel), below the findings. */
  children?: ComponentChildren;
}

const FOCUSABLE = 'button:not([disabled]), textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';

/** What Tab can reach: not what a closed <details> hides (its own summary stays reachable). */
export function tabbable(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => {
    for (
      let details = element.closest('details');
      details;
      details = details.parentElement?.closest('details') ?? null
    ) {
      const summary = details.querySelector(':scope > summary');
      if (!details.open && !(summary === element || summary?.contains(element))) return false;
    }
    return !element.closest('[hidden], [inert]');
  });
}

/** Keep Tab and Shift+Tab cycling through what is visible inside `container`. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = tabbable(container);
  if (items.length === 0) return;
  const root = container.getRootNode() as Document | ShadowRoot;
  const index = items.indexOf(root.activeElement as HTMLElement);
  const next = event.shiftKey
    ? index <= 0
      ? items.length - 1
      : index - 1
    : index === -1 || index === items.length - 1
      ? 0
      : index + 1;
  event.preventDefault();
  items[next]?.focus();
}

export function GateDialog({
  findings,
  manual,
  title,
  allowOverride,
  onEdit,
  onPostAnyway,
  onApply,
  children,
}: GateDialogProps) {
  const blocked = findings.some((f) => f.severity === 'block');
  const canOverride = !blocked && allowOverride;
  const [reason, setReason] = useState('');
  const dialog = useRef<HTMLDivElement>(null);
  const reasonOk = reason.trim().length >= MIN_REASON_LENGTH;
  const applyAll =
    onApply && findings.length > 0 && findings.every((f) => f.suggestions.length === 1)
      ? () => onApply(findings.map((finding) => ({ finding, suggestion: finding.suggestions[0] as string })))
      : undefined;

  useEffect(() => {
    const first = dialog.current?.querySelector<HTMLElement>(canOverride ? 'textarea' : 'button.edit');
    // The action bar is always in view: focus goes where the operator acts, the findings stay at their top.
    first?.focus({ preventScroll: true });
  }, [canOverride]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onEdit();
      return;
    }
    if (dialog.current) trapTab(event, dialog.current);
  };

  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class="dialog gate"
        data-preflight="gate"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="preflight-dialog-title"
        aria-describedby="preflight-dialog-intro"
        onKeyDown={onKeyDown}
      >
        <header class="dialog-header">
          <h2 id="preflight-dialog-title">{t(blocked ? 'dialogTitleBlock' : 'dialogTitleWarn')}</h2>
          <p id="preflight-dialog-intro">{t(blocked || !allowOverride ? 'dialogIntroBlock' : 'dialogIntroWarn')}</p>
        </header>
        <div class="dialog-body">
          <FindingList
            findings={findings}
            manual={manual}
            title={title}
            onApply={onApply && ((finding, suggestion) => onApply([{ finding, suggestion }]))}
          />
          {children}
        </div>
        <footer class="dialog-footer">
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
          <div class="actions">
            {applyAll && (
              <button type="button" class="apply-all" onClick={applyAll}>
                {t('applyAll')}
              </button>
            )}
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
        </footer>
      </div>
    </div>
  );
}

/**
 * What armed the pass: `chosen`, "Post anyway" or an approval; `held`, a press made while the packs
 * were loading that has now been checked; `unchecked`, such a press when Preflight could not check
 * it and policy lets it through (the reason is shown).
 */
export type PressAgainCause = { kind: 'chosen' } | { kind: 'held' } | { kind: 'unchecked'; failure: string };

function pressAgainText(cause: PressAgainCause): { title: string; body: string } {
  switch (cause.kind) {
    case 'chosen':
      return { title: t('pressAgainTitle'), body: t('pressAgainBody') };
    case 'held':
      return { title: t('pressAgainCheckedTitle'), body: t('pressAgainCheckedBody') };
    case 'unchecked':
      return { title: t('pressAgainUncheckedTitle'), body: t('pressAgainUncheckedBody', cause.failure) };
  }
}

/**
 * On a site that ignores a press made by script: the gate has armed a pass for this exact draft (after
 * "Post anyway", an approval, or a press held while the packs loaded), and the operator's own next
 * press of Post publishes it.
 */
export function PressAgain({ cause = { kind: 'chosen' }, onClose }: { cause?: PressAgainCause; onClose: () => void }) {
  const { title, body } = pressAgainText(cause);
  const ok = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => ok.current?.focus({ preventScroll: true }), []);
  return (
    <div class="backdrop">
      <div
        ref={dialog}
        class="dialog gate press-again"
        data-cause={cause.kind}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="preflight-press-again-title"
        aria-describedby="preflight-press-again-body"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          } else if (dialog.current) trapTab(event, dialog.current);
        }}
      >
        <header class="dialog-header">
          <h2 id="preflight-press-again-title">{title}</h2>
        </header>
        <div class="dialog-body">
          <p id="preflight-press-again-body">{body}</p>
        </div>
        <footer class="dialog-footer">
          <div class="actions">
            <button ref={ok} type="button" class="press-again-ok" onClick={onClose}>
              {t('pressAgainOk')}
            </button>
          </div>
        </footer>
      </div>
    </div>
  );
}
