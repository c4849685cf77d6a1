/**
 * The extension's own icons, drawn inline: an emoji or a symbol character depends on the machine's
 * fonts (without an emoji font they render as empty boxes) and on the page's CSS; a path does not.
 * Icons are decorative (aria-hidden): the words next to them, or the control's label, are what is read.
 */
import type { Severity } from '../rules/schema';

export type IconName = Severity | 'profile' | 'quiet' | 'lock';

/** 16×16 shapes, distinct without colour: octagon with a bar, triangle with "!", circle with "i". */
const PATHS: Record<IconName, string> = {
  block: 'M5 1h6l4 4v6l-4 4H5l-4-4V5zm-1 6v2h8V7z',
  warn: 'M8 1l7.5 13.5H.5zm-1 4.5v4.5h2V5.5zm0 5.5v2h2v-2z',
  info: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1zm-1 6v5h2V7zm0-3v2h2V4z',
  profile: 'M8 1.5a3.25 3.25 0 1 1 0 6.5 3.25 3.25 0 0 1 0-6.5zM1.5 15c0-3.6 2.9-5.5 6.5-5.5s6.5 1.9 6.5 5.5z',
  // A bell, crossed out (the slash cuts through it: even-odd fill).
  quiet:
    'M8 1.5c-2.4 0-4 1.8-4 4.3V9l-1.5 2.5h11L12 9V5.8c0-2.5-1.6-4.3-4-4.3zM6.2 12.5h3.6a1.8 1.8 0 0 1-3.6 0zM1.3 2.4l1.1-1.1 12.3 12.3-1.1 1.1z',
  lock: 'M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7zm2 0h4V5a2 2 0 0 0-4 0z',
};

export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  return (
    <svg
      class={`icon icon-${name}${className ? ` ${className}` : ''}`}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      <path d={PATHS[name]} fill-rule="evenodd" />
    </svg>
  );
}
