/**
 * The rule engine inside the page: packs come from the background once, compile here, and every
 * check runs synchronously, so the gate can decide at the moment Post is pressed. Storage changes
 * (a reviewer's switch, a new pack) recompile it and re-check open composers without a reload.
 */
import { browser } from 'wxt/browser';
import { type ManualLookup, manualLookup } from '../../components/FindingList';
import { uiLocale } from '../../components/i18n';
import { type Checker, compilePacks, localize } from '../../rules/compile';
import { listProfiles } from '../../rules/profiles';
import type { Finding, Pack, Platform, PostType, Severity } from '../../rules/schema';
import { EVENT_LEXICON } from '../../utils/event-words';
import type { ActiveState } from '../../utils/messages';

export class EngineHost {
  private checker: Checker | undefined;
  private packs: Pack[] = [];
  private listeners = new Set<() => void>();
  state: ActiveState | undefined;
  /** Goes up each time the packs are compiled anew. */
  generation = 0;
  error: string | undefined;
  readonly locale = uiLocale();

  async load(): Promise<void> {
    try {
      const state = (await browser.runtime.sendMessage({ type: 'preflight:get-state' })) as ActiveState;
      this.apply(state);
    } catch (error) {
      this.error = (error as Error).message ?? String(error);
      console.error('Preflight: could not load the rule packs', error);
      this.emit();
    }
  }

  apply(state: ActiveState): void {
    this.state = state;
    this.packs = state.packs;
    const overrides = Object.entries(state.ruleOverrides ?? {});
    this.checker = compilePacks(state.packs, {
      sets: state.sets,
      profile: state.profile,
      lexicons: { [EVENT_LEXICON]: state.eventWords ?? [] },
      disabledRules: overrides.filter(([, o]) => o === 'off').map(([id]) => id),
      severities: Object.fromEntries(overrides.filter(([, o]) => o !== 'off')) as Record<string, Severity>,
      onRuleError: (ruleId, error) => console.error(`Preflight: rule ${ruleId} failed`, error),
    });
    this.error = undefined;
    this.generation++;
    this.emit();
  }

  get ready(): boolean {
    return this.checker !== undefined;
  }

  /** Whether the quiet-period set (the emergency flow's first step) is switched on. */
  get quietPeriod(): boolean {
    return this.checker?.rules.some((entry) => entry.rule.set === 'quiet-period') ?? false;
  }

  /** The posting profile in force and its title in the UI's language (undefined: the pack has none). */
  get profile(): { id: string; title: string } | undefined {
    const id = this.checker?.profile;
    const choice = id ? listProfiles(this.packs).find((profile) => profile.id === id) : undefined;
    return choice && { id: choice.id, title: localize(choice.title, this.locale, choice.locales) };
  }

  check(text: string, platform: Platform, postType: PostType | undefined): Finding[] {
    if (!this.checker) return [];
    return this.checker.check(text, { platform, postType, locale: this.locale });
  }

  get manual(): ManualLookup {
    return manualLookup(this.packs, this.locale);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
