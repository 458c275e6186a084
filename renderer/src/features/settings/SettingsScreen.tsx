// "Cài đặt": the settings of this installation that are not the office profile. Today,
// which desks it has (office, province) and the deadline for the offices' packages.
import { DesksCard } from './DesksCard';
import './settings.css';

export function SettingsScreen() {
  return (
    <div className="screen settings-page" data-testid="settings">
      <div className="page-title">
        <h1>Cài đặt</h1>
      </div>
      <DesksCard />
    </div>
  );
}
