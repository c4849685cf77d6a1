/**
 * `npm run adapters:check` on a saved page: a fixture's DOM saved the way Chrome's "Save page as" does
 * (with its "saved from url" line) is reported per adapter field, with paths and attributes, never text.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, launchWithExtension } from './browser';

const run = promisify(execFile);

describe.skipIf(browserMissing)('adapters:check', () => {
  it('reports which LinkedIn SDUI selectors match a saved feed, and that Preflight recognised its composers', async () => {
    const browser = await launchWithExtension();
    let html: string;
    try {
      await serveFixture(browser.context, 'https://www.linkedin.com', 'linkedin-sdui');
      const page = await browser.context.newPage();
      await page.goto('https://www.linkedin.com/feed/?text=Secret%20draft%20text');
      await page.locator('.tiptap.ProseMirror').nth(1).waitFor();
      html = `<!-- saved from url=(0033)https://www.linkedin.com/feed/ -->\n${await page.content()}`;
    } finally {
      await browser.close();
    }
    const file = join(mkdtempSync(join(tmpdir(), 'preflight-saved-')), 'feed.html');
    writeFileSync(file, html);
    const { stdout } = await run('npx', ['tsx', 'scripts/adapters-check.ts', file, '--json'], { timeout: 60_000 });
    const report = JSON.parse(stdout);
    expect(report.platform).toBe('linkedin');
    expect(report.preflight.recognised).toBe(2);
    const sdui = report.fields.composers.find((e: { selector: string }) => e.selector.includes('comment-box'));
    expect(sdui.matches).toHaveLength(2);
    expect(sdui.matches[0].path).toContain('[data-view-name="comment-box"]');
    const quill = report.fields.composers.find((e: { selector: string }) => e.selector.startsWith('.ql-editor'));
    expect(quill.matches).toHaveLength(0);
    const post = report.fields.publish.find((e: { selector: string }) => e.selector.includes('"comment-post"'));
    expect(post.matches).toHaveLength(2);
    expect(stdout).not.toContain('Secret draft text');
  }, 90_000);
});
