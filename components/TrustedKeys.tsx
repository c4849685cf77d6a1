/** The public keys packs must be signed with: the admin's own here, and any that policy sets (locked). */
import { useState } from 'preact/hooks';
import type { PublicKey } from '../rules/signature';
import { Icon } from './Icon';
import { t } from './i18n';
import { PasteForm } from './PasteForm';

const KEY = /^[0-9a-f]{16}$/;

export function parsePublicKey(text: string): PublicKey | undefined {
  try {
    const value = JSON.parse(text) as Partial<PublicKey>;
    const bytes = value.publicKey ? atob(value.publicKey).length : 0;
    return KEY.test(value.keyId ?? '') && bytes === 32
      ? {
          keyId: value.keyId!,
          ...(typeof value.name === 'string' && value.name.length <= 100 ? { name: value.name } : {}),
          publicKey: value.publicKey!,
        }
      : undefined;
  } catch {
    return undefined;
  }
}

export interface TrustedKeysProps {
  /** Put before its test ids, when the page lists another set of keys with the same component (reviewers'). */
  testIds?: string;
  keys: readonly PublicKey[];
  policyKeys: readonly PublicKey[];
  onChange: (keys: PublicKey[]) => void;
}

export function TrustedKeys({ keys, policyKeys, onChange, testIds = '' }: TrustedKeysProps) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <div class="keys">
      <ul>
        {policyKeys.map((key) => (
          <li key={`policy-${key.keyId}`} data-key={key.keyId}>
            <code>{key.keyId}</code> <Icon name="lock" /> {t('lockedByPolicy')}
          </li>
        ))}
        {keys.map((key) => (
          <li key={key.keyId} data-key={key.keyId}>
            <code>{key.keyId}</code>{' '}
            <button type="button" onClick={() => onChange(keys.filter((k) => k.keyId !== key.keyId))}>
              {t('optionsRemove')}
            </button>
          </li>
        ))}
      </ul>
      <PasteForm
        label={t('keysInputLabel')}
        testId={`${testIds}key-input`}
        value={text}
        onInput={setText}
        action={{ label: t('keysAdd'), testId: `${testIds}key-add` }}
        onAction={() => {
          const key = parsePublicKey(text);
          setInvalid(!key);
          if (!key) return;
          onChange([...keys.filter((k) => k.keyId !== key.keyId), key]);
          setText('');
        }}
        problem={invalid ? t('keysInvalid') : undefined}
      />
      {policyKeys.length > 0 && keys.length > 0 && <p data-testid={`${testIds}keys-ignored`}>{t('keysIgnored')}</p>}
    </div>
  );
}
