import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { defaultPackPlugin } from './scripts/vite-default-pack';

/**
 * A real browser on a loaded two-core CI machine can miss a deadline that a quiet one meets: in CI a
 * browser test gets one more try, and scripts/test.mjs names every test that needed it (never the
 * unit tests, which are deterministic; never locally, where a flake should be seen at once).
 */
const BROWSER_RETRY = process.env.CI === 'true' ? 1 : 0;

export default defineConfig({
  plugins: [WxtVitest(), preact(), defaultPackPlugin()],
  test: {
    testTimeout: 30_000,
    // A test that asserts nothing fails.
    expect: { requireAssertions: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      // One browser at a time on a two-core machine.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/setup.ts'],
          fileParallelism: false,
          retry: BROWSER_RETRY,
          // Changes cross the extension's contexts (options → storage → content script): give polls room.
          expect: { requireAssertions: true, poll: { timeout: 5000 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Firefox after Chromium (and the unit tests), never beside it: a later group.
      {
        extends: true,
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          globalSetup: ['test/e2e/setup.ts'],
          fileParallelism: false,
          retry: BROWSER_RETRY,
          expect: { requireAssertions: true, poll: { timeout: 5000 } },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
