/**
 * An address to follow (a pack subscription, the team state): checked as subscriptions require
 * (https, or plain http on loopback) before it is handed on, with why it was not taken.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern, urlProblem } from '../utils/subscriptions';
import { t } from './i18n';

export interface UrlFormProps {
  label: string;
  placeholder: string;
  submit: string;
  testIds: { input: string; submit: string };
  /** Follow the URL; resolves to why it did not, if it did not. */
  onSubmit: (url: string) => Promise<string | undefined>;
  /** More buttons after the submit button ("Check now"). */
  children?: ComponentChildren;
}

export function UrlForm({ label, placeholder, submit, testIds, onSubmit, children }: UrlFormProps) {
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<string>();
  return (
    <>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const wanted = url.trim();
          const issue = urlProblem(wanted);
          setProblem(issue);
          if (issue) return;
          const refused = await onSubmit(wanted);
          setProblem(refused);
          if (!refused) setUrl('');
        }}
      >
        <label>
          {label}{' '}
          <input
            type="url"
            data-testid={testIds.input}
            value={url}
            placeholder={placeholder}
            onInput={(event) => setUrl((event.target as HTMLInputElement).value)}
          />
        </label>{' '}
        <button type="submit" data-testid={testIds.submit}>
          {submit}
        </button>
        {children}
      </form>
      {problem && <p role="alert">{problem}</p>}
    </>
  );
}

/**
 * Ask for the site's access first, in the person's click (a browser grants it only then), then have
 * the background follow it; resolves to why it did not, if it did not.
 */
export async function followWithAccess(
  url: string,
  follow: () => Promise<{ ok: true } | { ok: false; error: string }>,
): Promise<string | undefined> {
  const granted = await browser.permissions.request({ origins: [originPattern(url)] }).catch(() => false);
  if (!granted) return t('subsPermissionRefused', new URL(url).origin);
  const result = await follow();
  return result.ok ? undefined : t('subsFailed', result.error);
}
