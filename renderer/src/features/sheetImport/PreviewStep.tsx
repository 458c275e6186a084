// Every row as it will be saved, before anything is: the problems of a row are shown in its
// own cells, and the import waits until there are none (all or nothing).
import { Alert, Switch, Table, Typography } from 'antd';
import { formatNumber } from '../../../../shared/format';
import type { CellProblem, PreviewRow, SheetPreview } from '../../../../shared/sheetImport';
import { PREVIEW_PAGE, useSheetImportStore } from '../../stores/sheetImport';

type Shown = keyof PreviewRow['shown'];

/** Which preview column shows a field's problem. */
function columnOf(p: CellProblem): Shown | 'row' {
  switch (p.field) {
    case 'date':
    case 'endDate':
      return 'date';
    case 'channel':
      return 'channel';
    case 'communes':
    case 'village':
      return 'communes';
    case 'title':
      return 'title';
    case 'audience':
    case 'audienceEstimated':
      return 'audience';
    case 'costVnd':
      return 'costVnd';
    case 'id':
    case 'row':
    case 'themes':
    case 'language':
    case 'notes':
      return 'row';
    default:
      return 'measures';
  }
}

function cell(key: Shown, width?: number, title?: string) {
  return {
    title,
    key,
    width,
    render: (_: unknown, row: PreviewRow) => {
      const problems = row.problems.filter((p) => columnOf(p) === key);
      return (
        <div className={problems.length > 0 ? 'sheet-cell-bad' : undefined}>
          <div>{row.shown[key] ?? ''}</div>
          {problems.map((p, i) => (
            <Typography.Text key={i} type="danger" className="sheet-problem">
              {p.header ? `${p.header}: ` : ''}
              {p.msg.vi}
            </Typography.Text>
          ))}
        </div>
      );
    },
  };
}

function Summary({ preview }: { preview: SheetPreview }) {
  const read = preview.sheets.filter((s) => s.headerRow !== null);
  const where = read
    .map(
      (s) => `trang “${s.name}” (${formatNumber(s.rows)} dòng, tiêu đề cột ở dòng ${s.headerRow})`,
    )
    .join('; ');
  const ok = preview.problems === 0;
  return (
    <Alert
      type={ok ? 'success' : 'error'}
      showIcon
      data-testid="sheet-summary"
      title={
        ok
          ? `Sẵn sàng nhập ${formatNumber(preview.activities)} hoạt động, không có lỗi.`
          : `${formatNumber(preview.problems)} lỗi ở ${formatNumber(preview.rowsWithProblems)} dòng: chưa nhập được. Hãy sửa trong tệp rồi chọn lại tệp, hoặc sửa cách đọc cột.`
      }
      description={
        <>
          <div>Đã đọc {where || 'không trang nào'}.</div>
          {preview.skipped > 0 ? (
            <div>Bỏ qua {formatNumber(preview.skipped)} dòng tổng cộng hoặc dòng lặp lại.</div>
          ) : null}
          {preview.notes.map((n, i) => (
            <div key={i}>{n.vi}</div>
          ))}
        </>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

export function PreviewStep({ preview }: { preview: SheetPreview }) {
  const page = useSheetImportStore((s) => s.page);
  const problemsOnly = useSheetImportStore((s) => s.problemsOnly);
  const setPage = useSheetImportStore((s) => s.setPage);
  return (
    <div data-testid="sheet-preview">
      <Summary preview={preview} />
      {preview.problems > 0 ? (
        <div style={{ marginBottom: 8 }}>
          <Switch
            size="small"
            checked={problemsOnly}
            onChange={(v) => void setPage(0, v)}
            data-testid="sheet-problems-only"
          />{' '}
          Chỉ hiện dòng có lỗi
        </div>
      ) : null}
      <Table<PreviewRow>
        size="small"
        rowKey={(r) => `${r.sheet}:${r.n}`}
        dataSource={preview.rows}
        scroll={{ y: 330 }}
        rowClassName={(r) => (r.problems.length > 0 ? 'sheet-row-bad' : '')}
        pagination={{
          current: page + 1,
          pageSize: PREVIEW_PAGE,
          total: preview.matching,
          showSizeChanger: false,
          onChange: (p) => void setPage(p - 1),
          showTotal: (t) => `${formatNumber(t)} dòng`,
        }}
        columns={[
          {
            title: 'Dòng',
            key: 'n',
            width: 90,
            render: (_, r) => (
              <div>
                <div>{r.n}</div>
                <Typography.Text type="secondary" className="sheet-sheet-name">
                  {r.sheet}
                </Typography.Text>
                {r.problems
                  .filter((p) => columnOf(p) === 'row')
                  .map((p, i) => (
                    <Typography.Text key={i} type="danger" className="sheet-problem">
                      {p.header ? `${p.header}: ` : ''}
                      {p.msg.vi}
                    </Typography.Text>
                  ))}
              </div>
            ),
          },
          cell('date', 110, 'Ngày'),
          cell('channel', 150, 'Hình thức'),
          cell('communes', 150, 'Địa bàn'),
          cell('title', undefined, 'Nội dung'),
          cell('audience', 100, 'Số người'),
          cell('costVnd', 110, 'Kinh phí'),
          cell('measures', 150, 'Số lượng'),
        ]}
        data-testid="sheet-rows"
      />
    </div>
  );
}
