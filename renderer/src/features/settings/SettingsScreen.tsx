// "Cài đặt": the settings of this installation that are not the office profile: which desks
// it has (office, province), the deadline for the offices' packages, and for an office the
// largest package it sends by email.
import { useAppStore } from '../../stores/app';
import { DesksCard } from './DesksCard';
import { PackageLimitCard } from './PackageLimitCard';
import './settings.css';

export function SettingsScreen() {
  // The limit is the office's: a province desk alone sends no packages.
  const office = useAppStore((s) => s.desks?.office ?? false);
  return (
    <div className="screen settings-page" data-testid="settings">
      <div className="page-title">
        <h1>Cài đặt</h1>
      </div>
      <DesksCard />
      {office ? <PackageLimitCard /> : null}
    </div>
  );
}
