// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { BADGE_ESTIMATE, badgePlace, isCovered, pinned, samplePoints } from '../../../entrypoints/content/placement';

const viewport = { width: 1100, height: 760 };
const badge = { width: 60, height: 24 };
const composer = { left: 100, top: 200, width: 500, height: 120 };
const overlaps = (a: { left: number; top: number; width: number; height: number }, b: typeof a) =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

describe('badgePlace', () => {
  it('puts the badge just above the top-right edge when the padding has no room', () => {
    const place = badgePlace({ composer, insetTop: 4, badge, avoid: [], viewport });
    expect(place.where).toBe('above');
    expect(place.top + badge.height).toBeLessThanOrEqual(composer.top);
    expect(place.left + badge.width).toBeLessThanOrEqual(composer.left + composer.width);
    expect(place.left + badge.width).toBeGreaterThan(composer.left + composer.width - 8);
  });

  it('uses the top padding when the badge fits in it, never reaching the first line', () => {
    const place = badgePlace({ composer, insetTop: 30, badge, avoid: [], viewport });
    expect(place.where).toBe('padding');
    expect(place.top).toBeGreaterThanOrEqual(composer.top);
    expect(place.top + badge.height).toBeLessThanOrEqual(composer.top + 30);
  });

  it('goes beside the composer when its top edge is at the top of the viewport', () => {
    const atTop = { ...composer, top: 10 };
    const place = badgePlace({ composer: atTop, insetTop: 0, badge, avoid: [], viewport });
    expect(place.where).toBe('beside');
    expect(place.left).toBeGreaterThanOrEqual(atTop.left + atTop.width);
  });

  it('moves left of a publish control it would cover', () => {
    const post = { left: 540, top: 170, width: 60, height: 28 };
    const place = badgePlace({ composer, insetTop: 0, badge, avoid: [post], viewport });
    expect(overlaps({ ...place, ...badge }, post)).toBe(false);
    expect(place.top + badge.height).toBeLessThanOrEqual(composer.top);
  });

  it('stays inside the viewport for a composer wider than the window', () => {
    const wide = { left: -20, top: 300, width: 1200, height: 100 };
    const place = badgePlace({ composer: wide, insetTop: 0, badge: BADGE_ESTIMATE, avoid: [], viewport });
    expect(place.left + BADGE_ESTIMATE.width).toBeLessThanOrEqual(viewport.width);
    expect(place.left).toBeGreaterThanOrEqual(0);
  });

  it('keeps the top of the viewport when the composer is scrolled half out and the side is full', () => {
    const scrolled = { left: 0, top: -40, width: 1100, height: 300 };
    const place = badgePlace({ composer: scrolled, insetTop: 0, badge, avoid: [], viewport });
    expect(place.where).toBe('clamped');
    expect(place.top).toBe(0);
  });
});

describe('pinned', () => {
  it('pins a badge by its right edge, which then holds whatever width it is drawn at', () => {
    const place = badgePlace({ composer, insetTop: 0, badge: BADGE_ESTIMATE, avoid: [], viewport });
    const pin = pinned(place, BADGE_ESTIMATE.width);
    expect(pin.fromRight).toBe(true);
    expect(pin.x).toBeCloseTo(composer.left + composer.width - 2);
  });

  it('pins a badge beside the composer by its left edge, so a wider badge grows away from the text', () => {
    const place = badgePlace({ composer: { ...composer, top: 0 }, insetTop: 0, badge, avoid: [], viewport });
    const pin = pinned(place, badge.width);
    expect(pin.fromRight).toBe(false);
    expect(pin.x).toBeGreaterThanOrEqual(composer.left + composer.width);
  });
});

describe('isCovered', () => {
  // happy-dom does no layout: what lies at each point is given by the test.
  const hits = (at: (x: number, y: number) => Element[]) =>
    Object.defineProperty(document, 'elementsFromPoint', { value: at, configurable: true });
  afterEach(() => {
    Reflect.deleteProperty(document, 'elementsFromPoint');
    document.body.replaceChildren();
  });

  const page = () => {
    const wrapper = document.createElement('div');
    const placeholder = document.createElement('div');
    const editor = document.createElement('div');
    const overlay = document.createElement('div');
    const layerHost = document.createElement('preflight-layer');
    wrapper.append(placeholder, editor);
    document.body.append(wrapper, overlay, layerHost);
    return { wrapper, placeholder, editor, overlay, layerHost };
  };
  const box = { left: 0, top: 0, width: 400, height: 100 };

  it('is covered when a site overlay is on top at every point', () => {
    const { wrapper, editor, overlay, layerHost } = page();
    hits(() => [layerHost, overlay, editor, wrapper]);
    expect(isCovered(editor, box, wrapper, layerHost)).toBe(true);
  });

  it('is not covered by its own placeholder, its text, or Preflight’s layer', () => {
    const { wrapper, placeholder, editor, layerHost } = page();
    const text = document.createElement('span');
    editor.append(text);
    const answers = [[layerHost, placeholder], [text, editor], [editor]];
    let call = 0;
    hits(() => answers[call++ % answers.length] ?? []);
    expect(isCovered(editor, box, wrapper, layerHost)).toBe(false);
  });

  it('is not covered while one point still shows the composer', () => {
    const { wrapper, editor, overlay, layerHost } = page();
    const points = samplePoints(box);
    const last = points[points.length - 1];
    hits((x, y) => (x === last?.x && y === last?.y ? [editor] : [overlay, editor]));
    expect(isCovered(editor, box, wrapper, layerHost)).toBe(false);
  });

  it('sees through a shadow root: its host on top is the composer’s own', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const editor = document.createElement('div');
    root.append(editor);
    hits(() => [host]);
    expect(isCovered(editor, box, null, null)).toBe(false);
  });

  it('is not covered where the browser cannot tell', () => {
    const { wrapper, editor } = page();
    expect(isCovered(editor, box, wrapper, null)).toBe(false);
  });

  it('is not covered when out of view (nothing to test)', () => {
    const { wrapper, editor, overlay } = page();
    hits(() => [overlay]);
    expect(isCovered(editor, { left: 0, top: 0, width: 0, height: 0 }, wrapper, null)).toBe(false);
  });
});
