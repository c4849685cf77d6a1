/** Rendering Preact components into happy-dom's document for a test; each is unmounted and removed after it. */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

/** Call once per test file: returns `mount`, whose roots go after each test. */
export function componentMounter(): (node: ComponentChild) => HTMLElement {
  const roots: HTMLElement[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) {
      act(() => render(null, root));
      root.remove();
    }
  });
  return (node) => {
    const root = document.createElement('div');
    roots.push(root);
    document.body.append(root);
    act(() => render(node, root));
    return root;
  };
}
