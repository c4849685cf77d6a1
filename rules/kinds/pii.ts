/**
 * `pii`: personal and confidential data that must never be posted: e-mail addresses, personal
 * phone numbers (Japanese and international), payment cards (Luhn-checked), Japan's My Number
 * (check digit), confidentiality markers (社外秘) and credentials. Business numbers (0120, 0800,
 * 0570, US toll-free, UK 0808 freephone), numbers in an SMS keyword call to action and the pack's own addresses are allowed.
 */

import { z } from 'zod';
import type { Draft, Span } from '../draft';
import { ruleBase } from '../fields';
import { defineKind, type RawFinding } from './kind';

export const PII_DETECTORS = ['email', 'phone', 'payment-card', 'my-number', 'confidential', 'credential'] as const;
export const PiiRule = z.strictObject({
  ...ruleBase,
  kind: z.literal('pii'),
  detect: z.array(z.enum(PII_DETECTORS)).min(1),
  /** Addresses, domains ("@example.com") or numbers that are the company's own and may be posted. */
  allow: z.array(z.string().min(1)).optional(),
  /** Extra confidentiality markers beside the built-in list. */
  markers: z.array(z.string().min(1)).optional(),
});

/** ISO/IEC 7812 check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** 個人番号 check digit (総務省令第85号 第5条): weights 6,5,4,3,2,7,6,5,4,3,2 left to right, mod 11. */
export function myNumberValid(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const remainder = weights.reduce((sum, w, i) => sum + w * (digits.charCodeAt(i) - 48), 0) % 11;
  const check = remainder <= 1 ? 0 : 11 - remainder;
  return check === digits.charCodeAt(11) - 48;
}

/** Card numbers start with a known issuer prefix (Visa, Mastercard, Amex, JCB, Diners, Discover, UnionPay). */
function plausibleIssuer(digits: string): boolean {
  return /^(4|5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720)|3[47]|35|3[0689]|6)/.test(digits);
}

// "confidential" alone also appears in "we keep your details confidential", so only its marker forms.
const BUILT_IN_MARKERS = [
  'confidential:',
  '[confidential]',
  '(confidential)',
  '【confidential】',
  'strictly confidential',
  'company confidential',
  'confidential and proprietary',
  'confidential draft',
  'internal only',
  'internal use only',
  'for internal use',
  'do not distribute',
  'not for distribution',
  'not for publication',
  'under embargo',
  'embargoed until',
  'under nda',
  '社外秘',
  '関係者外秘',
  '部外秘',
  '極秘',
  '取扱注意',
  '取り扱い注意',
  '社内限り',
  '社内限定',
  '㊙',
  'マル秘',
];

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
const SEP = '[-\\s‐ー.]?';
const JP_PHONE = new RegExp(
  [
    `(?:\\+81${SEP}|\\(\\+81\\)${SEP}?)\\(?[1-9]\\d{0,3}\\)?${SEP}\\d{1,4}${SEP}\\d{4}`,
    `\\(?0\\d{1,4}\\)?${SEP}\\d{1,4}${SEP}\\d{3,4}`,
  ].join('|'),
  'g',
);
const INTL_PHONE = /\+[1-9]\d{0,2}[-\s.]?\(?\d{1,4}\)?(?:[-\s.]?\d{2,4}){2,4}/g;
const NANP_PHONE = /\(?\b[2-9]\d{2}\)?[-.\s]\d{3}[-.\s]\d{4}\b/g;
const DIGIT_RUN = /\d(?:[ -]?\d){11,18}/g;
const CREDENTIALS = [
  /\bAKIA[0-9A-Z]{16}\b/g,
  /-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----/g,
  /\bgh[pousr]_[A-Za-z0-9]{36}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,80}/g,
  /(?:管理|admin|account|アカウント|ログイン|login|root|サーバ|server|db|データベース)[^\n]{0,16}?(?:パスワード|password|passwd|pw)\s{0,3}[:：=は]\s{0,3}[^\s、。]{4,64}/gi,
];
// Numbers that pass the Luhn check but are not cards: tracking, order, barcode (JAN/EAN) and book numbers.
const CARD_CONTEXT_AGAINST =
  /(?:追跡|問い合わせ|伝票|注文|受付|会員|お客様|商品コード|品番|バーコード|order|tracking|uid|id|ticket|case|jan|ean|isbn|upc|sku)[^\d\n]{0,12}$/i;
