/**
 * Applying packs' hot fixes (`adapters` in a pack, rules/adapters-schema.ts) to a platform adapter:
 * per field, the pack's selectors go after the adapter's own (`add`) or instead of them (`replace`).
 * Packs apply in order, so a team pack can correct an organisation pack. A selector this browser
 * cannot use is dropped with a message; the adapter's own selectors are never lost to it.
 */
import type { AdapterPatch } from '../../../rules/adapters-schema';
import { type PlatformAdapter, type SubmitKey, submitKeysFor } from './types';

function usable(selectors: readonly string[] | undefined): string[] | undefined {
  if (!selectors) return undefined;
  const probe = document.createDocumentFragment();
  return selectors.filter((selector) => {
    try {
      probe.querySelector(selector);
      return true;
    } catch {
      console.error(`Preflight: a pack's adapter selector is not valid here and is skipped: ${selector}`);
      return false;
    }
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exact labels as an anchored pattern (the pack gives words, never a regular expression). */
export function labelsPattern(labels: readonly string[]): RegExp {
  return new RegExp(`^(?:${labels.map(escapeRegExp).join('|')})$`);
}

function merge(mode: AdapterPatch['mode'], own: string[], extra: string[] | undefined): string[] {
  if (!extra) return own;
  return mode === 'replace' ? extra : [...own, ...extra.filter((s) => !own.includes(s))];
}

function applyOne(adapter: PlatformAdapter, patch: AdapterPatch): PlatformAdapter {
  const { mode } = patch;
  const text = patch.publishText && labelsPattern(patch.publishText);
  const next: PlatformAdapter = {
    ...adapter,
    composers: merge(mode, adapter.composers, usable(patch.composers)),
    container: merge(mode, adapter.container, usable(patch.container)),
    shadowHosts: merge(mode, adapter.shadowHosts ?? [], usable(patch.shadowHosts)),
  };
  const publish = usable(patch.publish);
  if (mode === 'replace' && (publish || text)) {
    next.publish = publish ?? adapter.publish;
    next.publishText = text;
    next.extraPublish = [];
  } else if (publish) {
    // Added controls carry the pack's labels, or else the adapter's own.
    next.extraPublish = [...(adapter.extraPublish ?? []), { selectors: publish, text: text ?? adapter.publishText }];
  } else if (text) {
    const own = adapter.publishText;
    next.publishText = own ? new RegExp(`${own.source}|${text.source}`, own.flags) : adapter.publishText;
  }
  if (patch.replay) next.replay = patch.replay;
  const keys = patch.submitKeys;
  if (keys) {
    next.submitKeys =
      mode === 'replace'
        ? keys
        : (composer: Element): SubmitKey[] => [...new Set([...submitKeysFor(adapter, composer), ...keys])];
  }
  return next;
}

/** The adapter with every pack's patch for its platform applied, in pack order. */
export function patchAdapter(base: PlatformAdapter, patches: readonly AdapterPatch[]): PlatformAdapter {
  // Every field a patch may set is present, so assigning the result also clears an earlier patch's.
  const start: PlatformAdapter = {
    ...base,
    publishText: base.publishText,
    extraPublish: base.extraPublish ?? [],
    replay: base.replay,
  };
  return patches.reduce(applyOne, start);
}
