/**
 * The options page's reviewer section: the reviewers' public keys (policy's, locked, or this
 * page's), the reviewer's own private key kept sealed with a passphrase, and "Approve": a pasted
 * request is checked again with the packs in use here, shown with its findings, and approved with a
 * note and an expiry; the approval code is shown to copy back to the operator.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { approvableRules, decodeRequest, encodeApproval, signApproval } from '../rules/approval';
import { compilePacks } from '../rules/compile-packs';
import type { Finding } from '../rules/schema';
import type { PublicKey } from '../rules/signature';
import { sha256Hex } from '../utils/hash';
import { type ActiveState, STORAGE_KEYS } from '../utils/messages';
import { MIN_PASSPHRASE, openKey, readSealedKey, type SealedKey, sealKey, writeSealedKey } from '../utils/sealed-key';
import { FindingList, manualLookup } from './FindingList';
import { t } from './i18n';
import { TrustedKeys } from './TrustedKeys';

export function ReviewerSection({ locale }: { locale: string }) {
  const [keys, setKeys] = useState<PublicKey[]>([]);
  const [policyKeys, setPolicyKeys] = useState<PublicKey[]>([]);
  const [sealed, setSealed] = useState<SealedKey>();
  const [state, setState] = useState<ActiveState>();
  useEffect(() => {
    void browser.storage.local.get([STORAGE_KEYS.reviewerKeys, STORAGE_KEYS.lastPolicy]).then((stored) => {
      setKeys((stored[STORAGE_KEYS.reviewerKeys] ?? []) as PublicKey[]);
      setPolicyKeys(((stored[STORAGE_KEYS.lastPolicy] ?? {}) as { reviewerKeys?: PublicKey[] }).reviewerKeys ?? []);
    });
    void readSealedKey().then(setSealed);
    void browser.runtime.sendMessage({ type: 'preflight:get-state' }).then((s) => setState(s as ActiveState));
  }, []);
  return (
    <section class="reviewers" data-testid="reviewers">
      <h3>{t('reviewerKeysTitle')}</h3>
      <p>{t('reviewerKeysHelp')}</p>
      <TrustedKeys
        testIds="reviewer-"
        keys={keys}
        policyKeys={policyKeys}
        onChange={(next) => {
          setKeys(next);
          void browser.storage.local.set({ [STORAGE_KEYS.reviewerKeys]: next });
        }}
      />
      <h3>{t('approveTitle')}</h3>
      {sealed ? (
        <Approve
          sealed={sealed}
          state={state}
          locale={locale}
          onForget={() => void writeSealedKey(undefined).then(() => setSealed(undefined))}
        />
      ) : (
        <KeyImport onSealed={(next) => void writeSealedKey(next).then(() => setSealed(next))} />
      )}
    </section>
  );
}

function KeyImport({ onSealed }: { onSealed: (sealed: SealedKey) => void }) {
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string>();
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
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
        } catch (error) {
          setProblem((error as Error).message);
        }
      }}
    >
      <label>
        {t('approveKeyFile')}
        <textarea
          rows={3}
          data-testid="reviewer-key-file"
          value={file}
          onInput={(e) => setFile((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <label>
        {t('approvePassphrase', MIN_PASSPHRASE)}{' '}
        <input
          type="password"
          data-testid="reviewer-new-passphrase"
          value={passphrase}
          onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
        />
      </label>{' '}
      <button type="submit" data-testid="reviewer-key-save">
        {t('approveKeySave')}
      </button>
      {problem && <p role="alert">{problem}</p>}
    </form>
  );
}

interface Checked {
  draft: string;
  draftHash: string;
  findings: Finding[];
  rules: string[];
  refused: string[];
}

function Approve({
  sealed,
  state,
  locale,
  onForget,
}: {
  sealed: SealedKey;
  state: ActiveState | undefined;
  locale: string;
  onForget: () => void;
}) {
  const [request, setRequest] = useState('');
  const [checked, setChecked] = useState<Checked>();
  const [note, setNote] = useState('');
  const [hours, setHours] = useState(24);
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const packs = state?.packs ?? [];
  const check = async () => {
    setCode('');
    setChecked(undefined);
    const decoded = decodeRequest(request);
    if (!decoded.ok) return setProblem(decoded.error);
    const { request: asked } = decoded;
    if ((await sha256Hex(asked.draft)) !== asked.draftHash) return setProblem(t('approveChangedRequest'));
    // Checked again with the packs in use here: the reviewer's own, not the operator's word for it.
    const findings = compilePacks(packs, { sets: state?.sets, profile: asked.profile }).check(asked.draft, {
      platform: asked.platform,
      locale,
    });
    const rules = [
      ...new Set([...findings, ...asked.findings].filter((f) => f.severity === 'block').map((f) => f.ruleId)),
    ];
    const approvable = approvableRules(packs);
    setProblem(undefined);
    setChecked({
      draft: asked.draft,
      draftHash: asked.draftHash,
      findings,
      rules,
      refused: rules.filter((r) => !approvable.has(r)),
    });
  };
  const approve = async () => {
    if (!checked) return;
    try {
      const key = await openKey(sealed, passphrase);
      const expires = new Date(Date.now() + hours * 3_600_000).toISOString();
      setCode(
        encodeApproval(
          await signApproval({ draftHash: checked.draftHash, rules: checked.rules, expires, note: note.trim() }, key),
        ),
      );
      setPassphrase('');
      setProblem(undefined);
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <div class="approve" data-testid="approve">
      <p>
        {t('approveAs', sealed.name ?? sealed.keyId)}{' '}
        <button type="button" onClick={onForget}>
          {t('approveForgetKey')}
        </button>
      </p>
      <label>
        {t('approveRequest')}
        <textarea
          rows={3}
          data-testid="approve-request"
          value={request}
          onInput={(e) => setRequest((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <button type="button" data-testid="approve-check" disabled={!request.trim()} onClick={() => void check()}>
        {t('approveCheck')}
      </button>
      {checked && (
        <div class="approve-draft">
          <pre data-testid="approve-draft">{checked.draft}</pre>
          <FindingList findings={checked.findings} manual={manualLookup(packs, locale)} />
          {checked.rules.length === 0 && <p role="alert">{t('approveNothing')}</p>}
          {checked.refused.length > 0 && <p role="alert">{t('approveRefusedRules', checked.refused.join(', '))}</p>}
          {checked.rules.length > 0 && checked.refused.length === 0 && (
            <div>
              <label>
                {t('approveNote')}
                <textarea
                  rows={2}
                  data-testid="approve-note"
                  value={note}
                  onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
                />
              </label>
              <label>
                {t('approveHours')}{' '}
                <input
                  type="number"
                  min={1}
                  max={720}
                  data-testid="approve-hours"
                  value={hours}
                  onInput={(e) => setHours(Number((e.target as HTMLInputElement).value))}
                />
              </label>
              <label>
                {t('approvePassphraseOpen')}{' '}
                <input
                  type="password"
                  data-testid="approve-passphrase"
                  value={passphrase}
                  onInput={(e) => setPassphrase((e.target as HTMLInputElement).value)}
                />
              </label>{' '}
              <button
                type="button"
                data-testid="approve-sign"
                disabled={!note.trim() || !passphrase || !(hours > 0 && hours <= 720)}
                onClick={() => void approve()}
              >
                {t('approveSign')}
              </button>
            </div>
          )}
        </div>
      )}
      {problem && <p role="alert">{problem}</p>}
      {code && (
        <label>
          {t('approveCode')}
          <textarea readOnly rows={3} data-testid="approve-code" value={code} />
        </label>
      )}
    </div>
  );
}
