/**
 * Inflection: a pack author writes a lemma (治る, 改善する, 高い, cure, lose weight) and the engine
 * matches its forms, expanded once at compile time into the automaton.
 *
 * Japanese: godan and ichidan verbs, する and 来る compounds and i-adjectives by their conjugation
 * rules; a verb also brings its transitive or intransitive twin (治る and 治す, 下がる and 下げる),
 * since a claim says either. Negative forms are not listed: 治らない matches as 治ら, and the
 * ない after it stays visible to negation cues. English: the first word of a term takes its
 * regular forms (cures, cured, curing), or those of an irregular verb (lose: lost).
 */

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]$/u;
const HAS_KANJI = /\p{Script=Han}/u;

export function inflect(lemma: string): string[] {
  const forms = JAPANESE.test(lemma)
    ? [...new Set(twins(lemma).flatMap(japaneseForms))]
    : /[A-Za-z]$/.test(lemma)
      ? englishForms(lemma)
      : [lemma];
  // Kana-only forms of one or two characters (きか, きけ) would match inside unrelated words.
  return HAS_KANJI.test(lemma) ? forms : forms.filter((form) => form === lemma || form.length >= 3);
}

// Godan rows: the a, i, e and o sounds of each dictionary ending, then the te-form stem and its て/で.
const GODAN: Record<string, [string, string, string, string, string, string]> = {
  う: ['わ', 'い', 'え', 'お', 'っ', 'て'],
  く: ['か', 'き', 'け', 'こ', 'い', 'て'],
  ぐ: ['が', 'ぎ', 'げ', 'ご', 'い', 'で'],
  す: ['さ', 'し', 'せ', 'そ', 'し', 'て'],
  つ: ['た', 'ち', 'て', 'と', 'っ', 'て'],
  ぬ: ['な', 'に', 'ね', 'の', 'ん', 'で'],
  ぶ: ['ば', 'び', 'べ', 'ぼ', 'ん', 'で'],
  む: ['ま', 'み', 'め', 'も', 'ん', 'で'],
  る: ['ら', 'り', 'れ', 'ろ', 'っ', 'て'],
};
const E_OR_I_ROW = /[いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ]$/;
/** Verbs in kanji + る that are ichidan (見る, 出来る is a 来る compound). The rest are godan (治る, 減る). */
const ICHIDAN_KANJI = new Set([...'見着寝出居得似煮干経射鋳']);
/** Kana lemmas whose e/i sound before る is godan all the same. */
const GODAN_EXCEPTIONS = new Set([
  'かえる',
  'はいる',
  'しる',
  'きる',
  'へる',
  'はしる',
  'しゃべる',
  'すべる',
  'かぎる',
  'まじる',
  'ける',
  'ちる',
  'にぎる',
  'あせる',
]);
/** Na-adjectives that end in い, not conjugated as i-adjectives. */
const NOT_I_ADJECTIVES = new Set(['きれい', 'きらい', '嫌い', 'ない']);

function japaneseForms(lemma: string): string[] {
  if (lemma.length >= 3 && lemma.endsWith('する')) return suru(lemma.slice(0, -2));
  if (lemma.endsWith('来る')) {
    const stem = lemma.slice(0, -1);
    return [lemma, stem, ...['た', 'て', 'ます', 'ました', 'れば', 'られる', 'よう'].map((end) => stem + end)];
  }
  if (lemma === 'くる' || /[てで]くる$/.test(lemma)) {
    const stem = lemma.slice(0, -2);
    return [
      lemma,
      ...['き', 'きた', 'きて', 'きます', 'きました', 'くれば', 'こよう', 'こられる'].map((end) => stem + end),
    ];
  }
  if (lemma.endsWith('い') && lemma.length >= 2) return adjective(lemma);
  const last = lemma.slice(-1);
  const before = lemma.slice(-2, -1);
  if (last === 'る' && before) {
    const kanjiStem = HAS_KANJI.test(before);
    const ichidan = kanjiStem ? ICHIDAN_KANJI.has(before) : E_OR_I_ROW.test(before) && !GODAN_EXCEPTIONS.has(lemma);
    if (ichidan) return ichidanForms(lemma.slice(0, -1));
  }
  const row = GODAN[last];
  return row && lemma.length >= 2 ? godan(lemma.slice(0, -1), row, lemma) : [lemma];
}

