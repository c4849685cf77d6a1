/** The extension's icon: one PNG per size the manifest names, each drawn at that size (npm run icons). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES } from '../../wxt.config';

describe('the extension icon', () => {
  it.each(ICON_SIZES)('has a %i px PNG', (size) => {
    const png = readFileSync(new URL(`../../public/icon/${size}.png`, import.meta.url));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
  });
});
