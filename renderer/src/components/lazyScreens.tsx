// The screens loaded on first use, each its own chunk (vite splits at every dynamic import).
// The logbook and the activity form stay in the first chunk: they are what an officer opens
// the app for, and their rows must not wait for the report, the province desk or backups.
import { lazy } from 'react';
import { Spin } from 'antd';

/** Shown in the content area while a screen's chunk loads (from disk: a blink, usually). */
export function ScreenLoading() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', height: '100%', minHeight: 200 }}>
      <Spin size="large" description="Đang tải màn hình…" />
    </div>
  );
}

export const ReportScreen = lazy(() =>
  import('../features/report/ReportScreen').then((m) => ({ default: m.ReportScreen })),
);
export const OutboxScreen = lazy(() =>
  import('../features/outbox/OutboxScreen').then((m) => ({ default: m.OutboxScreen })),
);
export const KeyScreen = lazy(() =>
  import('../features/keys/KeyScreen').then((m) => ({ default: m.KeyScreen })),
);
export const InboxScreen = lazy(() =>
  import('../features/inbox/InboxScreen').then((m) => ({ default: m.InboxScreen })),
);
export const CompletenessScreen = lazy(() =>
  import('../features/completeness/CompletenessScreen').then((m) => ({
    default: m.CompletenessScreen,
  })),
);
export const MergedScreen = lazy(() =>
  import('../features/merged/MergedScreen').then((m) => ({ default: m.MergedScreen })),
);
export const TrustScreen = lazy(() =>
  import('../features/trust/TrustScreen').then((m) => ({ default: m.TrustScreen })),
);
export const DirectivesScreen = lazy(() =>
  import('../features/directives/DirectivesScreen').then((m) => ({
    default: m.DirectivesScreen,
  })),
);
export const ProfileScreen = lazy(() =>
  import('../features/profile/ProfileScreen').then((m) => ({ default: m.ProfileScreen })),
);
export const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
export const BackupScreen = lazy(() =>
  import('../features/backup/BackupScreen').then((m) => ({ default: m.BackupScreen })),
);
export const RecoveryScreen = lazy(() =>
  import('../features/backup/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })),
);
