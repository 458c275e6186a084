// "Sao lưu và khôi phục": the state of the backups and "Sao lưu ngay", every backup with its
// restore, a restore from another file, taking activities back from exported packages, and
// moving the office to another computer.
import { Alert, Card } from 'antd';
import { BackupsTable } from './BackupsTable';
import { PackageRecoveryCard } from './PackageRecoveryCard';
import { RestoreFromFile } from './RestoreFromFile';
import { StatusCard } from './StatusCard';
import { TransferCard } from './TransferCard';
import { useBackups } from './useBackups';
import { useRestore } from './useRestore';
import './backup.css';

export function BackupScreen() {
  const backups = useBackups();
  const flow = useRestore();

  return (
    <div className="screen backup-page" data-testid="backup">
      <div className="page-title">
        <h1>Sao lưu và khôi phục</h1>
      </div>
      {backups.error ? (
        <Alert type="error" showIcon title={backups.error} data-testid="backup-error" />
      ) : null}
      <StatusCard
        status={backups.status}
        onChanged={backups.reload}
        onSaved={(s) => {
          backups.setStatus(s);
          void backups.reload();
        }}
      />
      <Card size="small" title="Các bản sao lưu" data-testid="backups">
        <BackupsTable rows={backups.list} flow={flow} />
        <RestoreFromFile flow={flow} />
      </Card>
      <div className="backup-bottom">
        <PackageRecoveryCard />
        <TransferCard />
      </div>
      {flow.modal}
    </div>
  );
}
