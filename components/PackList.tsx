/** The packs in use, side by side with where each came from, and the import of a pack file. */
import { useState } from 'preact/hooks';
import { localize } from '../rules/compile';
import type { PackIssue } from '../rules/load';
import type { Pack } from '../rules/schema';
import type { ImportResult, StoredPack } from '../utils/pack-store';
import { t } from './i18n';

export interface PackListProps {
  builtIn: readonly Pack[];
  /** Ids of the packs enterprise policy forces. */
  forced?: readonly string[];
  stored: readonly StoredPack[];
  locale: string;
  onImport: (text: string, fileName: string) => Promise<ImportResult>;
  onRemove: (id: string) => void;
}

export function PackList({ builtIn, forced = [], stored, locale, onImport, onRemove }: PackListProps) {
  const [result, setResult] = useState<ImportResult>();
  const rows = [
    ...builtIn.map((pack) => ({
      pack,
      source: t(forced.includes(pack.id) ? 'optionsSourcePolicy' : 'optionsSourceBuiltIn'),
      updated: undefined as string | undefined,
      removable: false,
    })),
    ...stored.map((entry) => ({
      pack: entry.pack,
      source:
        entry.source === 'subscription'
          ? t('optionsSourceSubscription', entry.origin)
          : t('optionsSourceFile', entry.origin),
      updated: entry.updated,
      removable: true,
    })),
  ];
  return (
    <div class="packs">
      <ul>
        {rows.map(({ pack, source, updated, removable }) => (
          <li key={pack.id} class="pack-row" data-pack={pack.id}>
            <strong>{localize(pack.name, locale, pack.locales)}</strong> {pack.version} <small>({source})</small>{' '}
            {updated && <small>{t('optionsUpdated', new Date(updated).toLocaleString(locale))}</small>}{' '}
            {removable && (
              <button type="button" onClick={() => onRemove(pack.id)}>
                {t('optionsRemove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <label class="import">
        {t('optionsImport')}{' '}
        <input
          type="file"
          accept=".yaml,.yml,.json,application/json,text/yaml"
          data-testid="import-pack"
          onChange={async (event) => {
            const input = event.target as HTMLInputElement;
            const file = input.files?.[0];
            if (!file) return;
            setResult(await onImport(await file.text(), file.name));
            input.value = '';
          }}
        />
      </label>
      {result?.ok && (
        <p class="import-ok" role="status">
          {t(
            'optionsImported',
            localize(result.stored.pack.name, locale, result.stored.pack.locales),
            result.stored.pack.version,
          )}
        </p>
      )}
      {result && !result.ok && <ImportIssues issues={result.issues} />}
    </div>
  );
}

/** The same messages as the CLI: the file, the path to the field, what was expected. */
function ImportIssues({ issues }: { issues: PackIssue[] }) {
  return (
    <div class="import-failed" role="alert">
      <p>{t('optionsImportFailed')}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <code>
              {issue.file}: {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}
