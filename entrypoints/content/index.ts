/**
 * The content script: on a platform page it finds every composer, checks drafts as they are typed,
 * and gates the Post button. The gate's listeners go in at document_start, before the site's own.
 */
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { type AuditEntry, rulesOf } from '../../utils/audit';
import { sha256Hex } from '../../utils/hash';
import { send, type TabFindings } from '../../utils/messages';
import { storage } from '../../utils/storage';
import './layer.css';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Finding } from '../../rules/schema';
import { Composer, type ComposerHost } from './composer';
import { collectDiagnostics } from './diagnostics';
import { findComposers, findComposersInFrames, notEligible, watchComposers } from './discovery';
import { EngineHost } from './engine';
import { primaryButton } from './fallback';
import { Gate } from './gate';
import { HighlightRegistry, highlightsSupported } from './highlights';
import { Layer } from './layer';
import { ADAPTERS, adapterFor } from './platforms/index';
import { patchAdapter } from './platforms/patch';
import type { PlatformAdapter } from './platforms/types';

export default defineContentScript({
  matches: ADAPTERS.flatMap((adapter) => adapter.matches),
  runAt: 'document_start',
  // Composers in frames are gated too: same-origin iframes, and about:blank / srcdoc frames a page
  // writes its editor into (they take the origin of the page that made them).
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  cssInjectionMode: 'ui',
  main(ctx) {
    const url = pageUrl();
    if (!url) return;
    const adapter = adapterFor(url);
    if (adapter) {
      start(ctx, adapter);
      return;
    }
    // Mastodon instances the user enabled are registered at run time; everything else is in `matches`.
    void storage.mastodonHosts.get().then((hosts) => {
      const mastodon = adapterFor(url, hosts);
      if (mastodon) start(ctx, mastodon);
    });
  },
});

/** The page's address; for about:blank and srcdoc frames, the origin they inherit from their parent. */
function pageUrl(): URL | undefined {
  if (location.protocol === 'https:' || location.protocol === 'http:') return new URL(location.href);
  const origin = globalThis.origin;
  return origin && origin !== 'null' ? new URL(origin) : undefined;
}