function godan(stem: string, [a, i, e, o, te, t]: (typeof GODAN)[string], lemma: string): string[] {
  // 行く is the one godan verb whose te-form does not follow its row: 行って.
  const teStem = lemma.endsWith('行く') || lemma === 'いく' ? 'っ' : te;
  const past = t === 'て' ? 'た' : 'だ';
  return [
    lemma,
    stem + a,
    stem + i,
    `${stem + i}ます`,
    `${stem + i}ました`,
    `${stem + i}たい`,
    stem + e,
    `${stem + e}る`,
    `${stem + e}ば`,
    `${stem + o}う`,
    stem + teStem + t,
    stem + teStem + past,
    // The colloquial perfective 〜ちゃう/〜じゃう and its forms (治っちゃった, 飲んじゃいます).
    stem + teStem + (t === 'て' ? 'ちゃ' : 'じゃ'),
  ];
}

function ichidanForms(stem: string): string[] {
  const ends = ['る', 'た', 'て', 'ます', 'ました', 'れば', 'られる', 'させる', 'よう', 'たい'];
  // A one-kanji stem (見) alone would match everywhere; a longer one (消え) covers every form.
  return [...(stem.length >= 2 ? [stem] : []), ...ends.map((end) => stem + end)];
}

function suru(stem: string): string[] {
  const ends = [
    'する',
    'し',
    'した',
    'して',
    'します',
    'しました',
    'しよう',
    'すれば',
    'され',
    'される',
    'させ',
    'させる',
    'でき',
    'できる',
    'できます',
  ];
  // The bare noun is a claim too: 「アトピーが改善」.
  return [...(stem.length >= 2 ? [stem] : []), ...ends.map((end) => stem + end)];
}

function adjective(lemma: string): string[] {
  const before = lemma.slice(-2, -1);
  if (NOT_I_ADJECTIVES.has(lemma) || /[えけげせぜてでねへべぺめれ]/.test(before)) return [lemma];
  // いい conjugates as よい (よく, よかった).
  const stem = lemma.endsWith('いい') ? `${lemma.slice(0, -2)}よ` : lemma.slice(0, -1);
  return [lemma, ...['く', 'くて', 'くなる', 'かった', 'ければ', 'かろう'].map((end) => stem + end)];
}

/** Transitive and intransitive twins: a claim says 治る or 治す, 下がる or 下げる. */
const TWINS: [string, string][] = [
  ['治る', '治す'],
  ['直る', '直す'],
  ['下がる', '下げる'],
  ['上がる', '上げる'],
  ['消える', '消す'],
  ['減る', '減らす'],
  ['増える', '増やす'],
  ['落ちる', '落とす'],
  ['変わる', '変える'],
  ['止まる', '止める'],
  ['治まる', '治める'],
  ['収まる', '収める'],
  ['改まる', '改める'],
  ['整う', '整える'],
  ['広がる', '広げる'],
  ['無くなる', '無くす'],
  ['なくなる', 'なくす'],
  ['締まる', '締める'],
  ['溶ける', '溶かす'],
  ['燃える', '燃やす'],
  ['生える', '生やす'],
  ['伸びる', '伸ばす'],
  ['縮む', '縮める'],
  ['薄まる', '薄める'],
  ['弱まる', '弱める'],
  ['強まる', '強める'],
  ['高まる', '高める'],
  ['和らぐ', '和らげる'],
  ['癒える', '癒やす'],
  ['儲かる', '儲ける'],
  ['助かる', '助ける'],
  ['固まる', '固める'],
  ['温まる', '温める'],
  ['冷える', '冷やす'],
];

function twins(lemma: string): string[] {
  for (const pair of TWINS) {
    for (const [own, other] of [pair, [pair[1], pair[0]]]) {
      if (lemma.endsWith(own!)) return [lemma, lemma.slice(0, -own!.length) + other];
    }
  }
  return [lemma];
}

