import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { defaultPackPlugin } from './scripts/vite-default-pack';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
  },
  vite: () => ({
    plugins: [preact(), defaultPackPlugin()],
  }),
});
