/**
 * `links`: URL shorteners that hide where a link goes, links without HTTPS, links to the brand's
 * own domains without the tracking parameters its measurement needs, and forbidden domains.
 */
import { defineKind, type RawFinding } from './kind';

interface ParsedUrl {
  host: string;
  query: URLSearchParams;
  secure: boolean;
}
// Several link rules look at the same URLs, draft after draft: parse each once.
const parsedUrls = new Map<string, ParsedUrl>();

function parse(url: string): ParsedUrl {
  let parsed = parsedUrls.get(url);
  if (!parsed) {
    parsed = parseUrl(url);
    if (parsedUrls.size > 500) parsedUrls.clear();
    parsedUrls.set(url, parsed);
  }
  return parsed;
}

function parseUrl(url: string): ParsedUrl {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  try {
    const parsed = new URL(withScheme);
    return {
      host: parsed.hostname.toLowerCase().replace(/^www\./, ''),
      query: parsed.searchParams,
      secure: !/^http:/i.test(url),
    };
  } catch {
    return { host: '', query: new URLSearchParams(), secure: true };
  }
}

const onDomain = (host: string, domains: string[]) =>
  domains.some((domain) => {
    const d = domain.toLowerCase().replace(/^www\./, '');
    return host === d || host.endsWith(`.${d}`);
  });

export default defineKind({
  kind: 'links',
  compile(rule) {
    const messages = rule.messages ?? {};
    return (draft) => {
      const urls = draft.urls();
      if (urls.length === 0) return [];
      const out: RawFinding[] = [];
      for (const url of urls) {
        const { host, query, secure } = parse(url.value);
        if (rule.allowDomains && onDomain(host, rule.allowDomains)) continue;
        const at = { start: url.start, end: url.end };
        if (rule.insecure && !secure) out.push({ ...at, message: messages.insecure, vars: { problem: 'insecure' } });
        else if (rule.shorteners && onDomain(host, rule.shorteners))
          out.push({ ...at, message: messages.shortener, vars: { problem: 'shortener', domain: host } });
        else if (rule.forbiddenDomains && onDomain(host, rule.forbiddenDomains))
          out.push({ ...at, message: messages.forbidden, vars: { problem: 'forbidden', domain: host } });
        else if (rule.tracking && onDomain(host, rule.tracking.domains)) {
          const missing = rule.tracking.params.filter((param) => !query.has(param));
          if (missing.length > 0)
            out.push({ ...at, message: messages.tracking, vars: { problem: 'tracking', missing: missing.join(', ') } });
        }
      }
      return out;
    };
  },
});
