import { describe, expect, it } from 'vitest';
import { compilePacks } from '../../../rules/index';
import { check, testPack } from '../../helpers/pack';

const links = {
  id: 'links',
  kind: 'links',
  message: 'link {match}',
  insecure: true,
  shorteners: ['bit.ly', 'tinyurl.com'],
  forbiddenDomains: ['rival-shop.com'],
  tracking: { domains: ['shop.example.com'], params: ['utm_source', 'utm_medium'] },
  messages: { insecure: 'not https: {match}', shortener: 'shortened: {domain}', tracking: 'missing {missing}' },
};
const messages = (text: string) => check([links], text).map((f) => f.message);

describe('links', () => {
  it('flags plain http, shorteners and forbidden domains', () => {
    expect(messages('Details: http://example.com/campaign')).toEqual(['not https: http://example.com/campaign']);
    expect(messages('See https://bit.ly/3xYz')).toEqual(['shortened: bit.ly']);
    expect(messages('vs www.rival-shop.com/deal')).toEqual(['link www.rival-shop.com/deal']);
  });

  it('asks for tracking parameters on the brand’s own domain only', () => {
    expect(messages('https://shop.example.com/spring?utm_source=x')).toEqual(['missing utm_medium']);
    expect(messages('https://shop.example.com/spring?utm_source=x&utm_medium=social')).toEqual([]);
    expect(messages('Details: https://example.com/campaign')).toEqual([]);
  });

  it('finds links without a scheme, as the platforms do', () => {
    expect(messages('see bit.ly/abc')).toEqual(['shortened: bit.ly']);
  });

  it('says of a URL it has judged before, anywhere in a later draft, what it says of it the first time', () => {
    const remembering = compilePacks([testPack([links])]);
    const drafts = [
      'Spring: https://shop.example.com/spring and bit.ly/abc',
      'bit.ly/abc first, then https://shop.example.com/spring?utm_source=x, http://shop.example.com/spring',
      'Again https://shop.example.com/spring and http://shop.example.com/spring and www.rival-shop.com/deal',
    ];
    for (const draft of [...drafts, ...drafts.reverse()])
      expect(remembering.check(draft)).toEqual(check([links], draft));
  });
});
