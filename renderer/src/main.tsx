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
import { sendEarly } from './stores/logbook';
import { themeFor } from './theme';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// What the frame needs is asked for first, then the first screen's rows, which the engine
// reads while the frame is drawn.
void useAppStore.getState().start();
sendEarly();

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
