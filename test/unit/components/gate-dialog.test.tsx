// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { GateDialog, PressAgain, tabbable } from '../../../components/GateDialog';
import { Indicator } from '../../../components/Indicator';
import type { Finding } from '../../../rules/schema';
import { testFinding } from '../../helpers/finding';
import { componentMounter } from '../../helpers/mount';

const finding = (severity: Finding['severity'], ruleId = `rule.${severity}`): Finding =>
  testFinding({ severity, ruleId });
const manual = () => ({ title: 'Manual section', body: 'Read **this**. <img src=x onerror="alert(1)">' });

const mount = componentMounter();

describe('the gate dialog', () => {
  it('is an alertdialog that offers only editing when a block is left', () => {
    const onEdit = vi.fn();
    const el = mount(
      <GateDialog
        findings={[finding('block'), finding('warn')]}
        manual={manual}
        allowOverride
        onEdit={onEdit}
        onPostAnyway={vi.fn()}
      />,
    );
    const dialog = el.querySelector('[role="alertdialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(el.querySelector('.post-anyway')).toBeNull();
    expect(el.querySelector('textarea')).toBeNull();
    expect(el.querySelectorAll('[data-rule]')).toHaveLength(2);
    // Sanitising is tested in Chromium (test/e2e/markdown.test.ts): happy-dom's DOM misleads DOMPurify.
    expect(el.querySelector('.markdown img, .markdown [onerror]')).toBeNull();
    (el.querySelector('button.edit') as HTMLButtonElement).click();
    expect(onEdit).toHaveBeenCalledOnce();
  });

  it('opens "Post anyway" for warnings once a reason is typed', () => {
    const onPostAnyway = vi.fn();
    const el = mount(
      <GateDialog
        findings={[finding('warn')]}
        manual={manual}
        allowOverride
        onEdit={vi.fn()}
        onPostAnyway={onPostAnyway}
      />,
    );
    const button = el.querySelector('.post-anyway') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const reason = el.querySelector('textarea') as HTMLTextAreaElement;
    act(() => {
      reason.value = 'ok';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(button.disabled).toBe(true);
    act(() => {
      reason.value = '  Approved by the campaign owner  ';
      reason.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(button.disabled).toBe(false);
    button.click();
    expect(onPostAnyway).toHaveBeenCalledWith('Approved by the campaign owner');
  });

  it('offers no way past warnings when policy turns "Post anyway" off', () => {
    const el = mount(
      <GateDialog
        findings={[finding('warn')]}
        manual={manual}
        allowOverride={false}
        onEdit={vi.fn()}
        onPostAnyway={vi.fn()}
      />,
    );
    expect(el.querySelector('.post-anyway')).toBeNull();
  });

  it('closes on Escape and keeps Tab inside the dialog', () => {
    const onEdit = vi.fn();
    const el = mount(
      <GateDialog findings={[finding('warn')]} manual={manual} allowOverride onEdit={onEdit} onPostAnyway={vi.fn()} />,
    );
    const dialog = el.querySelector('[role="alertdialog"]') as HTMLElement;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), textarea, summary')];
    focusable.at(-1)?.focus();
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    });
    expect(document.activeElement).toBe(focusable[0]);
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onEdit).toHaveBeenCalledOnce();
  });
});

describe('the gate dialog, read and acted on', () => {
  const withLink = () => ({ title: 'Manual section', body: 'See [the guide](https://example.com/guide).' });

  it('cycles Tab through every visible control, never into a closed manual', () => {
    const el = mount(
      <GateDialog
        findings={[finding('warn')]}
        manual={withLink}
        allowOverride
        onEdit={vi.fn()}
        onPostAnyway={vi.fn()}
      />,
    );
    const dialog = el.querySelector('[role="alertdialog"]') as HTMLElement;
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      act(() => {
        dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      });
      const active = document.activeElement as HTMLElement;
      reached.push(active.tagName === 'SUMMARY' ? `summary:${active.parentElement?.className}` : active.tagName);
    }
    // The link inside the closed manual is skipped; the cycle comes back round to the reason.
    expect(reached).not.toContain('A');
    // Focus starts in the reason; "Post anyway" is disabled until one is typed.
    expect(reached).toEqual([
      'BUTTON',
      'summary:manual',
      'summary:rule-details',
      'TEXTAREA',
      'BUTTON',
      'summary:manual',
    ]);
    // Opened, the manual's link is reachable in its place.
    act(() => {
      (el.querySelector('details.manual') as HTMLDetailsElement).open = true;
    });
    expect(tabbable(dialog).map((e) => e.tagName)).toContain('A');
  });

  it('groups by severity with an icon and a word, a short title, and the excerpt once', () => {
    const quoting: Finding = { ...finding('block'), message: '"text" needs its basis', excerpt: 'text' };
    const japanese: Finding = { ...finding('warn'), message: '根拠が必要です', excerpt: '元本保証', start: 5, end: 9 };
    const el = mount(
      <GateDialog
        findings={[quoting, japanese]}
        manual={manual}
        title={(_pack, id) => (id === 'rule.block' ? 'Guarantees' : undefined)}
        allowOverride
        onEdit={vi.fn()}
        onPostAnyway={vi.fn()}
      />,
    );
    const groups = [...el.querySelectorAll('.group h3')].map((h) => h.textContent);
    expect(groups).toEqual([' Block 1', ' Warning 1']);
    // The icon is the extension's own drawing, one shape per severity: no emoji or symbol character,
    // which render as empty boxes on a machine without an emoji font.
    const icons = [...el.querySelectorAll('.group h3 svg')];
    expect(icons.map((icon) => icon.getAttribute('class'))).toEqual(['icon icon-block', 'icon icon-warn']);
    expect(icons.every((icon) => icon.getAttribute('aria-hidden') === 'true')).toBe(true);
    expect(new Set(icons.map((icon) => icon.querySelector('path')?.getAttribute('d'))).size).toBe(2);
    const [first, second] = [...el.querySelectorAll('.finding')];
    expect(first?.querySelector('.finding-title')?.textContent).toBe('Guarantees');
    // The message quotes the match already: it is not shown a second time.
    expect(first?.querySelector('.message')?.textContent).toBe('"text" needs its basis');
    expect(second?.querySelector('.finding-title')?.textContent).toBe('Manual section');
    expect(second?.querySelector('.excerpt')?.textContent).toBe('「元本保証」');
    // Rule ids are there for admins, behind a closed toggle.
    expect(first?.querySelector<HTMLDetailsElement>('details.rule-details')?.open).toBe(false);
    expect(first?.querySelector('details.rule-details code')?.textContent).toBe('rule.block');
  });

  it('offers each suggestion as a fix, and "Apply all" only when every finding has exactly one', () => {
    const onApply = vi.fn();
    const one: Finding = { ...finding('block'), suggestions: ['basis'] };
    const two: Finding = { ...finding('warn'), suggestions: ['a', 'b'], start: 6, end: 8 };
    const el = mount(
      <GateDialog
        findings={[one, two]}
        manual={manual}
        allowOverride
        onEdit={vi.fn()}
        onPostAnyway={vi.fn()}
        onApply={onApply}
      />,
    );
    expect(el.querySelectorAll('[data-preflight="fix"]')).toHaveLength(3);
    expect(el.querySelector('.apply-all')).toBeNull();
    (el.querySelector('[data-preflight="fix"]') as HTMLButtonElement).click();
    expect(onApply).toHaveBeenCalledWith([{ finding: one, suggestion: 'basis' }]);
    const single = mount(
      <GateDialog
        findings={[one]}
        manual={manual}
        allowOverride
        onEdit={vi.fn()}
        onPostAnyway={vi.fn()}
        onApply={onApply}
      />,
    );
    (single.querySelector('.apply-all') as HTMLButtonElement).click();
    expect(onApply).toHaveBeenLastCalledWith([{ finding: one, suggestion: 'basis' }]);
  });
});