/** Irregular English verbs: every form beside the base. */
const IRREGULAR: Record<string, string> = Object.fromEntries(
  [
    'be is am are was were been being',
    'have has had having',
    'do does did done doing',
    'go goes went gone going',
    'get gets got gotten getting',
    'make makes made making',
    'take takes took taken taking',
    'give gives gave given giving',
    'see sees saw seen seeing',
    'come comes came coming',
    'become becomes became becoming',
    'grow grows grew grown growing',
    'lose loses lost losing',
    'win wins won winning',
    'beat beats beaten beating',
    'fight fights fought fighting',
    'sell sells sold selling',
    'buy buys bought buying',
    'pay pays paid paying',
    'bring brings brought bringing',
    'think thinks thought thinking',
    'feel feels felt feeling',
    'keep keeps kept keeping',
    'find finds found finding',
    'hold holds held holding',
    'leave leaves left leaving',
    'let lets letting',
    'put puts putting',
    'run runs ran running',
    'say says said saying',
    'send sends sent sending',
    'set sets setting',
    'show shows showed shown showing',
    'shrink shrinks shrank shrunk shrinking',
    'sleep sleeps slept sleeping',
    'spend spends spent spending',
    'stand stands stood standing',
    'teach teaches taught teaching',
    'tell tells told telling',
    'wake wakes woke woken waking',
    'wear wears wore worn wearing',
    'write writes wrote written writing',
    'eat eats ate eaten eating',
    'fall falls fell fallen falling',
    'freeze freezes froze frozen freezing',
    'hide hides hid hidden hiding',
    'rise rises rose risen rising',
    'shed sheds shedding',
    'burn burns burned burnt burning',
    'cut cuts cutting',
    'hit hits hitting',
    'quit quits quitting',
    'rid rids ridding',
    'spread spreads spreading',
    'break breaks broke broken breaking',
    'choose chooses chose chosen choosing',
    'forget forgets forgot forgotten forgetting',
    'know knows knew known knowing',
    'throw throws threw thrown throwing',
    'fly flies flew flown flying',
    'draw draws drew drawn drawing',
    'begin begins began begun beginning',
    'sink sinks sank sunk sinking',
    'seek seeks sought seeking',
    'mean means meant meaning',
    'meet meets met meeting',
    'build builds built building',
    'feed feeds fed feeding',
    'light lights lit lighted lighting',
    'strike strikes struck striking',
    'undo undoes undid undone undoing',
    'rebuild rebuilds rebuilt rebuilding',
    'overcome overcomes overcame overcoming',
  ].map((line) => {
    const [base, ...forms] = line.split(' ');
    return [base!, forms.join(' ')];
  }),
);
/** Verbs of more than one syllable that double their last consonant (occurred, controlling). */
const DOUBLES = new Set([
  'occur',
  'refer',
  'prefer',
  'admit',
  'commit',
  'control',
  'regret',
  'transfer',
  'compel',
  'propel',
  'expel',
  'omit',
  'permit',
  'submit',
  'upset',
  'equip',
  'outrun',
]);

function englishForms(term: string): string[] {
  const [head, ...rest] = term.split(' ');
  const word = head!.toLowerCase();
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : '';
  const irregular = IRREGULAR[word];
  const forms = irregular ? irregular.split(' ') : regular(word);
  return [term, ...forms.map((form) => form + tail)];
}

function regular(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < 2) return [];
  const consonantY = /[^aeiou]y$/.test(word);
  const third = /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : consonantY ? `${word.slice(0, -1)}ies` : `${word}s`;
  // One vowel then one consonant at the end of one syllable (stop, slim), or a listed stress-final verb.
  const doubled =
    /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(word.replace(/^qu/, 'q')) || DOUBLES.has(word)
      ? word + word.slice(-1)
      : undefined;
  let past: string;
  let ing: string;
  if (word.endsWith('ie')) {
    past = `${word}d`;
    ing = `${word.slice(0, -2)}ying`;
  } else if (/(ee|ye|oe)$/.test(word)) {
    past = `${word}d`;
    ing = `${word}ing`;
  } else if (word.endsWith('e')) {
    past = `${word}d`;
    ing = `${word.slice(0, -1)}ing`;
  } else if (consonantY) {
    past = `${word.slice(0, -1)}ied`;
    ing = `${word}ing`;
  } else if (doubled) {
    past = `${doubled}ed`;
    ing = `${doubled}ing`;
  } else {
    past = `${word}ed`;
    ing = `${word}ing`;
  }
  return [third, past, ing];
}
