import { describe, expect, it } from 'vitest';
import { luhnValid, myNumberValid } from '../../../rules/kinds/pii';
import { check } from '../../helpers/pack';

const pii = (detect: string[], extra: Record<string, unknown> = {}) => ({
  id: 'pii',
  kind: 'pii',
  category: 'privacy',
  message: '{detector}: {match}',
  detect,
  ...extra,
});
const found = (detect: string[], text: string, extra: Record<string, unknown> = {}) =>
  check([pii(detect, extra)], text).map((f) => f.message);

describe('pii', () => {
  it('checks Luhn and My Number check digits', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(myNumberValid('123456789018')).toBe(true);
    expect(myNumberValid('983205673214')).toBe(true);
    expect(myNumberValid('123456789012')).toBe(false);
  });

  it('finds e-mail addresses except the pack’s own', () => {
    const allow = { allow: ['support@example.co.jp', 'example.com'] };
    expect(found(['email'], 'Contact tanaka.hanako@gmail.com for details', allow)).toEqual([
      'email: tanaka.hanako@gmail.com',
    ]);
    expect(found(['email'], 'お問い合わせは support@example.co.jp まで', allow)).toEqual([]);
    expect(found(['email'], 'Write to press@example.com or help@shop.example.com', allow)).toEqual([]);
    expect(found(['email'], 'ｔａｎａｋａ＠ｇｍａｉｌ．ｃｏｍ')).toEqual(['email: ｔａｎａｋａ＠ｇｍａｉｌ．ｃｏｍ']);
    expect(found(['email'], 'Mail support@partner.example.org', { allow: ['support@*'] })).toEqual([]);
  });

  it('finds personal phone numbers in Japanese and international formats', () => {
    expect(found(['phone'], '担当の携帯 090-1234-5678 までどうぞ')).toEqual(['phone: 090-1234-5678']);
    expect(found(['phone'], '携帯０９０ー１２３４ー５６７８')).toEqual(['phone: ０９０ー１２３４ー５６７８']);
    expect(found(['phone'], 'Call +81 90 1234 5678 now')).toEqual(['phone: +81 90 1234 5678']);
    expect(found(['phone'], 'Call me on +44 7911 123456')).toEqual(['phone: +44 7911 123456']);
    expect(found(['phone'], 'My cell is (415) 555-0123')).toEqual(['phone: (415) 555-0123']);
    expect(found(['phone'], '店舗 03-1234-5678')).toEqual(['phone: 03-1234-5678']);
  });

  it('lets business numbers and allow-listed numbers through', () => {
    expect(found(['phone'], 'ご予約は 0120-123-456 まで')).toEqual([]);
    expect(found(['phone'], 'ナビダイヤル 0570-000-123')).toEqual([]);
    expect(found(['phone'], 'Call 1-800-555-0199 any time')).toEqual([]);
    expect(found(['phone'], '店舗 03-1234-5678', { allow: ['03-1234-5678'] })).toEqual([]);
    expect(found(['phone'], '店舗 03-1234-5678', { allow: ['+81 3 1234 5678'] })).toEqual([]);
    expect(found(['phone'], 'Call (202) 555-0100', { allow: ['+1-202-555-0100'] })).toEqual([]);
    expect(found(['phone'], 'Call (202) 555-0199', { allow: ['+1-202-555-0100'] })).toEqual(['phone: (202) 555-0199']);
    expect(found(['phone'], 'Order 2025061234567 shipped')).toEqual([]);
    // UK freephone helplines are grouped 0808 …; the same digits grouped as a Japanese mobile are one.
    expect(found(['phone'], 'National Domestic Abuse Helpline: 0808 2000 247')).toEqual([]);
    expect(found(['phone'], 'Call Rape Crisis on 0808 500 2222, day or night.')).toEqual([]);
    expect(found(['phone'], '担当の携帯 080-8500-2222 まで')).toEqual(['phone: 080-8500-2222']);
  });

  it('lets a number in an SMS keyword call to action through, not a number someone is told to text', () => {
    expect(found(['phone'], 'if yk what portal he just stepped thru text "BUILD" to +17079324826')).toEqual([]);
    expect(found(['phone'], 'Text JOIN to (415) 555-0123 for weekly deals')).toEqual([]);
    expect(found(['phone'], 'Reply “STOP” to +1 415 555 0123 to opt out')).toEqual([]);
    expect(check([pii(['phone'])], 'Text me to (415) 555-0123 tonight').map((f) => [f.start, f.end])).toEqual([
      [11, 25],
    ]);
    expect(found(['phone'], 'Text our manager directly at +1 415 555 2671.')).toEqual(['phone: +1 415 555 2671']);
    expect(found(['phone'], 'Text BUILD to our manager: +1 415 555 2671')).toEqual(['phone: +1 415 555 2671']);
  });

  it('finds Luhn-valid card numbers but not tracking numbers', () => {
    expect(found(['payment-card'], 'カード番号 4111 1111 1111 1111 で決済できません')).toEqual([
      'payment-card: 4111 1111 1111 1111',
    ]);
    expect(found(['payment-card'], 'card 4111-1111-1111-1112')).toEqual([]);
    expect(found(['payment-card'], '追跡番号 4111 1111 1111 1111')).toEqual([]);
  });

  it('finds My Numbers with a valid check digit only', () => {
    expect(found(['my-number'], 'マイナンバーは 1234 5678 9018 です')).toEqual(['my-number: 1234 5678 9018']);
    expect(found(['my-number'], '会員番号 123456789012')).toEqual([]);
    expect(found(['my-number'], '法人番号 1234567890123')).toEqual([]);
  });

  it('finds confidentiality markers and credentials', () => {
    expect(found(['confidential'], '【社外秘】来期の新商品ラインナップ')).toEqual(['confidential: 社外秘']);
    expect(found(['confidential'], 'CONFIDENTIAL: Q3 numbers')).toEqual(['confidential: CONFIDENTIAL:']);
    expect(found(['confidential'], 'We keep your details confidential.')).toEqual([]);
    expect(found(['confidential'], 'Codename Falcon', { markers: ['falcon'] })).toEqual(['confidential: Falcon']);
    expect(found(['credential'], '管理画面のパスワード: Adm1n!2025')).toEqual([
      'credential: 管理画面のパスワード: Adm1n!2025',
    ]);
    expect(found(['credential'], 'key AKIAABCDEFGHIJKLMNOP')).toEqual(['credential: AKIAABCDEFGHIJKLMNOP']);
    expect(found(['credential'], 'Wi-Fiのご案内は店内POPをご覧ください')).toEqual([]);
  });
});
