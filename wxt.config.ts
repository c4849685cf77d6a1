import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { defaultPackPlugin } from './scripts/vite-default-pack';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: 'Preflight',
    description: 'Checks a social-media post against your team’s operations manual before it is published.',
    permissions: ['storage'],
  },
  vite: () => ({
    plugins: [preact(), defaultPackPlugin()],
  }),
});
