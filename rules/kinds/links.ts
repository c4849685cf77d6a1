/**
 * `links`: URL shorteners that hide where a link goes, links without HTTPS, links to the brand's
 * own domains without the tracking parameters its measurement needs, and forbidden domains.
 */

import { z } from 'zod';
import { Localized, ruleBase } from '../fields';
import { defineKind, type RawFinding } from './kind';

export const LinksRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('links'),
  insecure: z.boolean().default(false),
  /** Domains never reported: the platforms' own link wrappers (X's t.co) and the brand's trusted hosts. */
  allowDomains: z.array(z.string().min(1)).optional(),
  shorteners: z.array(z.string().min(1)).optional(),
  forbiddenDomains: z.array(z.string().min(1)).optional(),
  /** Links to these domains must carry these query parameters (UTM). */
  tracking: z
    .strictObject({ domains: z.array(z.string().min(1)).min(1), params: z.array(z.string().min(1)).min(1) })
    .optional(),
  /** A message per problem; `message` is used for any not given. */
  messages: z
    .strictObject({
      insecure: Localized.optional(),
      shortener: Localized.optional(),
      forbidden: Localized.optional(),
      tracking: Localized.optional(),
    })
    .optional(),
});

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

/** A test for "this host is one of these domains or under one of them", prepared once per rule. */
function domains(list: string[] | undefined): (host: string) => boolean {
  if (!list || list.length === 0) return () => false;
  const set = new Set(list.map((d) => d.toLowerCase().replace(/^www\./, '')));
  return (host) => {
    for (let h = host; h; h = h.slice(h.indexOf('.') + 1 || h.length)) if (set.has(h)) return true;
    return false;
  };
}

export default defineKind({
  kind: 'links',
  compile(rule) {
    const messages = rule.messages ?? {};
    const allowed = domains(rule.allowDomains);
    const shortener = domains(rule.shorteners);
    const forbidden = domains(rule.forbiddenDomains);
    const tracked = domains(rule.tracking?.domains);
    /** What this rule says of one URL, wherever it stands: decided once per URL, as drafts repeat their links. */
    const verdicts = new Map<string, Omit<RawFinding, 'start' | 'end'> | null>();
    const verdict = (value: string): Omit<RawFinding, 'start' | 'end'> | null => {
      const { host, query, secure } = parse(value);
      if (allowed(host)) return null;
      if (rule.insecure && !secure) return { message: messages.insecure, vars: { problem: 'insecure' } };
      if (shortener(host)) return { message: messages.shortener, vars: { problem: 'shortener', domain: host } };
      if (forbidden(host)) return { message: messages.forbidden, vars: { problem: 'forbidden', domain: host } };
      if (rule.tracking && tracked(host)) {
        const missing = rule.tracking.params.filter((param) => !query.has(param));
        if (missing.length > 0)
          return { message: messages.tracking, vars: { problem: 'tracking', missing: missing.join(', ') } };
      }
      return null;
    };
    return (draft) => {
      const urls = draft.urls();
      if (urls.length === 0) return [];
      const out: RawFinding[] = [];
      for (const url of urls) {
        let found = verdicts.get(url.value);
        if (found === undefined) {
          found = verdict(url.value);
          if (verdicts.size > 500) verdicts.clear();
          verdicts.set(url.value, found);
        }
        if (found) out.push({ start: url.start, end: url.end, ...found });
      }
      return out;
    };
  },
});
