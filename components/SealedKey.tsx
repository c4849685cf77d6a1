/**
 * A private key kept in the options page, sealed with its holder's passphrase (utils/sealed-key.ts):
 * a reviewer's, to sign approval codes, or the team's, to sign team states. The key file is pasted
 * once and kept only encrypted; it is opened with the passphrase at each signature.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  type KeySlot,
  MIN_PASSPHRASE,
  readSealedKey,
  type SealedKey,
  sealKey,
  writeSealedKey,
} from '../utils/sealed-key';
import { t } from './i18n';
import { PasteForm } from './PasteForm';

/** A passphrase box: a new one (with its minimum length said) or the one that opens a kept key. */
export function PassphraseField({
  testId,
  value,
  onInput,
  isNew,
}: {
  testId: string;
  value: string;
  onInput: (value: string) => void;
  isNew: boolean;
}) {
  return (
    <label>
      {isNew ? t('approvePassphrase', MIN_PASSPHRASE) : t('approvePassphraseOpen')}{' '}
      <input
        type="password"
        data-testid={testId}
        value={value}
        onInput={(event) => onInput((event.target as HTMLInputElement).value)}
      />
    </label>
  );
}

/** The sealed key of a slot, and how to keep or forget one. */
export function useSealedKey(slot: KeySlot) {
  const [sealed, setSealed] = useState<SealedKey>();
  useEffect(() => void readSealedKey(slot).then(setSealed), [slot]);
  return {
    sealed,
    keep: (next: SealedKey) => void writeSealedKey(slot, next).then(() => setSealed(next)),
    forget: () => void writeSealedKey(slot, undefined).then(() => setSealed(undefined)),
  };
}

/** Whose key is kept here, and how to forget it. */
export function KeyHolder({ text, onForget }: { text: string; onForget: () => void }) {
  return (
    <p>
      {text}{' '}
      <button type="button" onClick={onForget}>
        {t('approveForgetKey')}
      </button>
    </p>
  );
}

/** Paste a NAME.key.json from `preflight pack keygen` and a passphrase: the key is kept sealed. */
export function SealedKeyImport({ testIds, onSealed }: { testIds: string; onSealed: (sealed: SealedKey) => void }) {
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string>();
  const seal = async () => {
    try {
      const key = JSON.parse(file) as { keyId?: string; name?: string; publicKey?: string; secretKey?: string };
      if (!key.keyId || !key.publicKey || !key.secretKey) throw new Error(t('approveNotKeyFile'));
      onSealed(
        await sealKey(
          { keyId: key.keyId, name: key.name, publicKey: key.publicKey, secretKey: key.secretKey },
          passphrase,
        ),
      );
      setFile('');
      setPassphrase('');
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof SyntaxError ? t('approveNotKeyFile') : (error as Error).message);
    }
  };
  return (
    <PasteForm
      label={t('approveKeyFile')}
      testId={`${testIds}key-file`}
      value={file}
      onInput={setFile}
      action={{ label: t('approveKeySave'), testId: `${testIds}key-save` }}
      onAction={seal}
      problem={problem}
    >
      <PassphraseField testId={`${testIds}new-passphrase`} value={passphrase} onInput={setPassphrase} isNew />
    </PasteForm>
  );
}
