import { describe, expect, it } from 'vitest';
import { check } from '../../helpers/pack';

const hostile = {
  id: 'tone',
  kind: 'tone',
  message: 'score {score} ≥ {threshold}: {words}',
  threshold: 4,
  exclamationWeight: 0.5,
  lexicon: [
    { term: 'stupid', weight: 3 },
    { term: 'obviously you', weight: 2 },
    { term: 'learn to read', weight: 3 },
    { term: 'バカ', weight: 3 },
    { term: '文句があるなら', weight: 3 },
    { term: '買わなければいい', weight: 2 },
    { term: 'sorry', weight: -2 },
    { term: '申し訳ありません', weight: -2 },
  ],
};

describe('tone', () => {
  it('flags an angry reply with its score and the words behind it', () => {
    const [finding] = check([hostile], "@sam Obviously you didn't read the manual. Stupid question.");
    expect(finding?.message).toBe('score 5 ≥ 4: Obviously you, Stupid');
    expect(finding?.start).toBe(5);
  });

  it('flags Japanese contempt', () => {
    expect(check([hostile], '@tanaka 文句があるなら買わなければいいのでは？')).toHaveLength(1);
  });

  it('lets a calm apology through, even with one harsh word', () => {
    expect(check([hostile], '@tanaka ご不便をおかけし申し訳ありません。詳しい状況をDMで伺えますか？')).toEqual([]);
    expect(check([hostile], "Sorry, that was a stupid bug on our side — it's fixed now.")).toEqual([]);
  });

  it('adds shouting to the score', () => {
    expect(check([hostile], 'Stupid!!!!')).toHaveLength(1);
    expect(check([hostile], 'Stupid!')).toEqual([]);
  });
});
