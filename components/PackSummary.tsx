import { activePackSummary } from './active-pack';

/** The popup's first screen: which pack is active and which of its sets are on. */
export function PackSummary({ locale }: { locale: string }) {
  const summary = activePackSummary(locale);
  const ja = locale.startsWith('ja');
  return (
    <main style={{ font: '13px system-ui, sans-serif', minWidth: '280px', padding: '12px' }}>
      <h1 style={{ fontSize: '15px', margin: '0 0 8px' }}>Preflight</h1>
      <p data-testid="active-pack">
        {ja ? '有効なパック' : 'Active pack'}: <strong>{summary.name}</strong> {summary.version} ({summary.rules}{' '}
        {ja ? 'ルール' : 'rules'})
      </p>
      <ul>
        {summary.sets.map((set) => (
          <li key={set.id}>
            {set.enabled ? '●' : '○'} {set.title}
          </li>
        ))}
      </ul>
    </main>
  );
}
