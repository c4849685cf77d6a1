/** Who is posting (brand, creator, employee, a regulated firm): picked by a reviewer, or fixed by policy. */
import { localize } from '../rules/compile';
import { listProfiles, resolveProfile } from '../rules/profiles';
import type { Pack } from '../rules/schema';
import { Icon } from './Icon';
import { t } from './i18n';

export interface ProfilePickerProps {
  packs: readonly Pack[];
  /** The profile stored or forced; the packs' default when undefined. */
  profile: string | undefined;
  locked: boolean;
  locale: string;
  onPick: (profile: string) => void;
}

export function ProfilePicker({ packs, profile, locked, locale, onPick }: ProfilePickerProps) {
  const choices = listProfiles(packs);
  if (choices.length === 0) return null;
  const current = resolveProfile(packs, profile);
  const description = choices.find((choice) => choice.id === current)?.description;
  return (
    <div class="profile-picker">
      <label>
        {t('profileLabel')}{' '}
        <select
          data-testid="profile"
          value={current}
          disabled={locked}
          onChange={(event) => onPick((event.target as HTMLSelectElement).value)}
        >
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {localize(choice.title, locale, choice.locales)}
            </option>
          ))}
        </select>
      </label>{' '}
      {locked && (
        <span class="lock" data-testid="profile-locked">
          <Icon name="lock" /> {t('lockedByPolicy')}
        </span>
      )}
      {description && <p class="profile-description">{localize(description, locale)}</p>}
    </div>
  );
}
