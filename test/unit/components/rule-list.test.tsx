// @vitest-environment happy-dom
/** The options page’s rule list: what each rule shows, and what it leaves for later. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPackFrom } from '../../../cli/pack-source';
import { RuleList } from '../../../components/RuleList';

const pack = loadPackFrom('rules/packs/default');
const rule = pack.rules.find((r) => r.id === 'legal.financial-guarantee')!;
const section = pack.manual.find((s) => s.id === rule.manual)!;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a rule in the options page’s list', () => {
  it('renders its manual section only once the operator opens it, and keeps it', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    act(() => {
      render(
        <RuleList pack={pack} rules={[rule]} overrides={{}} locked={[]} locale="en" onOverride={() => {}} />,
        host,
      );
    });
    const details = host.querySelector('details.manual') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toContain(
      typeof section.title === 'string' ? section.title : section.title.en,
    );
    expect(details.querySelector('.markdown, p, ul, ol, table')).toBeNull();
    const toggle = (open: boolean) =>
      act(() => {
        details.open = open;
        details.dispatchEvent(new Event('toggle'));
      });
    toggle(true);
    const rendered = details.children.length;
    expect(rendered).toBeGreaterThan(1);
    expect(details.textContent?.length).toBeGreaterThan(40);
    toggle(false);
    expect(details.children.length).toBe(rendered);
  });
});