describe('the indicator', () => {
  it('is green when clean and shows the count and worst severity otherwise', () => {
    const clean = mount(<Indicator findings={[]} state="ready" quietPeriod={false} onOpen={vi.fn()} />);
    expect(clean.querySelector('.indicator')?.getAttribute('data-severity')).toBe('clean');
    const found = mount(
      <Indicator findings={[finding('info'), finding('warn')]} state="ready" quietPeriod={false} onOpen={vi.fn()} />,
    );
    const indicator = found.querySelector('.indicator');
    expect(indicator?.getAttribute('data-severity')).toBe('warn');
    expect(indicator?.textContent).toContain('2');
    expect(indicator?.getAttribute('aria-label')).toMatch(/2 to review \(Warning\)/);
  });

  it('says so plainly when the quiet period is on, and when checking failed', () => {
    const el = mount(<Indicator findings={[]} state="error" error="packs unavailable" quietPeriod onOpen={vi.fn()} />);
    const indicator = el.querySelector('.indicator');
    expect(indicator?.getAttribute('data-severity')).toBe('error');
    expect(indicator?.getAttribute('aria-label')).toContain('packs unavailable');
    expect(indicator?.textContent).toContain('Quiet period');
  });
});

describe('"Press Post again"', () => {
  it('says the next press publishes, has OK in focus, and closes by OK or Escape', () => {
    const onClose = vi.fn();
    const el = mount(<PressAgain onClose={onClose} />);
    const dialog = el.querySelector('[role="alertdialog"]') as HTMLElement;
    expect(dialog.querySelector('h2')?.textContent).toBe('Press Post again to publish');
    expect(dialog.getAttribute('aria-describedby')).toBe('preflight-press-again-body');
    expect(el.querySelector('#preflight-press-again-body')?.textContent).toContain(
      'Any edit to the draft cancels this',
    );
    const ok = el.querySelector('button.press-again-ok') as HTMLButtonElement;
    expect(document.activeElement).toBe(ok);
    act(() => ok.click());
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('after a press held while the packs loaded: "Checked", or "Not checked" with the reason', () => {
    const held = mount(<PressAgain cause={{ kind: 'held' }} onClose={vi.fn()} />);
    expect(held.querySelector('h2')?.textContent).toBe('Checked — press Post again');
    expect(held.querySelector('[data-cause]')?.getAttribute('data-cause')).toBe('held');
    const unchecked = mount(
      <PressAgain cause={{ kind: 'unchecked', failure: 'the rule packs did not load in time' }} onClose={vi.fn()} />,
    );
    expect(unchecked.querySelector('h2')?.textContent).toBe('Not checked — press Post again to publish');
    expect(unchecked.querySelector('#preflight-press-again-body')?.textContent).toContain(
      '(the rule packs did not load in time)',
    );
  });
});

describe('stable attributes for tests and admins’ scripts', () => {
  it('names the badge, the gate, and each fix in the gate with data-preflight', () => {
    const badge = mount(<Indicator findings={[finding('warn')]} state="ready" quietPeriod={false} onOpen={vi.fn()} />);
    expect(badge.querySelector('[data-preflight="badge"]')?.getAttribute('data-severity')).toBe('warn');
    const dialog = mount(
      <GateDialog
        findings={[{ ...finding('warn'), suggestions: ['better'] }]}
        manual={manual}
        allowOverride
        onEdit={vi.fn()}
        onPostAnyway={vi.fn()}
        onApply={vi.fn()}
      />,
    );
    const gate = dialog.querySelector('[data-preflight="gate"]');
    expect(gate?.getAttribute('role')).toBe('alertdialog');
    expect(gate?.querySelector('[data-preflight="fix"]')?.textContent).toBe('better');
  });
});
