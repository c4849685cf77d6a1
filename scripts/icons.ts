/**
 * The extension's icons, every size drawn from the one SVG (assets/icon.svg) by Chromium, into
 * public/icon/<size>.png. Run `npm run icons` after changing the SVG and commit the PNGs.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ICON_SIZES } from '../wxt.config';
import { CHROMIUM } from './chromium';

const root = new URL('..', import.meta.url);
const svg = readFileSync(new URL('assets/icon.svg', root), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const path = new URL(`public/icon/${size}.png`, root).pathname;
    await page.locator('svg').screenshot({ path, omitBackground: true });
    console.log(path);
  }
} finally {
  await browser.close();
}
