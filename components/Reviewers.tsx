/**
 * The options page's reviewer section: the reviewers' public keys (policy's, locked, or this
 * page's), the reviewer's own private key kept sealed with a passphrase, and "Approve": a pasted
 * request is checked again with the packs in use here, shown with its findings, and approved with a
 * note and an expiry; the approval code is shown to copy back to the operator.
 */
import { useEffect, useState } from 'preact/hooks';
import { approvableRules, decodeRequest, encodeApproval, signApproval } from '../rules/approval';
import { compilePacks } from '../rules/compile-packs';
import { manualLookup } from '../rules/manual';
import type { Finding } from '../rules/schema';
import type { PublicKey } from '../rules/signature';
import { sha256Hex } from '../utils/hash';
import { type ActiveState, send } from '../utils/messages';
import { openKey, type SealedKey } from '../utils/sealed-key';
import { storage } from '../utils/storage';
import { FindingList } from './FindingList';
import { t } from './i18n';
import { PastedText, PasteForm } from './PasteForm';
import { KeyHolder, PassphraseField, SealedKeyImport, useSealedKey } from './SealedKey';
import { TrustedKeys } from './TrustedKeys';

export function ReviewerSection({ locale }: { locale: string }) {
  const [keys, setKeys] = useState<PublicKey[]>([]);
  const [policyKeys, setPolicyKeys] = useState<PublicKey[]>([]);
  const { sealed, keep, forget } = useSealedKey('reviewer');
  const [state, setState] = useState<ActiveState>();
  useEffect(() => {
    void storage.reviewerKeys.get().then(setKeys);
    void storage.lastPolicy.get().then((policy) => setPolicyKeys(policy.reviewerKeys ?? []));
    void send({ type: 'preflight:get-state' }).then(setState);
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
          void storage.reviewerKeys.set(next);
        }}
      />
      <h3>{t('approveTitle')}</h3>
      {sealed ? (
        <Approve sealed={sealed} state={state} locale={locale} onForget={forget} />
      ) : (
        <SealedKeyImport testIds="reviewer-" onSealed={keep} />
      )}
    </section>
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
      <KeyHolder text={t('approveAs', sealed.name ?? sealed.keyId)} onForget={onForget} />
      <PasteForm
        label={t('approveRequest')}
        testId="approve-request"
        value={request}
        onInput={setRequest}
        action={{ label: t('approveCheck'), testId: 'approve-check', disabled: !request.trim() }}
        onAction={check}
      />
      {checked && (
        <div class="approve-draft">
          <pre data-testid="approve-draft">{checked.draft}</pre>
          <FindingList findings={checked.findings} manual={manualLookup(packs, locale)} />
          {checked.rules.length === 0 && <p role="alert">{t('approveNothing')}</p>}
          {checked.refused.length > 0 && <p role="alert">{t('approveRefusedRules', checked.refused.join(', '))}</p>}
          {checked.rules.length > 0 && checked.refused.length === 0 && (
            <div>
              <PastedText label={t('approveNote')} testId="approve-note" rows={2} value={note} onInput={setNote} />
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
              <PassphraseField testId="approve-passphrase" value={passphrase} onInput={setPassphrase} isNew={false} />{' '}
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
      {code && <PastedText label={t('approveCode')} testId="approve-code" value={code} />}
    </div>
  );
}
