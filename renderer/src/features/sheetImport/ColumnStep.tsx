// The columns of the sheet and what each is taken for. A column the app did not recognise
// waits for the user's answer (a field, or "Bỏ qua"); a recognised one may be changed too.
import { Alert, Select, Table, Tag } from 'antd';
import { fieldChoices, type SheetField } from '../../../../shared/sheetColumns';
import type { ColumnInfo } from '../../../../shared/sheetImport';
import { foldSearch } from '../../lib/search';
import { useSheetImportStore } from '../../stores/sheetImport';

const SKIP = '__skip';
const CHOICES = [
  { value: SKIP, label: 'Bỏ qua (không nhập cột này)' },
  ...fieldChoices().map((c) => ({ value: c.field, label: c.label })),
];

export function ColumnStep({ columns }: { columns: ColumnInfo[] }) {
  const map = useSheetImportStore((s) => s.map);
  const setColumn = useSheetImportStore((s) => s.setColumn);
  const waiting = columns.filter((c) => c.needsMap && !(c.header in map));
  return (
    <div data-testid="sheet-columns">
      {waiting.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`Chưa rõ ${waiting.length} cột: hãy chọn mỗi cột dùng cho trường nào, hoặc "Bỏ qua".`}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          title="Đã rõ tất cả các cột. Bấm “Xem trước” để kiểm tra từng dòng."
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<ColumnInfo>
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={columns}
        scroll={{ y: 360 }}
        columns={[
          {
            title: 'Cột trong tệp',
            key: 'header',
            width: 220,
            render: (_, c) => (
              <span>
                <strong>{c.header}</strong> <Tag>{c.letter}</Tag>
              </span>
            ),
          },
          {
            title: 'Ví dụ',
            key: 'samples',
            ellipsis: true,
            render: (_, c) => c.samples.join(' · '),
          },
          {
            title: 'Dùng cho',
            key: 'field',
            width: 280,
            render: (_, c) => {
              const answered = c.header in map;
              const current = answered ? map[c.header] : c.field;
              const unknown = c.needsMap && !answered;
              return (
                <Select
                  showSearch={foldSearch}
                  style={{ width: '100%' }}
                  status={unknown ? 'warning' : undefined}
                  placeholder="Chọn trường…"
                  value={unknown ? undefined : (current ?? SKIP)}
                  options={CHOICES}
                  onChange={(v: string) =>
                    setColumn(c.header, v === SKIP ? null : (v as SheetField))
                  }
                  data-testid={`sheet-map-${c.letter}`}
                />
              );
            },
          },
        ]}
      />
    </div>
  );
}
