/**
 * Reported quotations. A claim inside quotation marks is someone else's words when its sentence
 * frames the quotation as reported: a reporting word before it ("the ad claimed “…”", 広告に「…」)
 * or after it (「…」などと表示していた, "“…” claims were banned"). A news report, a ruling or a
 * warning quotes the lure to say it was made; the brand's own post makes it. A pack switches the
 * guard on for whole categories (`reported` in the pack) with its own lists of reporting words, and
 * may add narration words that mark a whole sentence as a report of someone else's act, quoted or not
 * ("allegedly", "according to the complaint", 容疑, などとうたい).
 */
import type { Draft, Span } from './draft';
import type { CompileContext, RawFinding } from './kinds/kind';
import type { Reported } from './schema';

/** Opening marks and the marks that close them (a curly double quote closed by a straight one too), as char codes. */
const CLOSERS = new Map<number, number[]>(
  Object.entries({
    '「': '」',
    '『': '』',
    '“': '”"',
    '"': '"',
    '‘': '’',
    "'": "'",
    '«': '»',
  }).map(([open, close]) => [open.charCodeAt(0), [...close].map((c) => c.charCodeAt(0))]),
);
/** Any opening mark: most drafts have none, and one native search says so. */
const ANY_OPENER = /[「『“"‘'«]/;
const SINGLE = new Set(["'".charCodeAt(0), '‘'.charCodeAt(0)]);
const LATIN_EXCEPT = new Set(['「'.charCodeAt(0), '『'.charCodeAt(0)]);
/** A quotation longer than this is not one (an unclosed mark would swallow the post). */
const MAX_QUOTATION = 400;
const LETTER = /[\p{L}\p{N}]/u;
const isLetterAt = (text: string, i: number) => i >= 0 && i < text.length && LETTER.test(text[i]!);

/**
 * Every quotation in the text, nested ones too, ordered by start. A straight or curly single mark
 * that stands inside a word is an apostrophe (don't, America’s), not a quotation mark; Latin
 * quotations end at a line break. Read by char code: a Japanese draft's characters are not copied one by one.
 */
export function quotations(text: string, offset = 0, depth = 0): Span[] {
  if (!ANY_OPENER.test(text)) return [];
  const found: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.charCodeAt(i);
    const closers = CLOSERS.get(open);
    const single = SINGLE.has(open);
    if (!closers || (single && isLetterAt(text, i - 1))) {
      i++;
      continue;
    }
    const latin = !LATIN_EXCEPT.has(open);
    let j = i + 1;
    for (; j < text.length && j - i <= MAX_QUOTATION; j++) {
      const c = text.charCodeAt(j);
      if (latin && c === 10) break;
      if (closers.includes(c) && !(single && isLetterAt(text, j + 1))) break;
    }
    if (j < text.length && j - i <= MAX_QUOTATION && closers.includes(text.charCodeAt(j))) {
      found.push({ start: offset + i, end: offset + j + 1 });
      if (depth < 2) found.push(...quotations(text.slice(i + 1, j), offset + i + 1, depth + 1));
      i = j + 1;
    } else i++;
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** What may stand between quotations of one list (「A」「B」, “A,” “B” and “C”, 「A」、「B」等). */
const JOINER = /^[\s、，,・/]*(?:and|or|&|と|や)?[\s、，,・]*$/i;
/** Quotations joined into the lists they form, each list one span; nested quotations stay on their own. */
export function quotedLists(text: string, spans: readonly Span[]): Span[] {
  const lists: Span[] = [];
  for (const span of spans) {
    const last = lists[lists.length - 1];
    if (last && span.start >= last.end && JOINER.test(text.slice(last.end, span.start))) last.end = span.end;
    else lists.push({ ...span });
  }
  return lists;
}

/**
 * Whether a sentence ends at `k`: ! ? 。 ！ ？ or a line break, or a full stop before a space or the end,
 * unless the stop closes a one-letter abbreviation ("1.5 weeks", "the U.S. market" go on).
 */
function isBreakAt(text: string, k: number): boolean {
  return (
    /[!?。！？\n]/.test(text[k]!) ||
    (text[k] === '.' &&
      (k + 1 === text.length || /\s/.test(text[k + 1]!)) &&
      !/(?:^|[\s.])\p{L}$/u.test(text.slice(Math.max(0, k - 2), k)))
  );
}

/** Whether `k` lies inside a span, its last character aside (a quotation's closing mark ends its sentence). */
const inside = (span: Span, k: number) => span.start < k && k < span.end - 1;

/** Whether a sentence ends anywhere in [from, to), leaving out the positions `ignored` passes over. */
function breakBetween(text: string, from: number, to: number, ignored: (k: number) => boolean): boolean {
  for (let k = from; k < to; k++) if (isBreakAt(text, k) && !ignored(k)) return true;
  return false;
}

/** A colon that ends its line, then the lines of a list (each opening with a bullet or a number). */
const COLON_LIST = /[:：][ \t]*\n(?:[ \t]*(?:[-–•・*●▪■◆]|\d{1,2}[.)）])[^\n]*(?:\n|$))+/g;
/**
 * The lists a colon introduces, each from its colon to the end of its last item: the introducing sentence
 * goes on through its items ("Among the practices the FTC detailed are:\n- Lose weight without dieting.").
 */
export function colonLists(text: string): Span[] {
  if (!/[:：][ \t]*\n/.test(text)) return [];
  return [...text.matchAll(COLON_LIST)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * Compile a pack's guard once: the returned filter drops the findings that overlap a quotation whose
 * sentence frames it as reported. A frame word counts inside the quotation's sentence only (a
 * sentence break inside another quotation does not end it), within `within` characters of it.
 */
export function compileReported(guard: Reported, context: CompileContext) {
  const before = context.terms(guard.before.terms, false);
  const after = context.terms(guard.after.terms, false);
  /** The reported quotations of a draft, found once however many of its rules have findings. */
  const reportedByDraft = new WeakMap<Draft, Span[]>();
  function reportedIn(draft: Draft): Span[] {
    let found = reportedByDraft.get(draft);
    if (!found) {
      found = findReported(draft);
      reportedByDraft.set(draft, found);
    }
    return found;
  }
  function findReported(draft: Draft): Span[] {
    const text = draft.text;
    const spans = quotations(text);
    if (spans.length === 0) return [];
    const lists = quotedLists(text, spans);
    const cuesBefore = draft.hits(before).map((hit) => draft.span(hit));
    const cuesAfter = draft.hits(after).map((hit) => draft.span(hit));
    if (cuesBefore.length === 0 && cuesAfter.length === 0) return [];
    // A break counts unless it lies inside a quotation that does not hold the list itself.
    const breaks = (list: Span, from: number, to: number) =>
      breakBetween(text, from, to, (k) =>
        spans.some((q) => inside(q, k) && !(q.start <= list.start && list.end <= q.end)),
      );
    const framed = (list: Span) =>
      cuesBefore.some(
        (cue) =>
          cue.end <= list.start &&
          (guard.before.within === undefined || list.start - cue.end <= guard.before.within) &&
          !breaks(list, cue.end, list.start),
      ) ||
      cuesAfter.some(
        (cue) =>
          cue.start >= list.end &&
          (guard.after.within === undefined || cue.start - list.end <= guard.after.within) &&
          !breaks(list, list.end, cue.start),
      );
    return lists.filter(framed);
  }
  const narration = guard.narrated && context.terms(guard.narrated.terms, false);
  const narrationWithin = guard.narrated?.within;
  /** A draft's narration cues and quotations, found once. */
  const cuesByDraft = new WeakMap<Draft, { cues: Span[]; spans: Span[]; lists: Span[]; quoted: Span[] }>();
  function narrationIn(draft: Draft) {
    let found = cuesByDraft.get(draft);
    if (!found) {
      const cues = narration === undefined ? [] : draft.hits(narration).map((hit) => draft.span(hit));
      const spans = cues.length > 0 ? quotations(draft.text) : [];
      const lists = cues.length > 0 ? colonLists(draft.text) : [];
      found = { cues, spans, lists, quoted: quotedLists(draft.text, spans) };
      cuesByDraft.set(draft, found);
    }
    return found;
  }
  /**
   * Whether a narration cue stands in the finding's own sentence, within reach. A break inside a quotation
   * does not end the sentence that quotes it (「…。…」などとうたい), nor does one inside a list its colon
   * introduces (the cue before the colon, the finding in an item).
   */
  function narrated(draft: Draft, raw: RawFinding): boolean {
    const { cues, spans, lists, quoted } = narrationIn(draft);
    if (cues.length === 0) return false;
    const text = draft.text;
    const breaks = (from: number, to: number) =>
      breakBetween(
        text,
        from,
        to,
        (k) => spans.some((q) => inside(q, k)) || lists.some((list) => inside(list, k) && from <= list.start),
      );
    // Quotations that stand as sentences of their own right before the narrating sentence, nothing but space
    // and stops between (“…”\n\nThe FTC quoted the above statements …): that sentence credits them.
    const list = quoted.find(
      (q) => q.start <= raw.start && raw.end <= q.end && /(?:^|[\n.!?。！？])\s*$/.test(text.slice(0, q.start)),
    );
    const lead = list && list.end + (/^[\s.,!?。、！？]*/.exec(text.slice(list.end))?.[0].length ?? 0);
    return cues.some((cue) => {
      const [from, to] = cue.end <= raw.start ? [cue.end, raw.start] : [raw.end, cue.start];
      if (to < from) return true; // the cue overlaps the finding
      if (narrationWithin !== undefined && to - from > narrationWithin) return false;
      if (!breaks(from, to)) return true;
      return lead !== undefined && lead <= cue.start && !breaks(lead, cue.start);
    });
  }
  const denial = guard.denied && compileDenial(guard.denied, context);
  return function keep(draft: Draft, raws: RawFinding[]): RawFinding[] {
    if (raws.length === 0) return raws;
    const reported = reportedIn(draft);
    let kept =
      reported.length === 0
        ? raws
        : raws.filter((raw) => !reported.some((list) => list.start < raw.end && raw.start < list.end));
    if (denial && kept.length > 0) kept = denial(draft, kept);
    if (narration === undefined || kept.length === 0) return kept;
    return kept.filter((raw) => !narrated(draft, raw));
  };
}

/**
 * 「がんが治るサプリはありません」: the noun of what is sold, then は (or なんて, など, も) and a denial of its
 * existence. 「…サプリは他にありません」 boasts instead: 他に is not among the words allowed between.
 */
const JA_DENIED_AFTER =
  /^(?:は|なんて|など|なんか|も)(?:この世に|世の中に|どこにも)?(?:ありません|ございません|存在しません|存在しない|ありえません|あり得ません|ないです|ないんです|ない(?:[。！!？?\n]|$))/u;
const CLAUSE_COMMA = /[、，,;；:：]/;
/**
 * The noun stands as its own word after a kana ending (治るサプリ, 治す効果), not inside a compound (副作用は…: a
 * safety claim), and not after a condition (「飲み続けないと効果はありません」 promises the effect).
 */
const JA_NOT_OWN_WORD = /(?:[\p{sc=Han}\p{sc=Katakana}ー]|と|ば|たら|なら)$/u;
/**
 * "There is no pill that…", "No supplement can…": no (one word between at most) before the noun, opening its clause;
 * "…reaching layers no cream can reach" compares the product with creams.
 */
const EN_DENIED_BEFORE =
  /(?:^|[.!?;:,\n\u2013\u2014(]\s*|\bthere(?:'s|\u2019s|\s+is|\s+are)\s+)no\s+(?:[\p{L}-]+\s+)?$/iu;
/**
 * … and after it a relative clause or a modal, whose claim the sentence denies. A word must follow: "…reaching deep
 * layers no cream can." compares the product with creams, it denies nothing.
 */
const EN_DENIED_AFTER = /^s?\s+(?:that|which|on the market|out there|can|could|will|is going to)\s+\p{L}/iu;

/**
 * A question mark, then the answer no ("No." or "No,"; "No more sleepless nights!" after a question is the pitch going
 * on): looked for in the whole draft first, as most drafts have none.
 */
const ANSWERED_NO = /[?？]\s*(?:(?:no|nope|not really)[.,!。、！]|(?:いいえ|いえ)[\s、。,])/i;
const ANSWER_NO_AT = new RegExp(`^${ANSWERED_NO.source}`, 'i');
/** Whether the finding's (first) sentence is a question that the next words answer no. */
function answeredNo(text: string, raw: Span): boolean {
  let end = raw.start;
  while (end < text.length && !/[?？.!。！\n]/.test(text[end]!)) end++;
  return ANSWER_NO_AT.test(text.slice(end, end + 16));
}

/** The sentence around a span: from the break before it to the break after it. */
function sentenceOf(text: string, span: Span): Span {
  let start = span.start;
  while (start > 0 && !isBreakAt(text, start - 1)) start--;
  let end = span.end;
  while (end < text.length && !isBreakAt(text, end)) end++;
  return { start, end };
}

/**
 * A sentence that says a product of this kind does not exist warns against the claim it names ("There is no pill
 * that melts belly fat", 「飲むだけで痩せる薬は存在しません」): its findings are dropped, unless a word of the
 * sentence makes it a comparison ("no other cream works like ours", 「これほど効くサプリはありません」), which claims.
 */
function compileDenial(denied: NonNullable<Reported['denied']>, context: CompileContext) {
  const nouns = context.terms(denied.terms, false);
  const unless = denied.unless ? context.terms(denied.unless, false) : -1;
  /** A draft's denials and whether it answers a question no, found once however many of its rules have findings. */
  const byDraft = new WeakMap<Draft, { denials: Span[]; answersNo: boolean }>();
  function denialsIn(draft: Draft): { denials: Span[]; answersNo: boolean } {
    let found = byDraft.get(draft);
    if (found) return found;
    const text = draft.text;
    const denials = draft
      .hits(nouns)
      .map((hit) => draft.span(hit))
      .filter(
        (noun) =>
          (JA_DENIED_AFTER.test(text.slice(noun.end, noun.end + 16)) &&
            !JA_NOT_OWN_WORD.test(text.slice(Math.max(0, noun.start - 3), noun.start))) ||
          // a letter stands for the cut-off text before the window: only the draft's own start opens a clause there
          (EN_DENIED_BEFORE.test((noun.start > 40 ? 'x' : '') + text.slice(Math.max(0, noun.start - 40), noun.start)) &&
            EN_DENIED_AFTER.test(text.slice(noun.end, noun.end + 24))),
      );
    found = { denials, answersNo: ANSWERED_NO.test(text) };
    byDraft.set(draft, found);
    return found;
  }
  return (draft: Draft, raws: RawFinding[]): RawFinding[] => {
    const text = draft.text;
    // An FAQ's question answered no ("Will magnesium fix my insomnia? No.", 「ニキビは治りますか？いいえ、…」) asks the claim
    // to deny it.
    const { denials, answersNo } = denialsIn(draft);
    if (answersNo) raws = raws.filter((raw) => !answeredNo(text, raw));
    if (denials.length === 0 || raws.length === 0) return raws;
    const comparisons = unless < 0 ? [] : draft.hits(unless).map((hit) => draft.span(hit));
    return raws.filter((raw) => {
      const sentence = sentenceOf(text, raw);
      const within = (span: Span) => sentence.start <= span.start && span.end <= sentence.end;
      // in the claim's own clause: 「我慢する必要はありません、10kg痩せる」 denies the effort, not the claim
      const isDenied = denials.some(
        (cue) =>
          within(cue) &&
          !CLAUSE_COMMA.test(text.slice(Math.min(cue.end, raw.end), Math.max(cue.start, raw.start))) &&
          (denied.within === undefined || Math.max(cue.start - raw.end, raw.start - cue.end) <= denied.within),
      );
      return !isDenied || comparisons.some(within);
    });
  };
}
