/**
 * Four-eyes approval in the gate: "Ask for approval" copies a request (the draft, its findings, the
 * platform and profile, the draft's SHA-256) for the operator to send through the team's own chat;
 * nothing leaves the browser by itself. The reviewer's approval code is pasted back here and
 * accepted only for this exact text, before it expires, from a reviewer key in force, releasing
 * every block finding; then "Post (approved by NAME)" posts the draft as written.
 */
import { useState } from 'preact/hooks';
import { acceptApproval, encodeRequest } from '../rules/approval';
import type { Finding, Platform } from '../rules/schema';
import type { PublicKey } from '../rules/signature';
import type { ApprovalRecord as ApprovalRelease } from '../utils/audit';
import { sha256Hex } from '../utils/hash';
import { t } from './i18n';
import { PastedText, PasteForm } from './PasteForm';

export interface ApprovalPanelProps {
  findings: readonly Finding[];
  /** The draft as it is now (read at each step: any edit voids a code). */
  draft: () => string;
  platform: Platform;
  profile: string | undefined;
  reviewerKeys: readonly PublicKey[];
  approvable: (ruleId: string) => boolean;
  onApproved: (approval: ApprovalRelease) => void;
}

export function ApprovalPanel({
  findings,
  draft,
  platform,
  profile,
  reviewerKeys,
  approvable,
  onApproved,
}: ApprovalPanelProps) {
  const blocks = [...new Set(findings.filter((f) => f.severity === 'block').map((f) => f.ruleId))];
  const [request, setRequest] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string>();
  const [accepted, setAccepted] = useState<ApprovalRelease>();
  if (blocks.length === 0 || !blocks.every(approvable)) return null;

  const ask = async () => {
    const text = draft();
    const encoded = encodeRequest({
      format: 'preflight-approval-request/1',
      draft: text,
      draftHash: await sha256Hex(text),
      platform,
      ...(profile ? { profile } : {}),
      findings: findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message.slice(0, 2000) })),
      created: new Date().toISOString(),
    });
    setRequest(encoded);
    // Copied for the operator to paste into the team's chat; shown as well, should the copy be refused.
    await navigator.clipboard?.writeText(encoded).catch(() => undefined);
  };

  const check = async () => {
    setAccepted(undefined);
    const text = draft();
    const draftHash = await sha256Hex(text);
    const result = await acceptApproval(code, { draftHash, blockRules: blocks, approvable, reviewerKeys });
    if (!result.ok) {
      setProblem(t('approvalRefused', result.reason));
      return;
    }
    setProblem(undefined);
    const { approval } = result;
    setAccepted({
      reviewer: result.reviewer,
      keyId: result.keyId,
      note: approval.note,
      requestHash: approval.draftHash,
      rules: approval.rules,
      expires: approval.expires,
    });
  };

  return (
    <section class="approval" data-testid="approval">
      <button type="button" class="ask-approval" data-testid="ask-approval" onClick={() => void ask()}>
        {t('approvalAsk')}
      </button>
      {request && <PastedText label={t('approvalRequestCopied')} testId="approval-request" rows={2} value={request} />}
      <PasteForm
        label={t('approvalCodeLabel')}
        testId="approval-code"
        rows={2}
        value={code}
        onInput={(value) => {
          setCode(value);
          setAccepted(undefined);
        }}
        action={{ label: t('approvalCheck'), testId: 'check-approval', disabled: !code.trim() }}
        onAction={check}
        problem={problem}
        problemTestId="approval-error"
      />
      {accepted && (
        <>
          <p data-testid="approval-note">{t('approvalAccepted', accepted.reviewer, accepted.note)}</p>
          <button type="button" class="post-approved" data-testid="post-approved" onClick={() => onApproved(accepted)}>
            {t('approvalPost', accepted.reviewer)}
          </button>
        </>
      )}
    </section>
  );
}
