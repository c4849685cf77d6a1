// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { FindingCard } from '../../../components/FindingCard';
import { mostSevere, sharingText } from '../../../components/FindingList';
import type { Finding } from '../../../rules/schema';
import { testFinding } from '../../helpers/finding';
import { componentMounter } from '../../helpers/mount';

const finding = (severity: Finding['severity'], suggestions: string[] = []): Finding =>
  testFinding({
    ruleId: 'brand.name-spelling',
    category: 'brand',
    severity,
    message: 'Spell the brand as its owner does',
    start: 12,
    end: 19,
    excerpt: 'Youtube',
    suggestions,
    manual: { id: 'names', title: 'Names' },
  });
const manual = () => ({ title: 'Product names', body: 'Write **YouTube**, not Youtube.' });

const mount = componentMounter();

const props = {
  manual,
  position: { left: 10, top: 20 },
  onApply: () => undefined,
  onIgnore: () => undefined,
  onClose: () => undefined,
};

describe('the card on an underline', () => {
  it('says severity in words and an icon, the title, the message with the excerpt once, and a button per fix', () => {
    const onApply = vi.fn();
    const el = mount(<FindingCard {...props} finding={finding('warn', ['YouTube', 'YT'])} onApply={onApply} />);
    const card = el.querySelector('[data-preflight="card"]') as HTMLElement;
    expect(card.getAttribute('data-severity')).toBe('warn');
    expect(card.querySelector('.badge')?.textContent?.trim()).toBe('Warning');
    expect(card.querySelector('.badge svg.icon-warn')?.getAttribute('aria-hidden')).toBe('true');
    expect(card.querySelector('.card-title')?.textContent).toBe('Names');
    expect(card.querySelector('.message')?.textContent).toBe('Spell the brand as its owner does “Youtube”');
    const fixes = [...card.querySelectorAll<HTMLButtonElement>('[data-preflight="fix"]')];
    expect(fixes.map((b) => b.textContent)).toEqual(['YouTube', 'YT']);
    // The first fix has focus: Enter applies it.
    expect(document.activeElement).toBe(fixes[0]);
    fixes[1]?.click();
    expect(onApply).toHaveBeenCalledWith('YT');
  });

  it('labels an empty suggestion "Remove", and applies it as an empty replacement', () => {
    const onApply = vi.fn();
    const el = mount(<FindingCard {...props} finding={finding('warn', [''])} onApply={onApply} />);
    const fix = el.querySelector<HTMLButtonElement>('[data-preflight="fix"]')!;
    expect(fix.textContent).toBe('Remove');
    expect(fix.getAttribute('aria-label')).toBe('Remove the flagged words');
    fix.click();
    expect(onApply).toHaveBeenCalledWith('');
  });

  it('opens the rule\'s own manual section on "Why?"', () => {
    const el = mount(<FindingCard {...props} finding={finding('info')} />);
    expect(el.querySelector('.card-manual')).toBeNull();
    act(() => (el.querySelector('.why') as HTMLButtonElement).click());
    expect(el.querySelector('.card-manual h4')?.textContent).toBe('Product names');
    expect(el.querySelector('.card-manual strong')?.textContent).toBe('YouTube');
  });

  it('ignores a warning once only with a reason, and never offers it for a block', () => {
    const onIgnore = vi.fn();
    const el = mount(<FindingCard {...props} finding={finding('warn')} onIgnore={onIgnore} />);
    act(() => (el.querySelector('.ignore') as HTMLButtonElement).click());
    const confirm = el.querySelector('.ignore-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const reason = el.querySelector('.card-ignore textarea') as HTMLTextAreaElement;
    // The button gave way to the form: focus is on the reason, not lost.
    expect(document.activeElement).toBe(reason);
    act(() => {
      reason.value = 'Quoting a customer verbatim';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(confirm.disabled).toBe(false);
    act(() => confirm.click());
    expect(onIgnore).toHaveBeenCalledWith('Quoting a customer verbatim');

    const block = mount(<FindingCard {...props} finding={finding('block')} />);
    expect(block.querySelector('.ignore, .card-ignore')).toBeNull();
  });

  it('closes on Escape', () => {
    const onClose = vi.fn();
    const el = mount(<FindingCard {...props} finding={finding('info', ['YouTube'])} onClose={onClose} />);
    act(() => {
      el.querySelector('[data-preflight="card"]')?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('other findings on the same words', () => {
  const on = (ruleId: string, severity: Finding['severity'], start: number, end: number): Finding =>
    testFinding({ ...finding(severity), ruleId, start, end, manual: { id: ruleId, title: ruleId } });
  const guarantee = on('legal.financial-guarantee', 'warn', 0, 4);
  const guaranteeClass = on('legal.guarantee-claim', 'block', 0, 4);
  const certainProfit = on('legal.certain-profit', 'block', 2, 8);
  const elsewhere = on('brand.name-spelling', 'block', 10, 17);
  const all = [guarantee, guaranteeClass, certainProfit, elsewhere];

  it('are those that share any of its text, the most severe first; the card opens with the most severe', () => {
    expect(sharingText(all, guarantee)).toEqual([guaranteeClass, certainProfit]);
    expect(sharingText(all, elsewhere)).toEqual([]);
    expect(mostSevere([guarantee, guaranteeClass])).toBe(guaranteeClass);
    expect(mostSevere([])).toBeUndefined();
  });

  it('are listed under the message, each a button that opens its own card', () => {
    const onShow = vi.fn();
    const el = mount(<FindingCard {...props} finding={guarantee} others={[guaranteeClass]} onShow={onShow} />);
    const others = el.querySelector('[data-preflight="card-others"]');
    expect(others?.textContent).toContain('Also on these words (1):');
    const button = others?.querySelector<HTMLButtonElement>('.card-other');
    expect(button?.getAttribute('data-rule')).toBe('legal.guarantee-claim');
    expect(button?.textContent).toContain('Block');
    button?.click();
    expect(onShow).toHaveBeenCalledWith(guaranteeClass);
  });

  it('are not mentioned when there are none', () => {
    const el = mount(<FindingCard {...props} finding={guarantee} others={[]} onShow={() => undefined} />);
    expect(el.querySelector('[data-preflight="card-others"]')).toBeNull();
  });
});
