import { uiLocale } from '../../components/i18n';
import type { AdapterPatch } from '../../rules/adapters-schema';
import { approvableRules } from '../../rules/approval';
import { type Checker, compileChecker, localize } from '../../rules/compile';
import { type ManualLookup, manualLookup, type TitleLookup, titleLookup } from '../../rules/manual';
import { listProfiles } from '../../rules/profiles';
import type { Finding, Pack, Platform, PostType, Severity } from '../../rules/schema';
import { type AuditContext, auditContext } from '../../utils/audit';
import { EVENT_LEXICON } from '../../utils/event-words';
import { type ActiveState, send } from '../../utils/messages';
import { QUIET_PERIOD } from '../../utils/settings';
import { storage } from '../../utils/storage';

export class EngineHost {
  private checker: Checker | undefined;
  private packs: Pack[] = [];
  private listeners = new Set<() => void>();
  state: ActiveState | undefined;
  private context: AuditContext | undefined;
  /** Goes up each time the packs are compiled anew. */
  generation = 0;
  error: string | undefined;
  readonly locale = uiLocale();

  /** Policy's failMode as last stored, for when the background cannot be reached at all. */
  private storedFailMode: 'open' | 'closed' | undefined;

  async load(): Promise<void> {
    void storage.lastPolicy
      .get()
      .then((policy) => {
        this.storedFailMode = policy.failMode ?? this.storedFailMode;
      })
      .catch(() => undefined);
    try {
      const state = await send({ type: 'preflight:get-state' });
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
    // Patterns come proved and prepared by the background, which admitted the packs.
    this.checker = compileChecker(state.packs, {
      patterns: (source) => state.patterns?.[source],
      sets: state.sets,
      profile: state.profile,
      lexicons: { [EVENT_LEXICON]: state.eventWords ?? [] },
      disabledRules: overrides.filter(([, o]) => o === 'off').map(([id]) => id),
      severities: Object.fromEntries(overrides.filter(([, o]) => o !== 'off')) as Record<string, Severity>,
      lockedRules: state.lockedRules,
      lockedSets: state.lockedSets,
      onRuleError: (ruleId, error) => console.error(`Preflight: rule ${ruleId} failed`, error),
    });
    this.context = auditContext(state);
    this.error = undefined;
    this.generation++;
    this.emit();
    // Build the automaton while the page is idle, so the first keystroke does not wait for it.
    const checker = this.checker;
    const prepare = () => {
      if (this.checker === checker) checker.prepare();
    };
    if (typeof requestIdleCallback === 'function') requestIdleCallback(prepare, { timeout: 2000 });
    else setTimeout(prepare, 0);
  }

  get ready(): boolean {
    return this.checker !== undefined;
  }

  /** What the gate does when Preflight cannot check: policy's choice, also when the packs never came. */
  get failMode(): 'open' | 'closed' {
    return this.state?.failMode ?? this.storedFailMode ?? 'open';
  }

  /** What every audit entry records: the packs, switches and profile in force now. */
  get auditContext(): AuditContext {
    return this.context ?? { packs: [], ruleChanges: [], setChanges: [] };
  }

  /** Settles once the packs are compiled or loading them has failed. */
  settled(): Promise<void> {
    if (this.ready || this.error) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onChange(() => {
        if (!this.ready && !this.error) return;
        off();
        resolve();
      });
    });
  }

  /** Whether the quiet-period set (the emergency flow's first step) is switched on. */
  get quietPeriod(): boolean {
    return this.checker?.rules.some((entry) => entry.rule.set === QUIET_PERIOD) ?? false;
  }

  /** The team state's message for every badge, with who signed it (undefined: no team state in force). */
  get teamNotice(): string | undefined {
    const team = this.state?.team;
    return team && (team.message ? `${team.message} — ${team.signer}` : team.signer);
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

  /** The active packs' hot fixes for a platform's adapter, in pack order. */
  adapterPatches(platform: Platform): AdapterPatch[] {
    return this.packs.flatMap((pack) => pack.adapters?.[platform] ?? []);
  }

  /** The rules of the packs in use that a reviewer's approval may release. */
  get approvable(): Set<string> {
    return approvableRules(this.packs);
  }

  get manual(): ManualLookup {
    return manualLookup(this.packs, this.locale);
  }

  get title(): TitleLookup {
    return titleLookup(this.packs, this.locale);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
