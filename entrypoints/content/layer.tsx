/**
 * Preflight's in-page layer, in its own shadow root: an indicator by each composer, boxes over
 * findings where the Highlight API cannot draw (textareas), and the gate's dialog. Positions follow
 * scrolling, resizing, focus and discovery's passes over a changed page, read once per animation frame
 * on each of those (never every frame).
 */
import { type ComponentChildren, render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApprovalPanel } from '../../components/ApprovalPanel';
import { FindingCard } from '../../components/FindingCard';
import { FindingList, mostSevere, sharingText } from '../../components/FindingList';
import { GateDialog, PressAgain, type PressAgainCause, trapTab } from '../../components/GateDialog';
import { Indicator } from '../../components/Indicator';
import { t } from '../../components/i18n';
import type { Finding } from '../../rules/schema';
import type { Composer } from './composer';
import { applyFix, type FixOutcome, selectSpan, spansAtCaret } from './editors/fix';
import type { EngineHost } from './engine';
import { primaryButton } from './fallback';
import type { DialogResult } from './gate';
import { type Box, rangeBoxes, textareaBoxes, visibleRect } from './overlay';
import { BADGE_ESTIMATE, badgePlace, isCovered, pinned } from './placement';
import { replayMode } from './platforms/types';

interface DialogRequest {
  findings: Finding[];
  composers: Composer[];
  /** Opened from the indicator: a review, with nothing to post. */
  review: boolean;
  /** Preflight could not check and policy fails closed: no way on but to edit. */
  failure?: string | undefined;
  /** Not the gate's findings but "press Post again" for a held press the gate let go (and why). */
  pressAgain?: PressAgainCause;
  resolve: (result: DialogResult) => void;
}

interface CardRequest {
  composer: Composer;
  finding: Finding;
  status?: string | undefined;
}

/** What the layer asks of the content script: recording an operator's "ignore once". */
export interface LayerActions {
  ignored(composer: Composer, finding: Finding, reason: string): void;
}

/** How often the layer looks whether a site's modal now covers a composer (or no longer does). */
const COVER_RECHECK_MS = 1000;

