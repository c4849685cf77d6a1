/** Every set of every active pack, with its description, number of rules and a switch. */
import { localize } from '../rules/compile';
import type { Pack } from '../rules/schema';
import { isOn, type SetSwitches, setKey } from '../utils/settings';
import type { RuleOverride } from '../utils/storage';
import { Icon } from './Icon';
import { t, tn } from './i18n';
import { RuleList } from './RuleList';

export interface SetListProps {
  packs: readonly Pack[];
  switches: SetSwitches;
  /** Sets fixed by policy: shown as locks. */
  locked?: readonly string[];
  /** Single rules: the reviewer's overrides, those policy locks, and how to change one. */
  ruleOverrides?: Record<string, RuleOverride>;
  lockedRules?: readonly string[];
  onRuleOverride?: (ruleId: string, override: RuleOverride | undefined) => void;
  locale: string;
  /** The posting profile, whose switches show through where a reviewer set none. */
  profile?: string | undefined;
  onToggle: (key: string, on: boolean) => void;
}

/** "off by default", and for a set a draft's words turn on, the first of those words. */
function offByDefault(set: Pack['sets'][number]): string {
  const words = (set.activatedBy?.terms ?? []).flatMap((term) =>
    typeof term === 'string' ? [term] : 'term' in term ? [term.term] : [],
  );
  if (words.length === 0) return t('optionsDefaultOff');
  return t('optionsDefaultOffContext', `${words.slice(0, 6).join(', ')}${words.length > 6 ? ', …' : ''}`);
}

export function SetList({
  packs,
  switches,
  locked = [],
  ruleOverrides = {},
  lockedRules = [],
  onRuleOverride,
  locale,
  profile,
  onToggle,
}: SetListProps) {
  return (
    <div class="set-list">
      {packs.map((pack) => (
        <section key={pack.id} class="pack">
          <h3>
            {localize(pack.name, locale, pack.locales)} <small>{pack.version}</small>
          </h3>
          <ul>
            {pack.sets.map((set) => {
              const key = setKey(pack, set.id);
              const on = isOn(switches, pack, set.id, profile);
              const rules = pack.rules.filter((rule) => rule.set === set.id);
              const id = `set-${pack.id}-${set.id}`;
              const isLocked = locked.includes(key);
              // Every rule of a set policy keeps on is locked with it.
              const rulesLocked = isLocked && on ? rules.map((rule) => rule.id) : lockedRules;
              return (
                <li key={key} class="set" data-set={set.id}>
                  <label for={id}>
                    <input
                      id={id}
                      type="checkbox"
                      role="switch"
                      checked={on}
                      aria-checked={on}
                      disabled={isLocked}
                      onChange={(event) => onToggle(key, (event.target as HTMLInputElement).checked)}
                    />
                    <strong>{localize(set.title, locale, pack.locales)}</strong>
                  </label>{' '}
                  {isLocked && (
                    <span class="lock" data-testid="locked">
                      <Icon name="lock" /> {t('lockedByPolicy')}
                    </span>
                  )}{' '}
                  <small>
                    {tn('rulesCount', rules.length)}
                    {!set.enabled && ` · ${offByDefault(set)}`}
                  </small>
                  {set.description && <p>{localize(set.description, locale, pack.locales)}</p>}
                  {onRuleOverride && (
                    <RuleList
                      pack={pack}
                      rules={rules}
                      overrides={ruleOverrides}
                      locked={rulesLocked}
                      locale={locale}
                      onOverride={onRuleOverride}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
