// "Nhập từ Excel": the dialog that walks a spreadsheet into the logbook. Reading shows its
// progress; unknown columns are asked about; the preview shows every row; the import is one
// click once nothing is wrong, and its own progress while the rows are written.
import { App, Alert, Button, Modal, Progress, Space, Steps } from 'antd';
import { formatNumber } from '../../../../shared/format';
import { useLogbookStore } from '../../stores/logbook';
import { useSheetImportStore, type SheetStep } from '../../stores/sheetImport';
import { ColumnStep } from './ColumnStep';
import { PreviewStep } from './PreviewStep';
import './sheetImport.css';

const STEP_INDEX: Record<SheetStep, number> = {
  closed: 0,
  reading: 0,
  columns: 1,
  preview: 2,
  writing: 3,
  done: 3,
};

function Working({ label, rows, total }: { label: string; rows: number; total?: number }) {
  const percent = total ? Math.min(99, Math.round((rows / total) * 100)) : undefined;
  return (
    <div className="sheet-working" data-testid="sheet-progress">
      <Progress percent={percent ?? 100} status="active" showInfo={percent !== undefined} />
      <div>
        {label}
        {rows > 0 ? ` ${formatNumber(rows)}${total ? ` / ${formatNumber(total)}` : ''} dòng` : ''}
      </div>
    </div>
  );
}

export function SheetImportModal() {
  const { message } = App.useApp();
  const s = useSheetImportStore();
  const preview = s.preview;
  const waiting = preview?.columns.filter((c) => c.needsMap && !(c.header in s.map)) ?? [];

  const commit = async () => {
    if (await s.commit()) {
      const r = useSheetImportStore.getState().result;
      if (r) {
        void message.success(
          `Đã nhập ${formatNumber(r.activities)} hoạt động: ${formatNumber(r.created)} mới, ${formatNumber(r.updated)} cập nhật, ${formatNumber(r.unchanged)} không đổi.`,
        );
      }
      void useLogbookStore.getState().load();
      s.close();
    }
  };

  const footer = (() => {
    if (s.step === 'columns') {
      return (
        <Space>
          <Button onClick={s.close}>Hủy</Button>
          <Button
            type="primary"
            disabled={waiting.length > 0}
            onClick={() => void s.showPreview()}
            data-testid="sheet-to-preview"
          >
            Xem trước
          </Button>
        </Space>
      );
    }
    if (s.step === 'preview' && preview) {
      return (
        <Space>
          <Button onClick={s.close}>Hủy</Button>
          <Button onClick={s.backToColumns} data-testid="sheet-to-columns">
            Sửa cách đọc cột
          </Button>
          <Button
            type="primary"
            disabled={preview.problems > 0 || preview.activities === 0}
            onClick={() => void commit()}
            data-testid="sheet-commit"
          >
            Nhập {formatNumber(preview.activities)} hoạt động
          </Button>
        </Space>
      );
    }
    return <Button onClick={s.close}>{s.error ? 'Đóng' : 'Hủy'}</Button>;
  })();

  return (
    <Modal
      open={s.step !== 'closed'}
      title={`Nhập hoạt động từ bảng tính: ${s.fileName}`}
      width={1100}
      onCancel={s.step === 'writing' ? undefined : s.close}
      closable={s.step !== 'writing'}
      maskClosable={false}
      footer={s.step === 'writing' ? null : footer}
      destroyOnHidden
      data-testid="sheet-import"
    >
      <Steps
        size="small"
        current={STEP_INDEX[s.step]}
        style={{ marginBottom: 16 }}
        items={[
          { title: 'Đọc tệp' },
          { title: 'Các cột' },
          { title: 'Xem trước' },
          { title: 'Nhập' },
        ]}
      />
      {s.error ? (
        <Alert
          type="error"
          showIcon
          title={<span className="sheet-error">{s.error}</span>}
          style={{ marginBottom: 12 }}
          data-testid="sheet-error"
        />
      ) : null}
      {s.step === 'reading' && !s.error ? (
        s.progress?.phase === 'checking' ? (
          <Working
            label="Đang kiểm tra từng dòng…"
            rows={s.progress.rows}
            total={s.progress.total}
          />
        ) : (
          <Working label="Đang đọc tệp…" rows={s.progress?.rows ?? 0} />
        )
      ) : null}
      {s.step === 'columns' && preview ? <ColumnStep columns={preview.columns} /> : null}
      {s.step === 'preview' && preview ? <PreviewStep preview={preview} /> : null}
      {s.step === 'writing' && preview ? (
        <Working
          label={`Đang ghi ${formatNumber(preview.activities)} hoạt động vào sổ… (không tắt ứng dụng)`}
          rows={0}
        />
      ) : null}
    </Modal>
  );
}
