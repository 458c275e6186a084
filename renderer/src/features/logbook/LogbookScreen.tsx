// "Sổ hoạt động": the main screen. Filters, totals of what they select, the rows, and
// the forms and history opened from them.
import { useEffect, useState } from 'react';
import { Alert, Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ActivityRow } from '../../../../shared/contract';
import { useWritable } from '../../stores/app';
import { useActivityFormStore } from '../../stores/activityForm';
import { useLogbookStore } from '../../stores/logbook';
import { usePackagesStore } from '../../stores/packages';
import { ActivityFormModal } from '../activity/ActivityFormModal';
import { AuditDrawer } from './AuditDrawer';
import { LogbookFilters } from './LogbookFilters';
import { LogbookTable } from './LogbookTable';
import { TotalsBar } from './TotalsBar';

export function LogbookScreen() {
  const load = useLogbookStore((s) => s.load);
  const error = useLogbookStore((s) => s.error);
  const openNew = useActivityFormStore((s) => s.openNew);
  const writable = useWritable();
  const [history, setHistory] = useState<ActivityRow | null>(null);

  useEffect(() => {
    void load();
    // Locks change on the report screen only: read them each time the logbook opens.
    void usePackagesStore.getState().loadLocks();
  }, [load]);

  return (
    <div className="page" data-testid="logbook">
      <div className="page-title">
        <h1>Sổ hoạt động tuyên truyền</h1>
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          disabled={!writable}
          onClick={() => openNew()}
          data-testid="activity-add"
        >
          Thêm hoạt động
        </Button>
      </div>
      <LogbookFilters />
      <TotalsBar />
      {error ? <Alert type="error" showIcon title={error} data-testid="logbook-error" /> : null}
      <LogbookTable onHistory={setHistory} />
      <ActivityFormModal />
      <AuditDrawer row={history} onClose={() => setHistory(null)} />
    </div>
  );
}
