/**
 * "Copy diagnostics" in the popup: asks the tab's content script for the page's editable elements
 * and the controls near them (selector paths and naming attributes, never text or values:
 * entrypoints/content/diagnostics.ts) and copies them as JSON, for whoever fixes the adapter.
 */
import { useState } from 'preact/hooks';
import { type PageDiagnostics, sendToTab } from '../utils/messages';
import { t } from './i18n';

/** The JSON that is copied: what the content script collected, as it collected it. */
export async function diagnosticsJson(tabId: number): Promise<{ json: string; fields: number; buttons: number }> {
  const diagnostics: PageDiagnostics | undefined = await sendToTab(tabId, { type: 'preflight:diagnostics' });
  if (!diagnostics) throw new Error('no answer from the page');
  return {
    json: JSON.stringify(diagnostics, null, 2),
    fields: diagnostics.editables.length,
    buttons: diagnostics.editables.reduce((sum, field) => sum + field.controls.length, 0),
  };
}

export function CopyDiagnostics({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      const { json, fields, buttons } = await diagnosticsJson(tabId);
      await navigator.clipboard.writeText(json);
      setStatus(t('popupDiagnosticsCopied', fields, buttons));
    } catch (error) {
      setStatus(t('popupDiagnosticsFailed', (error as Error)?.message ?? String(error)));
    }
  };
  return (
    <div class="diagnostics">
      <p>{t('popupDiagnosticsHelp')}</p>
      <button type="button" data-testid="copy-diagnostics" onClick={() => void copy()}>
        {t('popupCopyDiagnostics')}
      </button>
      <p role="status" data-testid="diagnostics-status">
        {status}
      </p>
    </div>
  );
}
