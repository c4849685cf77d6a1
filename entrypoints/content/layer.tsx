/**
 * Preflight's in-page layer, in its own shadow root: an indicator by each composer, boxes over
 * findings where the Highlight API cannot draw (textareas), and the gate's dialog. Positions follow
 * scrolling and resizing, read once per animation frame.
 */
import { type ComponentChildren, render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FindingList } from '../../components/FindingList';
import { GateDialog, trapTab } from '../../components/GateDialog';
import { Indicator } from '../../components/Indicator';
import { t } from '../../components/i18n';
import type { Finding } from '../../rules/schema';
import type { Composer } from './composer';
import type { EngineHost } from './engine';
import type { DialogResult } from './gate';
import { type Box, rangeBoxes, textareaBoxes } from './overlay';

interface DialogRequest {
  findings: Finding[];
  composers: Composer[];
  /** Opened from the indicator: a review, with nothing to post. */
  review: boolean;
  /** Preflight could not check and policy fails closed: no way on but to edit. */
  failure?: string | undefined;
  resolve: (result: DialogResult) => void;
}

export class Layer {
  private composers: Composer[] = [];
  private dialog: DialogRequest | undefined;
  private frame = 0;
  private readonly container: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly engine: EngineHost,
    private readonly useHighlightApi: boolean,
    signal: AbortSignal,
  ) {
    this.container = container;
    const reposition = () => this.update();
    window.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
    window.addEventListener('resize', reposition, { passive: true, signal });
    signal.addEventListener('abort', () => render(null, container));
  }

  setComposers(composers: Composer[]): void {
    this.composers = composers;
    this.update();
  }

  /** Redraw on the next frame (many changes in one frame cost one render). */
  update(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      render(<LayerView layer={this} />, this.container);
    });
  }

  openDialog(findings: Finding[], composers: Composer[], review = false, failure?: string): Promise<DialogResult> {
    return new Promise((resolve) => {
      this.dialog?.resolve({ action: 'edit' });
      this.dialog = {
        findings,
        composers,
        review,
        failure,
        resolve: (result) => {
          // Close the modal now, not at the next frame: while it is open the page is inert, and the
          // draft could not take focus (or the keys typed next) back.
          this.container.querySelector<HTMLDialogElement>('dialog.top-layer')?.close();
          this.dialog = undefined;
          this.update();
          resolve(result);
        },
      };
      this.update();
    });
  }

  view() {
    const composers = this.composers
      .filter((c) => c.element.isConnected)
      .map((composer) => ({ composer, rect: composer.element.getBoundingClientRect(), boxes: this.boxes(composer) }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0);
    return { composers, dialog: this.dialog, engine: this.engine };
  }

  private boxes(composer: Composer): { severity: Finding['severity']; box: Box }[] {
    const findings = composer.findings.filter((f) => f.end > f.start);
    if (findings.length === 0) return [];
    const element = composer.element;
    if (element instanceof HTMLTextAreaElement) {
      const boxes = textareaBoxes(element, findings, this.container);
      return findings.flatMap((f, i) => (boxes[i] ?? []).map((box) => ({ severity: f.severity, box })));
    }
    if (this.useHighlightApi || !composer.draft) return [];
    return findings.flatMap((f) => {
      const range = composer.draft?.range(f.start, f.end);
      return range ? rangeBoxes(range, element).map((box) => ({ severity: f.severity, box })) : [];
    });
  }
}

function LayerView({ layer }: { layer: Layer }) {
  const { composers, dialog, engine } = layer.view();
  const quiet = engine.quietPeriod;
  return (
    <div class="layer">
      {composers.map(({ composer, rect, boxes }) => (
        <div key={composer.id} data-composer={composer.id} data-platform={composer.adapter.id}>
          {boxes.map(({ severity, box }, i) => (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: boxes have no identity beyond their order.
              key={i}
              class={`box box-${severity}`}
              style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
            />
          ))}
          <div class="indicator-anchor" style={{ left: `${rect.right - 8}px`, top: `${rect.bottom - 8}px` }}>
            <Indicator
              findings={composer.findings}
              state={composer.state}
              error={composer.error}
              quietPeriod={quiet}
              profile={engine.profile?.title}
              onOpen={() => void layer.openDialog(composer.findings, [composer], true)}
            />
          </div>
        </div>
      ))}
      {dialog && <DialogView dialog={dialog} engine={engine} />}
    </div>
  );
}

function DialogView({ dialog, engine }: { dialog: DialogRequest; engine: EngineHost }) {
  // Remember what had focus, and give it back when the dialog closes.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => opener?.focus?.(), [opener]);
  const edit = () => dialog.resolve({ action: 'edit' });
  return (
    <TopLayer onCancel={edit}>
      {dialog.review ? (
        <ReviewDialog dialog={dialog} engine={engine} />
      ) : (
        <GateDialog
          findings={dialog.findings}
          manual={engine.manual}
          title={engine.title}
          allowOverride={!dialog.failure && (engine.state?.allowOverride ?? true)}
          onEdit={edit}
          onPostAnyway={(reason) => dialog.resolve({ action: 'override', reason })}
        />
      )}
    </TopLayer>
  );
}

/**
 * A site may hold its composer in a modal <dialog> (the top layer), which makes the rest of the page
 * inert: no z-index reaches above it. Preflight's own modal <dialog>, opened after the site's, is
 * above it and is the one that takes clicks and typing; the site's dialog is inert until it closes.
 */
function TopLayer({ onCancel, children }: { onCancel: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  // Before the dialog's own effects run, so the focus they set is not moved by showModal.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && !element.open) element.showModal();
    // In a frame, the dialog is centred in the frame: bring the whole frame into the page's view.
    window.frameElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="top-layer"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}

/** Opened from an indicator: what Preflight found so far, with the manual; nothing is posted. */
function ReviewDialog({ dialog, engine }: { dialog: DialogRequest; engine: EngineHost }) {
  const close = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => close.current?.focus({ preventScroll: true }), []);
  return (
    <div class="backdrop">
      <div
        ref={box}
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="preflight-review-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') dialog.resolve({ action: 'edit' });
          else if (box.current) trapTab(event, box.current);
        }}
      >
        <header class="dialog-header">
          <h2 id="preflight-review-title">{t('findingsTitle')}</h2>
        </header>
        <div class="dialog-body">
          {dialog.findings.length === 0 ? (
            <p>{t('indicatorClean')}</p>
          ) : (
            <FindingList findings={dialog.findings} manual={engine.manual} title={engine.title} />
          )}
        </div>
        <footer class="dialog-footer">
          <div class="actions">
            <button ref={close} type="button" class="edit" onClick={() => dialog.resolve({ action: 'edit' })}>
              {t('close')}
            </button>
          </div>
        </footer>
      </div>
    </div>
  );
}
