/**
 * Where a composer's badge goes, and whether the composer can be seen at all. The badge sits at the
 * composer's top-right, outside its text: in its top padding when the badge fits there, else just
 * above its top edge, else just right of it; never over the publish controls. A composer under a
 * site's modal or overlay shows no badge and no boxes until it is uncovered.
 */
import type { Box } from './overlay';

/** Between the badge and the composer's edge, and between the badge and a control it moves away from. */
const GAP = 2;
/** A badge's size before it was drawn once (a dot and a count); only used to choose a place. */
export const BADGE_ESTIMATE = { width: 44, height: 24 } as const;

export interface BadgeInput {
  /** The composer's border box, in viewport pixels. */
  composer: Box;
  /** The composer's top border and padding: room above its first line of text. */
  insetTop: number;
  badge: { width: number; height: number };
  /** The publish controls (and anything else the badge must not cover). */
  avoid: readonly Box[];
  viewport: { width: number; height: number };
}

/** The badge's top-left corner, in viewport pixels, for a badge of the width it was given. */
export interface BadgePlace {
  left: number;
  top: number;
  where: 'padding' | 'above' | 'beside' | 'clamped';
}

/**
 * Where to pin the badge so that its place holds whatever its drawn width (a first draw uses an
 * estimate): by its right edge, except beside the composer, where its left edge is what keeps it off.
 */
export function pinned(place: BadgePlace, width: number): { x: number; top: number; fromRight: boolean } {
  const fromRight = place.where !== 'beside';
  return { x: fromRight ? place.left + width : place.left, top: place.top, fromRight };
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

/** Move a badge left, past every control it would cover (controls sit at a composer's right). */
function clear(place: BadgePlace, size: BadgeInput['badge'], avoid: readonly Box[]): BadgePlace {
  let { left } = place;
  for (let moved = true, rounds = 0; moved && rounds < avoid.length; rounds++) {
    moved = false;
    for (const box of avoid) {
      if (overlaps({ left, top: place.top, ...size }, box)) {
        left = box.left - GAP - size.width;
        moved = true;
      }
    }
  }
  return { ...place, left };
}

export function badgePlace({ composer, insetTop, badge, avoid, viewport }: BadgeInput): BadgePlace {
  const right = composer.left + composer.width;
  const left = Math.max(0, Math.min(right, viewport.width) - badge.width - GAP);
  const candidates: BadgePlace[] = [];
  if (insetTop >= badge.height + GAP) candidates.push({ left, top: composer.top + GAP / 2, where: 'padding' });
  const above = composer.top - badge.height - GAP;
  if (above >= 0) candidates.push({ left, top: above, where: 'above' });
  if (right + GAP + badge.width <= viewport.width && composer.top >= 0)
    candidates.push({ left: right + GAP, top: composer.top, where: 'beside' });
  for (const candidate of candidates) {
    const placed = clear(candidate, badge, avoid);
    // Moved left past a control is fine only where that keeps the badge off the text (above it).
    if (placed.left === candidate.left || (placed.where === 'above' && placed.left >= 0)) return placed;
  }
  // The composer's top is scrolled out of view and nothing is free at its right: the top of the viewport.
  return clear({ left, top: Math.max(0, above), where: 'clamped' }, badge, avoid);
}

/** Points of a box to test for cover: its centre and four points half-way to its corners. */
export function samplePoints(box: Box): { x: number; y: number }[] {
  const at = (fx: number, fy: number) => ({ x: box.left + box.width * fx, y: box.top + box.height * fy });
  return [at(0.5, 0.5), at(0.25, 0.25), at(0.75, 0.25), at(0.25, 0.75), at(0.75, 0.75)];
}

/** `node`'s parent, across a shadow root's boundary to its host. */
const composedParent = (node: Node): Node | null =>
  node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;

function composedContains(outer: Node, inner: Node): boolean {
  for (let node: Node | null = inner; node; node = composedParent(node)) if (node === outer) return true;
  return false;
}

/**
 * Whether something else of the page lies over every sampled point of the composer's visible box (a
 * site's modal and its backdrop). What is over a point counts as the composer's own when it is in the
 * composer, holds it (a shadow root's host), or is in `own` (the composer's container: its placeholder
 * and toolbar). Preflight's layer (`ignore`) is looked through. A box out of view is not "covered".
 */
export function isCovered(composer: HTMLElement, visible: Box, own: Element | null, ignore: Element | null): boolean {
  const doc = composer.ownerDocument;
  if (visible.width <= 0 || visible.height <= 0 || typeof doc.elementsFromPoint !== 'function') return false;
  return samplePoints(visible).every(({ x, y }) => {
    const top = doc.elementsFromPoint(x, y).find((element) => element !== ignore);
    if (!top) return false;
    return !(composedContains(top, composer) || composedContains(composer, top) || (own && composedContains(own, top)));
  });
}
