// Builds the React renderer (renderer/ → dist/renderer). The page is served from file-like
// origins (Electron) and from 127.0.0.1 (browser mode), hence relative asset paths.
// Vite 8 transforms TS/JSX with oxc; no React plugin is needed for a production build.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    {
      // boot.js (renderer/src/boot.ts, built apart by scripts/build.mjs) runs first: it asks
      // for the first screen's data while the app's modules arrive.
      name: 'boot-script',
      transformIndexHtml: {
        order: 'post',
        handler: () => [{ tag: 'script', attrs: { src: './boot.js' }, injectTo: 'head-prepend' }],
      },
    },
  ],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Every screen but the logbook is a dynamic import (components/lazyScreens.tsx), hence a
    // chunk of its own loaded on first use. What the first screen runs is one chunk of
    // ~900 kB (scripts/build.mjs), read from disk, never a network.
    chunkSizeWarningLimit: 1000,
    // The server's CSP forbids inline scripts: keep the module preload polyfill out.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
