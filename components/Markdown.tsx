/**
 * A manual section's Markdown, rendered and sanitised: a pack comes from outside, so no script, no
 * event-handler attributes, no forms or frames; links open in a new tab with rel="noopener".
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { useMemo } from 'preact/hooks';

const ALLOWED_TAGS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'strong',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];
const SAFE_LINK = /^(https:|mailto:|#)/i;

let hooked = false;
function purifier() {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName !== 'A') return;
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    });
    hooked = true;
  }
  return DOMPurify;
}

const ALLOWED_ATTR = ['href', 'title', 'target', 'rel', 'align'];

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A second look at DOMPurify's output: if anything outside the allow-lists survived, show text only. */
function onlyAllowed(html: string): boolean {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const element of template.content.querySelectorAll('*')) {
    if (!ALLOWED_TAGS.includes(element.localName)) return false;
    for (const attribute of element.attributes) if (!ALLOWED_ATTR.includes(attribute.name)) return false;
  }
  return true;
}

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true }) as string;
  const clean = purifier().sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR });
  return onlyAllowed(clean) ? clean : `<pre>${escapeHtml(markdown)}</pre>`;
}

export function Markdown({ source, class: className }: { source: string; class?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by DOMPurify above, with a tag allow-list.
  return <div class={className ?? 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}