export class Layer {
  private composers: Composer[] = [];
  private dialog: DialogRequest | undefined;
  card: CardRequest | undefined;
  private frame = 0;
  /** Whether each composer was under a site's modal when the layer was last drawn. */
  private coveredWhenDrawn = new Map<Composer, boolean>();
  private readonly container: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly engine: EngineHost,
    private readonly useHighlightApi: boolean,
    signal: AbortSignal,
    private readonly actions?: LayerActions,
  ) {
    this.container = container;
    const reposition = () => this.update();
    window.addEventListener('scroll', reposition, { capture: true, passive: true, signal });
    window.addEventListener('resize', reposition, { passive: true, signal });
    // A site's modal opening or closing moves focus: look again at which composers are covered.
    window.addEventListener('focusin', reposition, { passive: true, signal });
    // One a site shows or hides with CSS alone (a class, no focus move, no scroll) is seen within a second.
    const coverWatch = window.setInterval(() => this.recheckCover(), COVER_RECHECK_MS);
    signal.addEventListener('abort', () => window.clearInterval(coverWatch));
    // A click on an underline, or Alt+Enter with the caret in one, opens its card.
    window.addEventListener('click', (event) => this.clicked(event), { capture: true, passive: true, signal });
    window.addEventListener('keydown', (event) => this.keyed(event), { capture: true, signal });
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
    return this.open({ findings, composers, review, failure });
  }

  /** "Press Post again": a press held while the packs loaded may go, by the operator's own next press. */
  async tellPressAgain(composers: Composer[], failure?: string): Promise<void> {
    const cause: PressAgainCause = failure === undefined ? { kind: 'held' } : { kind: 'unchecked', failure };
    await this.open({ findings: [], composers, review: false, pressAgain: cause });
  }

  private open(request: Omit<DialogRequest, 'resolve'>): Promise<DialogResult> {
    return new Promise((resolve) => {
      this.dialog?.resolve({ action: 'edit' });
      this.dialog = {
        ...request,
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

  private composerOf(event: Event): Composer | undefined {
    const path = event.composedPath();
    return this.composers.find((c) => c.element.isConnected && path.includes(c.element));
  }

  private clicked(event: MouseEvent): void {
    const composer = this.composerOf(event);
    if (!composer) return;
    // Several rules can underline the same words: the card opens with the most severe of them.
    const hit = mostSevere(
      composer.findings.filter((finding) =>
        this.findingBoxes(composer, finding).some(
          (box) =>
            event.clientX >= box.left &&
            event.clientX <= box.left + box.width &&
            event.clientY >= box.top - 2 &&
            event.clientY <= box.top + box.height + 2,
        ),
      ),
    );
    if (hit) this.openCard(composer, hit);
    else if (this.card) this.closeCard(false);
  }

  private keyed(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || !event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const composer = this.composerOf(event);
    const hit = composer && mostSevere(spansAtCaret(composer.element, composer.findings));
    if (!composer || !hit) return;
    event.preventDefault();
    event.stopPropagation();
    this.openCard(composer, hit);
  }

  openCard(composer: Composer, finding: Finding, status?: string): void {
    this.card = { composer, finding, status };
    this.update();
  }

  closeCard(refocus = true): void {
    const composer = this.card?.composer;
    this.card = undefined;
    this.update();
    if (refocus) composer?.element.focus({ preventScroll: true });
  }

  /** Show a finding in the text: select it in the editor, bring it into view, open its card. */
  jumpTo(composer: Composer, finding: Finding): void {
    selectSpan(composer.element, finding.start, finding.end);
    const range = composer.draft?.range(finding.start, finding.end);
    (range?.startContainer.parentElement ?? composer.element).scrollIntoView({ block: 'nearest' });
    this.openCard(composer, finding);
  }

  /** Apply one suggestion through the editor; a fix that does not take is undone and said. */
  async fix(composer: Composer, finding: Finding, suggestion: string): Promise<FixOutcome> {
    const expected = composer.draft?.text.slice(finding.start, finding.end) ?? finding.excerpt;
    const outcome = await applyFix(composer.element, { start: finding.start, end: finding.end, expected }, suggestion);
    composer.run();
    if (outcome === 'applied') {
      if (this.card?.finding === finding) this.card = undefined;
      this.update();
    } else if (this.card) {
      this.openCard(composer, finding, t(outcome === 'refused' ? 'fixUnavailable' : 'fixFailed'));
    }
    return outcome;
  }

  ignore(composer: Composer, finding: Finding, reason: string): void {
    if (!composer.ignore(finding)) return;
    this.actions?.ignored(composer, finding, reason);
    this.closeCard();
  }

  private findingBoxes(composer: Composer, finding: Finding): Box[] {
    const element = composer.element;
    if (element instanceof HTMLTextAreaElement) return textareaBoxes(element, [finding], this.container)[0] ?? [];
    const range = composer.draft?.range(finding.start, finding.end);
    return range ? rangeBoxes(range, element) : [];
  }

  view() {
    const ownHost = this.ownHost();
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    const composers = this.composers
      .filter((c) => c.element.isConnected)
      .map((composer) => ({ composer, rect: composer.element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ composer, rect }) => {
        // Under a site's modal or overlay: no badge and no boxes over that modal until it goes.
        const covered = this.covered(composer, ownHost);
        return {
          composer,
          covered,
          boxes: covered ? [] : this.boxes(composer),
          badge: this.badgePlace(composer, rect, viewport),
        };
      });
    this.coveredWhenDrawn = new Map(composers.map(({ composer, covered }) => [composer, covered]));
    const shown = new Set(composers.filter(({ covered }) => !covered).map(({ composer }) => composer));
    const card = this.card?.composer.element.isConnected && shown.has(this.card.composer) ? this.card : undefined;
    const anchor = card && this.findingBoxes(card.composer, card.finding)[0];
    return {
      composers,
      dialog: this.dialog,
      engine: this.engine,
      card: card && anchor ? { ...card, anchor } : undefined,
    };
  }

  /** Draw again if a composer's cover changed since it was drawn (cheap: a few hit tests per composer). */
  private recheckCover(): void {
    if (this.frame || document.visibilityState !== 'visible') return;
    const ownHost = this.ownHost();
    const changed = this.composers.some((composer) => {
      if (!composer.element.isConnected) return false;
      const rect = composer.element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      return this.coveredWhenDrawn.get(composer) !== this.covered(composer, ownHost);
    });
    if (changed) this.update();
  }

  private ownHost(): Element | null {
    const root = this.container.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  }

  private covered(composer: Composer, ownHost: Element | null): boolean {
    const element = composer.element;
    // Its placeholder and toolbar sit over it, in the wrapper around it: they are the composer's own.
    const wrapper = element.parentElement?.parentElement ?? element.parentElement;
    return isCovered(element, visibleRect(element), wrapper, ownHost);
  }

  private badgePlace(composer: Composer, rect: DOMRect, viewport: { width: number; height: number }) {
    const style = getComputedStyle(composer.element);
    const drawn = this.container
      .querySelector(`[data-composer="${composer.id}"] [data-preflight="badge"]`)
      ?.getBoundingClientRect();
    const badge = drawn && drawn.width > 0 ? { width: drawn.width, height: drawn.height } : BADGE_ESTIMATE;
    const place = badgePlace({
      composer: rect,
      insetTop: (Number.parseFloat(style.borderTopWidth) || 0) + (Number.parseFloat(style.paddingTop) || 0),
      badge,
      avoid: this.publishBoxes(composer),
      viewport,
    });
    return { where: place.where, ...pinned(place, badge.width) };
  }

  /** The publish controls in the composer's container: the badge never covers them. */
  private publishBoxes(composer: Composer): Box[] {
    const { adapter, element } = composer;
    const selectors = [...adapter.publish, ...(adapter.extraPublish ?? []).flatMap((extra) => extra.selectors)];
    const container = adapter.container.length > 0 ? element.closest(adapter.container.join(', ')) : null;
    if (!container || selectors.length === 0) return [];
    return [...container.querySelectorAll(selectors.join(', '))]
      .map((control) => control.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0);
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
  const { composers, dialog, engine, card } = layer.view();
  const quiet = engine.quietPeriod;
  return (
    <div class="layer">
      {composers.map(({ composer, covered, boxes, badge }) => (
        <div key={composer.id} data-composer={composer.id} data-platform={composer.adapter.id}>
          {boxes.map(({ severity, box }, i) => (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: boxes have no identity beyond their order.
              key={i}
              class={`box box-${severity}`}
              style={{ left: `${box.left}px`, top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` }}
            />
          ))}
          {/* At the top-right corner, outside the text and away from the publish controls. */}
          <div
            class="indicator-anchor"
            data-where={badge.where}
            // Kept in place but not drawn, read or clicked while covered: badges stay in composers' order.
            data-covered={covered ? '' : undefined}
            style={{
              left: `${badge.x}px`,
              top: `${badge.top}px`,
              transform: badge.fromRight ? 'translateX(-100%)' : undefined,
              visibility: covered ? 'hidden' : undefined,
            }}
          >
            <Indicator
              findings={composer.findings}
              state={composer.state}
              error={composer.error}
              quietPeriod={quiet}
              notice={engine.teamNotice}
              profile={engine.profile?.title}
              fallback={composer.fallback ? { gated: !!primaryButton(composer.element) } : undefined}
              onOpen={() => void layer.openDialog(composer.findings, [composer], true)}
            />
          </div>
        </div>
      ))}
      {card && !dialog && (
        <FindingCard
          key={`${card.composer.id}:${card.finding.ruleId}:${card.finding.start}:${card.status ?? ''}`}
          finding={card.finding}
          manual={engine.manual}
          title={engine.title}
          status={card.status}
          others={sharingText(card.composer.findings, card.finding)}
          onShow={(other) => layer.openCard(card.composer, other)}
          position={{
            left: Math.max(8, Math.min(card.anchor.left, window.innerWidth - 340)),
            top: card.anchor.top + card.anchor.height + 4,
          }}
          onApply={(suggestion) => void layer.fix(card.composer, card.finding, suggestion)}
          onIgnore={(reason) => layer.ignore(card.composer, card.finding, reason)}
          onClose={() => layer.closeCard()}
        />
      )}
      {dialog && <DialogView dialog={dialog} engine={engine} layer={layer} />}
    </div>
  );
}

function DialogView({ dialog, engine, layer }: { dialog: DialogRequest; engine: EngineHost; layer: Layer }) {
  // Focus goes back to what had it when the modal closes (the browser does that for <dialog>), at once:
  // nothing here moves it again a frame later, when the operator may already be typing elsewhere.
  const edit = () => dialog.resolve({ action: 'edit' });
  // Where the site ignores a press made by script, the way on is the operator's own next press:
  // the dialog says so before it closes (the gate arms the pass when it does).
  const [pressAgain, setPressAgain] = useState<DialogResult>();
  const adapter = dialog.composers[0]?.adapter;
  const proceed = (result: DialogResult) =>
    adapter && replayMode(adapter) === 'press-again' ? setPressAgain(result) : dialog.resolve(result);
  return (
    <TopLayer onCancel={() => (pressAgain ? dialog.resolve(pressAgain) : edit())}>
      {dialog.pressAgain ? (
        <PressAgain cause={dialog.pressAgain} onClose={edit} />
      ) : pressAgain ? (
        <PressAgain onClose={() => dialog.resolve(pressAgain)} />
      ) : dialog.review ? (
        <ReviewDialog dialog={dialog} engine={engine} layer={layer} />
      ) : (
        <GateDialog
          findings={dialog.findings}
          manual={engine.manual}
          title={engine.title}
          allowOverride={!dialog.failure && (engine.state?.allowOverride ?? true)}
          onEdit={edit}
          onPostAnyway={(reason) => proceed({ action: 'override', reason })}
          onApply={
            dialog.failure
              ? undefined
              : (fixes) => {
                  // Back to the draft, fixed: the operator sees the result and posts again.
                  dialog.resolve({ action: 'edit' });
                  void applyAll(layer, dialog.composers, fixes);
                }
          }
        >
          {!dialog.failure && dialog.composers[0] && (
            <ApprovalPanel
              findings={dialog.findings}
              draft={() => dialog.composers.map((c) => c.read()).join('\n')}
              platform={dialog.composers[0].adapter.id}
              profile={engine.profile?.id}
              reviewerKeys={engine.state?.reviewerKeys ?? []}
              approvable={(ruleId) => engine.approvable.has(ruleId)}
              onApproved={(approval) => proceed({ action: 'approved', approval })}
            />
          )}
        </GateDialog>
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
/** Fixes from the gate, last in the text first, so earlier offsets still hold. */
async function applyAll(layer: Layer, composers: Composer[], fixes: { finding: Finding; suggestion: string }[]) {
  const sorted = [...fixes].sort((a, b) => b.finding.start - a.finding.start);
  for (const { finding, suggestion } of sorted) {
    const composer = composers.find((c) => c.findings.includes(finding)) ?? composers[0];
    if (!composer) return;
    if ((await layer.fix(composer, finding, suggestion)) !== 'applied') {
      layer.openCard(composer, finding, t('fixFailed'));
      return;
    }
  }
}

function ReviewDialog({ dialog, engine, layer }: { dialog: DialogRequest; engine: EngineHost; layer: Layer }) {
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
            <FindingList
              findings={dialog.findings}
              manual={engine.manual}
              title={engine.title}
              onJump={(finding) => {
                const composer = dialog.composers[0];
                dialog.resolve({ action: 'edit' });
                if (composer) layer.jumpTo(composer, finding);
              }}
            />
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
