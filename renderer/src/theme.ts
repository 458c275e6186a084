// One calm theme for ordinary laptop screens: readable 14 px text, a friendly blue-green,
// system fonts only (the CSP allows no external fonts).
import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  // The components' styles come from antd/dist/antd.css (main.tsx); the tokens below are
  // set as CSS variables over it.
  zeroRuntime: true,
  token: {
    colorPrimary: '#0f6cbd',
    colorLink: '#0f6cbd',
    borderRadius: 6,
    fontSize: 14,
    fontFamily:
      "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#12324f', bodyBg: '#f3f5f8', headerHeight: 56 },
    Menu: {
      darkItemBg: '#12324f',
      darkSubMenuItemBg: '#12324f',
      darkItemSelectedBg: '#0f6cbd',
    },
    Table: { cellPaddingBlockSM: 6 },
  },
};

/**
 * The theme for this computer: someone who turned animations off in Windows (Chromium reads
 * it as prefers-reduced-motion) gets dialogs and menus that appear at once, which also
 * helps on a slow laptop where a zooming dialog lags behind the keyboard.
 */
export function themeFor(reduceMotion: boolean): ThemeConfig {
  return reduceMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;
}
