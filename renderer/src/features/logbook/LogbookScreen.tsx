// "Sổ hoạt động": the main screen. Filters, totals of what they select, the rows, and
// the forms and history opened from them. Ctrl+N or Insert opens a new activity on the
// channel used last.
import { lazy, useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Tooltip } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ActivityRow } from '../../../../shared/contract';
import { rememberedChannel } from '../../lib/remembered';
import { useWritable } from '../../stores/app';
import { useActivityFormStore } from '../../stores/activityForm';
import { toApiFilter } from '../../lib/logbookFilter';
import { takePrimed, useLogbookStore } from '../../stores/logbook';
import { useSheetImportStore } from '../../stores/sheetImport';
import { api } from '../../api';
import { SheetButton } from '../report/SheetButton';
import { SHEET_ACCEPT, SheetDrop } from '../sheetImport/SheetDrop';
import { usePackagesStore } from '../../stores/packages';
import { OnDemand } from '../../components/OnDemand';
import { whenIdle } from '../../lib/idle';
import { DeletedSwitch, LogbookFilters } from './LogbookFilters';
import { LogbookTable } from './LogbookTable';
import { TotalsBar } from './TotalsBar';

// The dialogs load when first opened: the rows do not wait for their code.
const loadForm = () => import('../activity/ActivityFormModal');
const ActivityFormModal = lazy(() => loadForm().then((m) => ({ default: m.ActivityFormModal })));
const AuditDrawer = lazy(() => import('./AuditDrawer').then((m) => ({ default: m.AuditDrawer })));
const SheetImportModal = lazy(() =>
  import('../sheetImport/SheetImportModal').then((m) => ({ default: m.SheetImportModal })),
);

/** True while a dialog or drawer is open on the page (it has the keyboard, not the logbook). */
function openDialog(): boolean {
  return Array.from(
    document.querySelectorAll<HTMLElement>('.ant-modal-wrap, .ant-drawer-content-wrapper'),
  ).some((el) => el.offsetParent !== null || getComputedStyle(el).display !== 'none');
}

export function LogbookScreen() {
  const load = useLogbookStore((s) => s.load);
  const error = useLogbookStore((s) => s.error);
  const openNew = useActivityFormStore((s) => s.openNew);
  const writable = useWritable();
  const [history, setHistory] = useState<ActivityRow | null>(null);
  const filter = useLogbookStore((s) => s.filter);
  const total = useLogbookStore((s) => s.total);
  const chooser = useRef<HTMLInputElement>(null);
  const formOpen = useActivityFormStore((s) => s.open);
  const sheetOpen = useSheetImportStore((s) => s.step !== 'closed');

  useEffect(() => {
    // The app's first load is already under way (main.tsx); any later opening reloads.
    // The form is what an officer opens next: its code comes once the rows are up.
    void (takePrimed() ?? load()).then(() => whenIdle(loadForm));
    // Locks change on the report screen only: read them each time the logbook opens.
    void usePackagesStore.getState().loadLocks();
  }, [load]);

  useEffect(() => {
    if (!writable) return;
    const onKeyDown = (e: KeyboardEvent) => {
      const ctrlN =
        (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n';
      const insert = e.key === 'Insert' && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.metaKey;
      if (!ctrlN && !insert) return;
      // Not over another dialog or drawer (the form itself, the history, a confirmation).
      if (useActivityFormStore.getState().open || openDialog()) return;
      e.preventDefault();
      useActivityFormStore.getState().openNew(rememberedChannel() ?? undefined);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [writable]);

  return (
    <SheetDrop disabled={!writable}>
      <div className="page" data-testid="logbook">
        <div className="page-title">
          <h1>Sổ hoạt động tuyên truyền</h1>
          <Space size={12}>
            <DeletedSwitch />
            <Tooltip title="Nhập các hoạt động từ bảng Excel (.xlsx) hoặc CSV; cũng có thể kéo thả tệp vào sổ">
              <Button
                size="large"
                icon={<UploadOutlined />}
                disabled={!writable}
                onClick={() => chooser.current?.click()}
                data-testid="sheet-import-button"
              >
                Nhập Excel
              </Button>
            </Tooltip>
            <input
              ref={chooser}
              type="file"
              accept={SHEET_ACCEPT}
              style={{ display: 'none' }}
              data-testid="sheet-import-input"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void useSheetImportStore.getState().start(file);
              }}
            />
            <SheetButton
              label="Xuất Excel"
              ready={total > 0}
              make={() => api['activities:sheet'](toApiFilter(filter))}
              testId="logbook-sheet"
            />
            <Tooltip title="Ctrl+N hoặc Insert: mở ngay hình thức dùng lần trước">
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
            </Tooltip>
          </Space>
        </div>
        <LogbookFilters />
        <TotalsBar />
        {error ? <Alert type="error" showIcon title={error} data-testid="logbook-error" /> : null}
        <LogbookTable onHistory={setHistory} />
        <OnDemand when={formOpen}>
          <ActivityFormModal />
        </OnDemand>
        <OnDemand when={history !== null}>
          <AuditDrawer row={history} onClose={() => setHistory(null)} />
        </OnDemand>
        <OnDemand when={sheetOpen}>
          <SheetImportModal />
        </OnDemand>
      </div>
    </SheetDrop>
  );
}
