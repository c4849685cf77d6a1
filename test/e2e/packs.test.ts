/**
 * Importing a pack in the options page, in Chromium with the built extension: an open composer
 * changes at once; a broken or older pack is refused with the CLI's messages and nothing changes; a
 * hostile manual renders without running anything.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, validatePack } from '../../rules/load';
import { generateKeyPair, signPack } from '../../rules/signature';
import { serveFixture } from '../fixtures/serve';
import { browserMissing, type ExtensionBrowser, launchWithExtension, openMastodon } from './browser';

const dir = mkdtempSync(join(tmpdir(), 'preflight-packs-'));
const packFile = (name: string, version: string, extra = '', manualBody = 'Codenames stay inside the company.') => {
  const path = join(dir, name);
  writeFileSync(
    path,
    `id: team-codenames
name: { en: Team codenames, ja: チームのコードネーム }
version: ${version}
locales: [en, ja]
sets: [{ id: secrets, title: { en: Secrets, ja: 秘密 } }]
manual:
  - id: codenames
    title: { en: Codenames, ja: コードネーム }
    body: { en: ${JSON.stringify(manualBody)}, ja: ${JSON.stringify(manualBody)} }
rules:
  - id: team.codename
    set: secrets
    kind: terms
    category: privacy
    severity: block
    manual: codenames
    message: { en: "{match} is an internal codename.", ja: "{match}は社内のコードネームです。" }
    terms: [Nightjar${extra}]
    examples: { flag: [Nightjar ships soon], pass: [Our app ships soon] }
`,
  );
  return path;
};

describe.skipIf(browserMissing)('packs imported in the options page', () => {
  let browser: ExtensionBrowser;
  let composer: Page;
  let options: Page;
  const severity = () => composer.locator('preflight-layer .indicator').first().getAttribute('data-severity');

  beforeAll(async () => {
    browser = await launchWithExtension();
    await serveFixture(browser.context, 'https://mastodon.social', 'mastodon');
    composer = await openMastodon(browser, 'Nightjar ships soon, Falconet too');
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html#packs`);
    await options.getByTestId('import-pack').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('applies an imported pack to an open composer at once, and lists it beside the built-in one', async () => {
    expect(await severity()).toBe('clean');
    await options.getByTestId('import-pack').setInputFiles(packFile('team.yaml', '1.0.0'));
    await expect
      .poll(() => options.locator('[role="status"]').textContent())
      .toContain('Imported Team codenames 1.0.0');
    await expect.poll(() => options.locator('[data-pack]').count()).toBe(2);
    await expect.poll(severity, { timeout: 3000 }).toBe('block');
    await options.locator('nav a[data-section="sets"]').click();
    await expect.poll(() => options.locator('[data-set="secrets"]').count()).toBe(1);
    await options.locator('nav a[data-section="packs"]').click();
  });

  it('refuses a broken pack with the messages of the CLI, and keeps the one in use', async () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: team-codenames\nversion: 2.0.0\nrules: [{ id: x, kind: magic }]\n');
    await options.getByTestId('import-pack').setInputFiles(broken);
    const alert = options.locator('[role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('broken.yaml: rules[0].kind: unknown rule kind');
    expect(await options.locator('[data-pack="team-codenames"]').textContent()).toContain('1.0.0');
    expect(await severity()).toBe('block');
  });

  it('refuses an older version and keeps the newer one; takes a newer one', async () => {
    await options.getByTestId('import-pack').setInputFiles(packFile('team-old.yaml', '0.9.0'));
    await expect
      .poll(() => options.locator('[role="alert"]').textContent())
      .toContain('version 0.9.0 is lower than 1.0.0');
    await options.getByTestId('import-pack').setInputFiles(packFile('team-new.yaml', '1.1.0', ', Falconet'));
    await expect.poll(() => options.locator('[data-pack="team-codenames"]').textContent()).toContain('1.1.0');
    await expect
      .poll(() => composer.locator('preflight-layer .indicator').first().getAttribute('data-count'))
      .toBe('2');
  });

  it('shows a manual with <img onerror> and <script> without running either', async () => {
    const hostile =
      "Read this. <img src=x onerror=\"document.title='pwned'\"> <script>document.title='pwned2'</script> **Bold**";
    await options.getByTestId('import-pack').setInputFiles(packFile('team-hostile.yaml', '1.2.0', '', hostile));
    await expect.poll(() => options.locator('[data-pack="team-codenames"]').textContent()).toContain('1.2.0');
    const title = await composer.title();
    await composer.locator('preflight-layer .indicator').first().click();
    const finding = composer.locator('preflight-layer [data-rule="team.codename"]').first();
    await finding.locator('details.manual > summary').click();
    const body = finding.locator('.markdown');
    await expect.poll(() => body.innerHTML()).toContain('<strong>Bold</strong>');
    expect(await body.innerHTML()).not.toMatch(/<img|<script|onerror/i);
    await composer.waitForTimeout(300);
    expect(await composer.title()).toBe(title);
  });

  it('takes only packs signed with a trusted key once one is added', async () => {
    const key = await generateKeyPair();
    await options.getByTestId('key-input').fill(JSON.stringify({ keyId: key.keyId, publicKey: key.publicKey }));
    await options.getByTestId('key-add').click();
    await expect.poll(() => options.locator(`[data-key="${key.keyId}"]`).count()).toBe(1);
    await options.getByTestId('import-pack').setInputFiles(packFile('team-unsigned.yaml', '1.3.0'));
    await expect
      .poll(() => options.locator('.import-failed[role="alert"]').textContent())
      .toContain('signature: refused: the pack is not signed');
    const signed = join(dir, 'team-signed.json');
    const pack = validatePack(
      parseDocument(readFileSync(packFile('team-to-sign.yaml', '1.3.0'), 'utf8'), 'x.yaml'),
      'x.yaml',
    );
    writeFileSync(signed, JSON.stringify(await signPack(pack, key)));
    await options.getByTestId('import-pack').setInputFiles(signed);
    await expect.poll(() => options.locator('[data-pack="team-codenames"]').textContent()).toContain('1.3.0');
  });
});
