/**
 * `npm run adapters:check -- page.html…`: a field check of the platform adapters against saved copies
 * of the live sites (the browser's "Save page as… → Webpage, complete", saved with the composer open
 * and some text typed). Each page is served at its own address in Chromium with the built extension;
 * the report gives, per adapter field, which selectors matched which elements (as selector paths and
 * attributes, never text), and whether Preflight recognised the composers or fell back.
 *
 *   npx wxt build && npm run adapters:check -- ~/Downloads/feed.html [--url https://www.linkedin.com/feed/] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { ADAPTERS, adapterFor } from '../entrypoints/content/platforms/index';
import type { PlatformAdapter } from '../entrypoints/content/platforms/types';
import { launchWithExtension } from './chromium';

interface Match {
  path: string;
  attributes: Record<string, string>;
}
type FieldReport = Record<string, { selector: string; matches: Match[] }[]>;

const TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Chrome writes `<!-- saved from url=(0043)https://… -->` at the top of a saved page. */
function savedFrom(html: string): string | undefined {
  return /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
}

/** The page as saved, without its scripts: the report is about the DOM as it was, not what the site's code would do offline. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<script\b[^>]*\/>/gi, '');
}

function fields(adapter: PlatformAdapter): Record<string, string[]> {
  return {
    composers: adapter.composers,
    publish: adapter.publish,
    container: adapter.container,
    shadowHosts: adapter.shadowHosts ?? [],
  };
}

async function checkPage(file: string, url: string | undefined, json: boolean): Promise<boolean> {
  const html = readFileSync(file, 'utf8');
  const address = url ?? savedFrom(html);
  if (!address) throw new Error(`${file}: no address; pass --url (the page's address on the site)`);
  const pageUrl = new URL(address);
  const adapter = adapterFor(pageUrl);
  if (!adapter) throw new Error(`${file}: ${pageUrl.host} is not one of the supported sites`);
  const browser = await launchWithExtension();
  try {
    const base = dirname(resolve(file));
    await browser.context.route(`${pageUrl.origin}/**`, (route) => {
      const request = new URL(route.request().url());
      if (route.request().resourceType() === 'document')
        return route.fulfill({ contentType: 'text/html; charset=utf-8', body: withoutScripts(html) });
      // "Webpage, complete" rewrites resources to ./<name>_files/…: serve those, nothing else.
      const local = join(base, decodeURIComponent(request.pathname));
      if (request.pathname.includes('_files/') && existsSync(local))
        return route.fulfill({
          contentType: TYPES[extname(local)] ?? 'application/octet-stream',
          body: readFileSync(local),
        });
      return route.fulfill({ status: 204, body: '' });
    });
    await browser.context.route(/^https?:/, (route) =>
      route.request().url().startsWith(pageUrl.origin) ? route.fallback() : route.fulfill({ status: 204, body: '' }),
    );
    const page = await browser.context.newPage();
    await page.goto(pageUrl.href);
    await page.waitForTimeout(1500);
    // tsx keeps function names with an `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn');
    const report = (await page.evaluate(
      ({ fieldSelectors, hosts, publishText }) => {
        const roots: (Document | ShadowRoot)[] = [document];
        for (let i = 0; i < roots.length; i++) {
          for (const host of (roots[i] as Document | ShadowRoot).querySelectorAll(hosts.join(', ') || ':not(*)'))
            if (host.shadowRoot && !roots.includes(host.shadowRoot)) roots.push(host.shadowRoot);
        }
        const step = (el: Element) => {
          const id = el.id ? `#${CSS.escape(el.id)}` : '';
          const testid = ['data-testid', 'data-e2e', 'data-view-name', 'role']
            .filter((a) => el.hasAttribute(a))
            .map((a) => `[${a}="${el.getAttribute(a)}"]`)
            .join('');
          return `${el.localName}${id}${testid}`;
        };
        const path = (el: Element) => {
          const steps: string[] = [];
          for (let node: Element | null = el; node && steps.length < 6; node = node.parentElement)
            steps.unshift(step(node));
          return steps.join(' > ');
        };
        const KEPT = ['aria-label', 'placeholder', 'contenteditable', 'data-lexical-editor', 'type', 'name', 'class'];
        const out: Record<
          string,
          { selector: string; matches: { path: string; attributes: Record<string, string> }[] }[]
        > = {};
        const pattern = publishText ? new RegExp(publishText) : undefined;
        for (const [field, selectors] of Object.entries(fieldSelectors)) {
          out[field] = selectors.map((selector) => {
            const matches = roots
              .flatMap((root) => [...root.querySelectorAll(selector)])
              .filter(
                (el) =>
                  field !== 'publish' ||
                  !pattern ||
                  pattern.test(el.textContent?.trim() || el.getAttribute('aria-label') || ''),
              )
              .slice(0, 5)
              .map((el) => ({
                path: path(el),
                attributes: Object.fromEntries(
                  KEPT.filter((a) => el.hasAttribute(a)).map((a) => [a, (el.getAttribute(a) ?? '').slice(0, 80)]),
                ),
              }));
            return { selector, matches };
          });
        }
        return out;
      },
      { fieldSelectors: fields(adapter), hosts: adapter.shadowHosts ?? [], publishText: adapter.publishText?.source },
    )) as FieldReport;
    const badges = await page
      .locator('preflight-layer .indicator')
      .evaluateAll((all) => all.map((b) => b.getAttribute('data-fallback') ?? 'recognised'));
    const summary = {
      file,
      url: pageUrl.href,
      platform: adapter.id,
      preflight: {
        recognised: badges.filter((b) => b === 'recognised').length,
        fallback: badges.filter((b) => b !== 'recognised').length,
      },
      fields: report,
    };
    if (json) console.log(JSON.stringify(summary, null, 2));
    else {
      console.log(`\n${file}\n  ${pageUrl.href} → adapter ${adapter.id}`);
      console.log(
        `  Preflight attached: ${summary.preflight.recognised} recognised composer(s), ${summary.preflight.fallback} by the fallback`,
      );
      for (const [field, entries] of Object.entries(report)) {
        console.log(`  ${field}:`);
        for (const { selector, matches } of entries) {
          console.log(`    ${matches.length ? '✓' : '·'} ${selector}${matches.length ? ` (${matches.length})` : ''}`);
          for (const match of matches) console.log(`        ${match.path}  ${JSON.stringify(match.attributes)}`);
        }
      }
    }
    return report.composers?.some((entry) => entry.matches.length > 0) ?? false;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const urlAt = args.indexOf('--url');
  const url = urlAt >= 0 ? args[urlAt + 1] : undefined;
  const files = args.filter((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
  if (files.length === 0) {
    console.error('usage: npm run adapters:check -- page.html… [--url ADDRESS] [--json]');
    console.error(`supported sites: ${ADAPTERS.flatMap((a) => a.matches).join(' ')}`);
    process.exit(2);
  }
  let allFound = true;
  for (const file of files) allFound = (await checkPage(file, url, json)) && allFound;
  // 1 when a page had no composer the adapter recognises: the adapter needs a look (or the page was saved closed).
  process.exit(allFound ? 0 : 1);
}

main().catch((error) => {
  console.error(`adapters:check: ${(error as Error).message}`);
  process.exit(2);
});
