/** The packs in use, side by side with where each came from, and the import of a pack file. */
import { useState } from 'preact/hooks';
import { localize } from '../rules/compile';
import type { PackIssue } from '../rules/load';
import type { Pack } from '../rules/schema';
import type { ImportResult, StoredPack } from '../utils/pack-store';
import { t } from './i18n';

export interface PackListProps {
  builtIn: readonly Pack[];
  /** Every admitted pack (forced by policy, imported, subscribed), each active or saying why not. */
  stored: readonly StoredPack[];
  locale: string;
  onImport: (text: string, fileName: string) => Promise<ImportResult>;
  onRemove: (id: string) => void;
}

const SOURCE_LABEL = {
  policy: () => t('optionsSourcePolicy'),
  subscription: (origin: string) => t('optionsSourceSubscription', origin),
  file: (origin: string) => t('optionsSourceFile', origin),
} satisfies Record<StoredPack['source'], (origin: string) => string>;

export function PackList({ builtIn, stored, locale, onImport, onRemove }: PackListProps) {
  const [result, setResult] = useState<ImportResult>();
  const rows = [
    ...builtIn.map((pack) => ({
      key: pack.id,
      kind: 'built-in',
      pack,
      source: t('optionsSourceBuiltIn'),
      updated: undefined as string | undefined,
      removable: false,
      inactive: undefined as string | undefined,
    })),
    ...stored.map((entry) => ({
      key: `${entry.source} ${entry.origin} ${entry.pack.id}`,
      kind: entry.source,
      pack: entry.pack,
      source: SOURCE_LABEL[entry.source](entry.origin),
      updated: entry.updated,
      removable: entry.source !== 'policy',
      inactive: entry.inactive,
    })),
  ];
  return (
    <div class="packs">
      <ul>
        {rows.map(({ key, kind, pack, source, updated, removable, inactive }) => (
          <li key={key} class={`pack-row${inactive ? ' inactive' : ''}`} data-pack={pack.id} data-source={kind}>
            <strong>{localize(pack.name, locale, pack.locales)}</strong> {pack.version} <small>({source})</small>{' '}
            {updated && <small>{t('optionsUpdated', new Date(updated).toLocaleString(locale))}</small>}{' '}
            {removable && (
              <button type="button" onClick={() => onRemove(pack.id)}>
                {t('optionsRemove')}
              </button>
            )}
            {inactive && (
              <p class="pack-inactive" data-testid="pack-inactive">
                {t('packInactive', inactive)}
              </p>
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
