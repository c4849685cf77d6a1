/**
 * Text pasted in from elsewhere (a key file, an approval request or code) and one button that acts
 * on it, with why it was refused. The key files, requests and codes people pass around all come in
 * this way, in the options page and in the gate alike.
 */
import type { ComponentChildren } from 'preact';

export interface PastedTextProps {
  label: string;
  testId: string;
  value: string;
  /** Without it the text is shown to copy (read-only). */
  onInput?: (value: string) => void;
  rows?: number;
}

/** A labelled box of pasted (or, read-only, to-copy) text. */
export function PastedText({ label, testId, value, onInput, rows = 3 }: PastedTextProps) {
  return (
    <label class="pasted">
      {label}
      <textarea
        rows={rows}
        data-testid={testId}
        value={value}
        readOnly={!onInput}
        onInput={onInput && ((event) => onInput((event.target as HTMLTextAreaElement).value))}
      />
    </label>
  );
}

export interface PasteFormProps extends Required<Pick<PastedTextProps, 'onInput'>>, Omit<PastedTextProps, 'onInput'> {
  action: { label: string; testId: string; disabled?: boolean };
  onAction: () => void | Promise<void>;
  problem?: string | undefined;
  problemTestId?: string;
  /** More fields between the text and the button (a passphrase). */
  children?: ComponentChildren;
}

/** Pasted text, any further fields, one button, and why it was refused. */
export function PasteForm({ action, onAction, problem, problemTestId, children, ...text }: PasteFormProps) {
  return (
    <div class="paste-form">
      <PastedText {...text} />
      {children}{' '}
      <button type="button" data-testid={action.testId} disabled={action.disabled} onClick={() => void onAction()}>
        {action.label}
      </button>
      {problem && (
        <p role="alert" data-testid={problemTestId}>
          {problem}
        </p>
      )}
    </div>
  );
}
