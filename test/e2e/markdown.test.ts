/**
 * Manual sections come from packs, which come from outside: rendered in real Chromium (happy-dom's
 * DOM misleads DOMPurify), nothing a hostile pack puts in its Markdown may run.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, CHROMIUM } from './browser';

declare global {
  interface Window {
    renderMarkdown(markdown: string): string;
    pwned?: number;
  }
}

describe.skipIf(browserMissing)('manual Markdown in Chromium', () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  let bundle: string;
  beforeAll(async () => {
    const result = await build({
      stdin: {
        contents: "import { renderMarkdown } from './components/Markdown'; window.renderMarkdown = renderMarkdown;",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      write: false,
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'error',
    });
    bundle = result.outputFiles[0]!.text;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const render = async (markdown: string) => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ content: bundle });
    const html = await page.evaluate(async (source) => {
      const out = document.getElementById('out')!;
      out.innerHTML = window.renderMarkdown(source);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return out.innerHTML;
    }, markdown);
    const pwned = await page.evaluate(() => window.pwned);
    await page.close();
    return { html, pwned };
  };

  it('renders headings, lists, tables and links', async () => {
    const { html } = await render(
      '## Do\n\n- **one**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[CAA](https://www.caa.go.jp/)',
    );
    expect(html).toContain('<h2>Do</h2>');
    expect(html).toContain('<strong>one</strong>');
    expect(html).toContain('<td>1</td>');
    expect(html).toMatch(/<a href="https:\/\/www\.caa\.go\.jp\/" target="_blank" rel="noopener noreferrer">CAA<\/a>/);
  });

  it('runs nothing from <img onerror>, <script>, <svg onload>, javascript: links or iframes', async () => {
    const { html, pwned } = await render(
      [
        'Read this. <img src=x onerror="window.pwned=1">',
        '<script>window.pwned=2</script>',
        '<svg onload="window.pwned=3"></svg>',
        '<iframe src="javascript:parent.pwned=4"></iframe>',
        '[click](javascript:window.pwned=5) <a href="https://ok.example" onclick="window.pwned=6">ok</a>',
        '<details open ontoggle="window.pwned=7">x</details>',
      ].join('\n\n'),
    );
    expect(pwned).toBeUndefined();
    expect(html).not.toMatch(/onerror|onload|onclick|ontoggle|<script|<img|<svg|<iframe|javascript:/i);
    expect(html).toContain('Read this.');
  });
});