const BUSINESS_PREFIXES = ['0120', '0800', '0570', '0990'];
/**
 * An SMS keyword call to action right before the number ("text \"BUILD\" to +1 707…", "Text JOIN to 555-0100"):
 * the keyword is quoted or in capitals, so "text me to …" is still a person's number. Only businesses run
 * keyword programmes (CTIA's Short Code Monitoring Handbook, the FCC's TCPA rules on text marketing).
 */
const SMS_KEYWORD_BEFORE =
  /(?:^|[^A-Za-z])(?:[Tt]ext|TEXT|[Tt]xt|TXT|SMS|[Ss]end|SEND|[Rr]eply|REPLY)\s+(?:["“'‘][A-Za-z0-9]{2,20}["”'’]|[A-Z0-9]{2,20})\s+(?:to|TO)\s*:?\s*$/;
const TOLL_FREE = /^1?(800|888|877|866|855|844|833)/;

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Allow-list entries: an address, "@domain" or "domain" (and its subdomains), "role@*" (that mailbox
 * on any domain); a phone number in any spelling ("+1-202-555-0100" allows "(202) 555-0100").
 */
function allowedBy(allow: string[], kind: 'email' | 'phone', value: string): boolean {
  const lower = value.toLowerCase();
  return allow.some((entry) => {
    const item = entry.toLowerCase();
    if (kind === 'email') {
      if (item.endsWith('@*')) return lower.startsWith(item.slice(0, -1));
      return item.includes('@')
        ? lower === item || (item.startsWith('@') && lower.endsWith(item))
        : lower.endsWith(`@${item}`) || lower.endsWith(`.${item}`);
    }
    // Compared on the last nine digits: country codes and trunk zeros differ between spellings.
    const a = digitsOf(item);
    const b = digitsOf(lower);
    return a.length >= 9 && b.length >= 9 ? a.slice(-9) === b.slice(-9) : a.length >= 6 && a === b;
  });
}

/**
 * The longest match of each expression, \b counted as a unit, by hand from its quantifiers (a test
 * checks them against the pattern prover's bounds and against whole searches): an attempt reads no
 * further than one unit past it, so a keystroke searches again only that far around the edit.
 */
export const LONGEST_MATCH = new Map<RegExp, number>([
  [EMAIL, 64 + 1 + 63 + 8 * 64 + 1 + 24],
  [JP_PHONE, 22],
  [INTL_PHONE, 31],
  [NANP_PHONE, 16],
  [DIGIT_RUN, 37],
  [CREDENTIALS[0]!, 22],
  [CREDENTIALS[1]!, 67],
  [CREDENTIALS[2]!, 42],
  [CREDENTIALS[3]!, 86],
  [CREDENTIALS[4]!, 102],
]);

/** Each match, with the text it matched, in the case-keeping folded text. */
function eachMatch(regex: RegExp, draft: Draft, onMatch: (match: string, start: number, end: number) => void) {
  const text = draft.folded(false).text;
  for (const { start, end } of draft.regexSpans(regex, LONGEST_MATCH.get(regex)! + 2))
    onMatch(text.slice(start, end), start, end);
}

/** Not glued to more digits or letters, so a number inside a longer one is not a phone. */
function standsAlone(text: string, start: number, end: number): boolean {
  return !/[0-9A-Za-z]/.test(text[start - 1] ?? '') && !/[0-9A-Za-z]/.test(text[end] ?? '');
}

export default defineKind({
  kind: 'pii',
  compile(rule, context) {
    const detect = new Set(rule.detect);
    const allow = rule.allow ?? [];
    const markers = detect.has('confidential')
      ? context.terms([...BUILT_IN_MARKERS, ...(rule.markers ?? [])], false)
      : -1;

    return (draft: Draft) => {
      const text = draft.folded(false).text;
      const out: RawFinding[] = [];
      const push = (start: number, end: number, detector: string) =>
        out.push({ ...draft.fromFolded(false, start, end), vars: { detector } });

      if (detect.has('email') && text.includes('@')) {
        eachMatch(EMAIL, draft, (match, start, end) => {
          if (!allowedBy(allow, 'email', match)) push(start, end, 'email');
        });
      }
      const taken: Span[] = [];
      const free = (start: number, end: number) => !taken.some((t) => t.start < end && start < t.end);
      if (detect.has('payment-card') || detect.has('my-number')) {
        eachMatch(DIGIT_RUN, draft, (match, start, end) => {
          if (!standsAlone(text, start, end)) return;
          const digits = digitsOf(match);
          const against = CARD_CONTEXT_AGAINST.test(text.slice(Math.max(0, start - 16), start));
          if (
            detect.has('payment-card') &&
            digits.length >= 13 &&
            plausibleIssuer(digits) &&
            luhnValid(digits) &&
            !against
          ) {
            push(start, end, 'payment-card');
            taken.push({ start, end });
          } else if (
            detect.has('my-number') &&
            digits.length === 12 &&
            myNumberValid(digits) &&
            !/法人/.test(text.slice(Math.max(0, start - 8), start))
          ) {
            push(start, end, 'my-number');
            taken.push({ start, end });
          }
        });
      }
      if (detect.has('phone')) {
        for (const regex of [JP_PHONE, INTL_PHONE, NANP_PHONE]) {
          eachMatch(regex, draft, (match, start, end) => {
            if (!standsAlone(text, start, end) || !free(start, end)) return;
            const digits = digitsOf(match);
            const national =
              digits.startsWith('81') && match.trimStart().startsWith('+') ? `0${digits.slice(2)}` : digits;
            if (regex === JP_PHONE && !(national.length === 10 || national.length === 11)) return;
            if (
              regex === JP_PHONE &&
              national.length === 11 &&
              !/^0[5-9]0/.test(national) &&
              !BUSINESS_PREFIXES.some((p) => national.startsWith(p))
            )
              return;
            if (BUSINESS_PREFIXES.some((prefix) => national.startsWith(prefix))) return;
            // UK freephone (helplines: Rape Crisis, the domestic abuse helpline) is written 0808 then the rest;
            // a Japanese mobile with those digits is written 080-8…, so the grouping tells them apart (Ofcom's
            // numbering plan).
            if (regex === JP_PHONE && /^\(?0808\)?(?:[-\s.]|$)/.test(match.trim())) return;
            if (regex === NANP_PHONE && TOLL_FREE.test(digits)) return;
            if (regex === INTL_PHONE && (digits.startsWith('1') ? TOLL_FREE.test(digits) : false)) return;
            if (allowedBy(allow, 'phone', match)) return;
            if (SMS_KEYWORD_BEFORE.test(text.slice(Math.max(0, start - 40), start))) {
              taken.push({ start, end }); // "+1 415 555 0123" is not found again as "415 555 0123"
              return;
            }
            push(start, end, 'phone');
            taken.push({ start, end });
          });
        }
      }
      if (detect.has('credential')) {
        for (const regex of CREDENTIALS)
          eachMatch(regex, draft, (_match, start, end) => push(start, end, 'credential'));
      }
      if (markers >= 0)
        for (const hit of draft.hits(markers)) out.push({ ...draft.span(hit), vars: { detector: 'confidential' } });
      return out;
    };
  },
});