/** Everything the content script does on a platform page; the gate goes in first. */
function start(ctx: ContentScriptContext, base: PlatformAdapter): void {
  // The adapter in use: the built-in one with the active packs' hot fixes, updated as packs change.
  const adapter: PlatformAdapter = { ...base };
  let rediscover: () => void = () => undefined;
  const lifetime = new AbortController();
  ctx.onInvalidated(() => lifetime.abort());
  const { signal } = lifetime;

  const engine = new EngineHost();
  const composers = new Map<HTMLElement, Composer>();
  let layer: Layer | undefined;
  let shadowHost: HTMLElement | undefined;
  let layerMounted: (layer: Layer) => void = () => undefined;
  const layerReady = new Promise<Layer>((resolve) => {
    layerMounted = resolve;
  });
  const host: ComposerHost = {
    engine,
    highlights: highlightsSupported() ? new HighlightRegistry() : undefined,
    changed: () => layer?.update(),
    signal,
  };
  // A frame of the page (allFrames) loads packs and draws only once it holds a composer.
  const topFrame = window === window.top;
  let loaded = false;
  const load = () => {
    loaded = true;
    void engine.load();
  };
  const publish = () => layer?.setComposers([...composers.values()]);
  const found = (element: HTMLElement, fallback = false) => {
    const known = composers.get(element);
    if (known?.fallback === fallback) return;
    // A hot fix can turn a fallback editor into a recognised composer.
    known?.dispose();
    composers.set(element, new Composer(element, adapter, host, fallback));
    if (!loaded) load();
    void mountLayer();
    publish();
  };

  const audit = (entry: AuditEntry) => {
    send({ type: 'preflight:audit', entry }).catch((error: unknown) => {
      console.error('Preflight: could not record the decision', error);
    });
  };
  /** An operator's "ignore once" from a card: the rule, the reason and the draft's hash, never the draft. */
  const ignored = (composer: Composer, finding: Finding, reason: string) => {
    const context = engine.auditContext;
    void sha256Hex(composer.read()).then((draftHash) =>
      audit({
        time: new Date().toISOString(),
        platform: adapter.id,
        decision: 'ignored',
        ...rulesOf([finding]),
        reason,
        draftHash,
        ...context,
      }),
    );
  };

  // Composers in this page's same-origin frames, checked here for a Post button of this page (the
  // frame's own content script draws their indicators and gates what is pressed inside the frame).
  const framed = new Map<HTMLElement, Composer>();
  const framedHost: ComposerHost = { engine, highlights: undefined, changed: () => undefined };
  const framedComposers = () => {
    const present = findComposersInFrames(adapter);
    for (const [element, composer] of framed) {
      if (present.has(element)) continue;
      composer.dispose();
      framed.delete(element);
    }
    for (const element of present) {
      if (!framed.has(element)) framed.set(element, new Composer(element, adapter, framedHost));
    }
    return [...framed.values()];
  };

  new Gate(
    {
      adapter,
      // A press can come before discovery's first pass (a draft prefilled at load): look now.
      composers: () => {
        for (const element of findComposers(adapter)) found(element);
        return [...composers.values()].filter((c) => c.element.isConnected && !c.fallback);
      },
      framedComposers,
      fallbackComposersFor: (control) =>
        [...composers.values()].filter(
          (c) => c.fallback && c.element.isConnected && primaryButton(c.element) === control,
        ),
      ready: () => engine.settled(),
      allowOverride: () => engine.state?.allowOverride ?? true,
      failMode: () => engine.failMode,
      isOwnUi: (target) => !!shadowHost && (target === shadowHost || shadowHost.contains(target as Node)),
      // The dialog waits for the layer when Post is pressed before the page has finished loading.
      openDialog: (findings, scope, failure) =>
        layerReady.then((mounted) => mounted.openDialog(findings, scope, false, failure)),
      tellPressAgain: (scope, failure) => layerReady.then((mounted) => mounted.tellPressAgain(scope, failure)),
      auditContext: () => engine.auditContext,
      audit,
    },
    signal,
  );

  engine.onChange(() => {
    Object.assign(adapter, patchAdapter(base, engine.adapterPatches(base.id)));
    rediscover();
    for (const composer of composers.values()) composer.schedule(0);
    layer?.update();
  });
  if (topFrame) load();
  // A reviewer's switch or a new pack applies to open composers at once, without a reload.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    const relevant = [
      storage.sets,
      storage.packs,
      storage.ruleOverrides,
      storage.lastPolicy,
      storage.profile,
      storage.eventWords,
      storage.teamState,
      storage.reviewerKeys,
    ];
    if (loaded && (area === 'managed' || (area === 'local' && relevant.some(({ key }) => key in changes)))) {
      void engine.load();
    }
  };
  browser.storage.onChanged.addListener(onStorage);
  // The popup asks what this tab's composers hold, or (Copy diagnostics) what the page's fields are.
  const onMessage = (message: unknown) => {
    const type = (message as { type?: string })?.type;
    if (type === 'preflight:diagnostics') {
      // The top frame answers for the whole page, its same-origin frames included.
      if (!topFrame) return undefined;
      const inFrames = findComposersInFrames(adapter);
      const recognised = (element: Element) => {
        const composer = composers.get(element as HTMLElement);
        if (composer) return composer.fallback ? ('fallback' as const) : ('composer' as const);
        return inFrames.has(element as HTMLElement) ? ('composer' as const) : undefined;
      };
      return Promise.resolve(collectDiagnostics(adapter, recognised, browser.runtime.getManifest().version));
    }
    if (type !== 'preflight:get-findings') return undefined;
    const live = [...composers.values()].filter((c) => c.element.isConnected);
    // Every frame hears the popup; the first answer wins, so a frame without a composer keeps quiet.
    if (!topFrame && live.length === 0) return undefined;
    const answer: TabFindings = {
      platform: adapter.id,
      quietPeriod: engine.quietPeriod,
      composers: live.map((composer) => ({
        findings: composer.checkNow(),
        recognised: !composer.fallback,
        postType: composer.postType,
      })),
    };
    return Promise.resolve(answer);
  };
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));

  let mounting: Promise<void> | undefined;
  const mountLayer = () => {
    mounting ??= mount();
    return mounting;
  };
  const mount = async () => {
    const ui = await createShadowRootUi(ctx, {
      name: 'preflight-layer',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      isolateEvents: true,
      onMount(container) {
        layer = new Layer(container, engine, !!host.highlights, signal, { ignored });
        layerMounted(layer);
        return layer;
      },
    });
    ui.mount();
    shadowHost = ui.shadowHost;
    Object.assign(shadowHost.style, {
      position: 'fixed',
      top: '0',
      left: '0',
      width: '0',
      height: '0',
      zIndex: '2147483647',
    });
    publish();
  };
  const discover = () => {
    if (topFrame) void mountLayer();
    rediscover = watchComposers(
      adapter,
      {
        found,
        pass(present) {
          let removed = false;
          for (const [element, composer] of composers) {
            // A composer hidden by a later step of its own dialog (Facebook Pages: Next → Post settings)
            // still holds the draft the final Post publishes: it stays until it leaves the page.
            if (element.isConnected && (present.has(element) || notEligible(element) === 'hidden')) continue;
            composer.dispose();
            composers.delete(element);
            removed = true;
          }
          if (removed) publish();
          // The page changed (a site's modal opened or closed): which composers are covered may have too.
          else layer?.update();
        },
      },
      signal,
    );
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', discover, { once: true });
  else discover();
}
