// @vitest-environment happy-dom
/**
 * A composer's lifetime: it lets go of the page (listeners, observer, pending check) when the content
 * script's own lifetime ends, as it does when the extension is updated while the page stays open.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Composer, type ComposerHost } from '../../../entrypoints/content/composer';
import type { EngineHost } from '../../../entrypoints/content/engine';
import { defineAdapter } from '../../../entrypoints/content/platforms/types';

const adapter = defineAdapter({
  id: 'mastodon',
  matches: ['https://mastodon.social/*'],
  composers: ['textarea'],
  publish: ['button[type="submit"]'],
  container: ['form'],
  submitKeys: [],
});

function setUp(signal: AbortSignal) {
  const check = vi.fn(() => []);
  const engine = { ready: true, error: undefined, generation: 1, check } as unknown as EngineHost;
  const changed = vi.fn();
  const host: ComposerHost = { engine, highlights: undefined, changed, signal };
  const element = document.createElement('textarea');
  document.body.append(element);
  return { composer: new Composer(element, adapter, host), element, check, changed };
}

describe('Composer lifetime', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('checks typing while the content script lives, and stops once its lifetime ends', () => {
    vi.useFakeTimers();
    const lifetime = new AbortController();
    const { element, check } = setUp(lifetime.signal);
    vi.runAllTimers();
    const first = check.mock.calls.length;
    expect(first).toBe(1);

    element.value = 'hello';
    element.dispatchEvent(new Event('input'));
    vi.runAllTimers();
    expect(check.mock.calls.length).toBe(first + 1);

    element.value = 'hello again';
    element.dispatchEvent(new Event('input'));
    lifetime.abort();
    vi.runAllTimers();
    element.dispatchEvent(new Event('input'));
    vi.runAllTimers();
    expect(check.mock.calls.length).toBe(first + 1);
  });

  it('never starts when created after the lifetime ended', () => {
    vi.useFakeTimers();
    const lifetime = new AbortController();
    lifetime.abort();
    const { element, check, changed } = setUp(lifetime.signal);
    element.dispatchEvent(new Event('input'));
    vi.runAllTimers();
    expect(check).not.toHaveBeenCalled();
    expect(changed).not.toHaveBeenCalled();
  });
});
