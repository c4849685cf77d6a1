import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { defaultPackPlugin } from './scripts/vite-default-pack';

const OPTIONAL_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*', 'http://[::1]/*'];

/** The icon's sizes, each drawn from assets/icon.svg into public/icon/<size>.png by `npm run icons`. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: ICONS,
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // Asked for one origin at a time, at run time: a Mastodon instance the user enables from the popup,
    // a pack subscription's server (its fetch is then not subject to CORS; plain http only on loopback).
    ...(browser === 'firefox'
      ? {
          optional_permissions: OPTIONAL_ORIGINS,
          // Firefox names an add-on by this id in policies.json (3rdparty → Extensions).
          browser_specific_settings: {
            gecko: {
              id: 'preflight@preflight-extension.org',
              strict_min_version: '115.0',
              // Nothing goes to the developer: drafts stay in the browser. The audit log goes only to
              // a collector the organisation's own policy names, and packs are only downloaded.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          optional_host_permissions: OPTIONAL_ORIGINS,
          // A fixed public key gives a fixed extension ID (baddhdakpamoealemkigdhjhacnfbbig) wherever the
          // extension is loaded, which enterprise policy needs. The private key is not in the repository.
          key: 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA9FV+0/XCOyBLmVh6uyz7swlb8Y5IYsAB2TXIfB3+n17PsE7+wSprgIO8C4mELGvci2LV1TJ/Wm/pV3Ms4rZIg1b/qby0jUDCH6ojv+HmrZ/Cbn2cpX2xjtUtVyG8WZl2xn4EQg7n9GP05nDqNP1CbPAg4+bf5nT+5IamBFmJjOuM/yPnQDokhnONsiKon3adkaY8urH5QnyljTb//7b9PDMfbuK7OwC0/hEkpyG3A097/O4LfK9pYvttyUdceYaNyOrQq2uJvYNomGFr4htrq8PJJZOL/68zpsRuAyRnCWjvjMyxwFHunjj6JnQakxiYB/Wt7ctTxMOovrMWRyrpXwIDAQAB',
        }),
    storage: { managed_schema: 'managed_schema.json' },
  }),
  hooks: {
    // The toolbar button shows the same icon; WXT builds `action` (or MV2's `browser_action`) from the popup.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_icon = ICONS;
    },
  },
  vite: () => ({
    plugins: [preact(), defaultPackPlugin()],
  }),
});
