import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { defaultPackPlugin } from './scripts/vite-default-pack';

export default defineConfig({
  plugins: [WxtVitest(), preact(), defaultPackPlugin()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    // One browser at a time on a two-core machine: the e2e suites run in one worker.
    fileParallelism: true,
  },
});
