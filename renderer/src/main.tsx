// Entry point: Vietnamese locale for antd and dayjs, one theme, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
// antd's styles prebuilt (zero runtime: no style is computed and hashed as each kind of
// component first draws, which cost the first screen about half a second), then ours.
import 'antd/dist/antd.css';
import './app.css';
import './lib/dates';
import { App } from './App';
import { useAppStore } from './stores/app';
import { primeLogbook } from './stores/logbook';
import { themeFor } from './theme';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// The first screen is drawn once, with its rows: boot.js asked for them as the page began,
// and the answers are usually in by now. An engine slow to answer does not keep the page
// at index.html's "Đang mở…": past FIRST_DRAW_WAIT_MS the screen is drawn loading.
const FIRST_DRAW_WAIT_MS = 1000;
const logbook = primeLogbook();
await Promise.race([
  useAppStore
    .getState()
    .start()
    .then(() => (useAppStore.getState().screen === 'logbook' ? logbook : undefined)),
  new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS)),
]);

const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={viVN} theme={themeFor(reduceMotion)}>
      {/* Toasts below the header line, where a drawer or dialog title never sits under them. */}
      <AntApp message={{ maxCount: 3, top: 72 }} style={{ height: '100%' }}>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
