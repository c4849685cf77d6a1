// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GateDialog } from '../../../components/GateDialog';
import { Indicator } from '../../../components/Indicator';
import type { Finding } from '../../../rules/schema';

const finding = (severity: Finding['severity'], ruleId = `rule.${severity}`): Finding => ({
  ruleId,
  pack: 'p',
  set: 's',
  category: 'risk',
  severity,
  message: `A ${severity} problem`,
  start: 0,
  end: 4,
  excerpt: 'text',
  suggestions: [],
  manual: { id: 'm', title: 'Manual section' },
});
const manual = () => ({ title: 'Manual section', body: 'Read **this**. <img src=x onerror="alert(1)">' });

let root: HTMLElement;
function mount(node: preact.ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
afterEach(() => {
  act(() => render(null, root));
  root.remove();
});

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

describe('the indicator', () => {
  it('is green when clean and shows the count and worst severity otherwise', () => {
    const clean = mount(<Indicator findings={[]} state="ready" quietPeriod={false} onOpen={vi.fn()} />);
    expect(clean.querySelector('.indicator')?.getAttribute('data-severity')).toBe('clean');
    act(() =>
      render(
        <Indicator findings={[finding('info'), finding('warn')]} state="ready" quietPeriod={false} onOpen={vi.fn()} />,
        root,
      ),
    );
    const indicator = root.querySelector('.indicator');
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
