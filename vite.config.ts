// Builds the React renderer (renderer/ → dist/renderer). The page is served from file-like
// origins (Electron) and from 127.0.0.1 (browser mode), hence relative asset paths.
// Vite 8 transforms TS/JSX with oxc; no React plugin is needed for a production build.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'react' },
  },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // antd and React make one chunk of ~1 MB; it is loaded from disk, never a network.
    chunkSizeWarningLimit: 2500,
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
