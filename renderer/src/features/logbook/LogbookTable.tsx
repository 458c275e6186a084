// The logbook rows in a virtual table: only the rows on screen are drawn, so 100,000
// rows scroll as smoothly as 100. The table has a line for every matching row; one whose
// page is not loaded yet shows "Đang tải…" and asks for its page when scrolled into view.
// A row dated in a locked period shows a lock and cannot be edited, deleted or restored
// until the period is unlocked on the report screen.
import { lazy, useCallback, useMemo, useRef, useState } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { CameraOutlined, EditOutlined, HistoryOutlined, UndoOutlined } from '@ant-design/icons';
import type { ActivityRow } from '../../../../shared/contract';
import { CHANNEL_LABELS, CHANNEL_SHORT_LABELS, type Channel } from '../../../../shared/domain';
import { formatDate, formatNumber } from '../../../../shared/format';
import { DeleteButton } from '../../components/DeleteButton';
import { OnDemand } from '../../components/OnDemand';
import { VirtualRows, type VirtualColumn } from '../../components/VirtualRows';
import { rowAreaLabels } from '../../lib/areas';
import { measuresText } from '../../lib/measures';
import { useAreasByCode, useAreaWords, useWritable } from '../../stores/app';
import { useActivityFormStore } from '../../stores/activityForm';
import { PAGE_SIZE, rowAt, useLogbookStore } from '../../stores/logbook';
import { usePackagesStore } from '../../stores/packages';
import { lockOn } from '../report/locks';
import { LockedActions } from './LockedActions';
import { PendingDate, PendingRow } from './PendingRow';
import { PhotoCount } from './RowPhotos';
import { useRowActions } from './useRowActions';

const CHANNEL_COLORS: Record<Channel, string> = {
  van: 'blue',
  banner: 'volcano',
  cinema: 'purple',
  radio: 'green',
  leaflet: 'gold',
  meeting: 'cyan',
  online: 'geekblue',
  press: 'magenta',
  sms: 'lime',
  model: 'orange',
};

// The photo viewer loads with the first photos opened.
const RowPhotoViewer = lazy(() =>
  import('./RowPhotoViewer').then((m) => ({ default: m.RowPhotoViewer })),
);

/**
 * Every row's height: antd's small row as the theme sets it (a 22 px line, 6 px above and
 * below, a 1 px border).
 * A date with an end date sets its two lines closer to fit the same height (app.css).
 */
const ROW_HEIGHT = 35;

/** Below this width the table scrolls sideways rather than squeezing its columns. */
const MIN_WIDTH = 1100;

export function LogbookTable({ onHistory }: { onHistory: (row: ActivityRow) => void }) {
  const pages = useLogbookStore((s) => s.pages);
  const total = useLogbookStore((s) => s.total);
  const loading = useLogbookStore((s) => s.loading);
  const filter = useLogbookStore((s) => s.filter);
  const openEdit = useActivityFormStore((s) => s.openEdit);
  const writable = useWritable();
  const words = useAreaWords();
  const byCode = useAreasByCode();
  const locks = usePackagesStore((s) => s.locks);
  const { remove, restore } = useRowActions();
  const [photoRow, setPhotoRow] = useState<ActivityRow | null>(null);
  const closePhotos = useCallback(() => setPhotoRow(null), []);

  const filtered =
    filter.period !== '' ||
    filter.search.trim() !== '' ||
    filter.channels.length + filter.communes.length + filter.themes.length > 0;

  // The handlers change on every draw; the columns (and so the rows) need not: the rows on
  // screen are drawn again only when what they show changes (a lock, the bin, the words).
  const handlers = useRef({ onHistory, openEdit, remove, restore });
  handlers.current = { onHistory, openEdit, remove, restore };

  const columns = useMemo(
    (): VirtualColumn<ActivityRow>[] => [
      {
        key: 'date',
        title: 'Ngày',
        width: 104,
        pending: () => <PendingDate />,
        render: (r) =>
          r.endDate ? (
            <span className="logbook-date-range">
              {formatDate(r.date)}
              <Typography.Text type="secondary">đến {formatDate(r.endDate)}</Typography.Text>
            </span>
          ) : (
            formatDate(r.date)
          ),
      },
      {
        key: 'channel',
        title: 'Hình thức',
        width: 118,
        render: ({ channel: c }) => (
          <Tag color={CHANNEL_COLORS[c]} style={{ marginInlineEnd: 0 }} title={CHANNEL_LABELS[c]}>
            {CHANNEL_SHORT_LABELS[c]}
          </Tag>
        ),
      },
      {
        key: 'communes',
        title: words.heading,
        width: 170,
        ellipsis: true,
        render: (r) => {
          // Work of the whole office (news online, the press, …) names no area.
          if (r.communes.length === 0) {
            return (
              <Typography.Text type="secondary" title={r.village || undefined}>
                Toàn đơn vị
              </Typography.Text>
            );
          }
          const names = rowAreaLabels(r, byCode);
          return (
            <span title={[...names, r.village].filter(Boolean).join(', ')}>{names.join(', ')}</span>
          );
        },
      },
      {
        key: 'title',
        title: 'Nội dung',
        minWidth: 120,
        ellipsis: true,
        pending: (index) => <PendingRow page={Math.floor(index / PAGE_SIZE)} />,
        render: (r) => <span title={r.title}>{r.title}</span>,
      },
      {
        key: 'photos',
        title: <CameraOutlined aria-label="Hình ảnh" title="Hình ảnh" />,
        width: 56,
        align: 'center',
        render: (r) => <PhotoCount row={r} onOpen={() => setPhotoRow(r)} />,
      },
      {
        key: 'audience',
        title: 'Số người',
        width: 92,
        align: 'right',
        // An estimate reads "~1.200", as the report's "khoảng 1.200".
        render: (row) =>
          row.audienceEstimated ? (
            <span title="Số ước tính" data-testid="audience-estimated">
              ~{formatNumber(row.audience)}
            </span>
          ) : (
            formatNumber(row.audience)
          ),
      },
      {
        key: 'cost',
        title: 'Kinh phí (đ)',
        width: 112,
        align: 'right',
        render: (r) => formatNumber(r.costVnd),
      },
      {
        key: 'measures',
        title: 'Số liệu',
        width: 190,
        ellipsis: true,
        render: (r) => {
          const text = measuresText(r);
          return <span title={text}>{text}</span>;
        },
      },
      {
        key: 'actions',
        title: '',
        width: filter.deleted ? 176 : 140,
        render: (r) => {
          const history = (
            <Button
              type="text"
              size="small"
              icon={<HistoryOutlined />}
              aria-label="Lịch sử"
              title="Lịch sử"
              onClick={() => handlers.current.onHistory(r)}
              data-testid="row-history"
            />
          );
          const lock = lockOn(locks, r.date);
          if (lock) return <LockedActions lock={lock} history={history} deleted={filter.deleted} />;
          return filter.deleted ? (
            <Space size={0}>
              <Button
                size="small"
                icon={<UndoOutlined />}
                disabled={!writable}
                onClick={() => void handlers.current.restore(r)}
                data-testid="row-restore"
              >
                Khôi phục
              </Button>
              {history}
            </Space>
          ) : (
            <Space size={0}>
              {/* Keeps the buttons in line with those of locked rows. */}
              <span className="row-lock-slot" />
              <Button
                type="text"
                size="small"
                icon={<EditOutlined />}
                aria-label="Sửa"
                title="Sửa"
                disabled={!writable}
                onClick={() => handlers.current.openEdit(r)}
                data-testid="row-edit"
              />
              {history}
              <DeleteButton
                question="Xóa hoạt động này?"
                onConfirm={() => void handlers.current.remove(r)}
                disabled={!writable}
                testId="row-delete"
              />
            </Space>
          );
        },
      },
    ],
    [words.heading, byCode, locks, writable, filter.deleted],
  );

  const openRow = useCallback(
    (r: ActivityRow) => {
      if (filter.deleted || !writable || lockOn(locks, r.date)) return;
      openEdit(r);
    },
    [filter.deleted, writable, locks, openEdit],
  );

  return (
    <div className="fill" style={{ background: '#fff', borderRadius: 8 }}>
      <VirtualRows<ActivityRow>
        columns={columns}
        count={total}
        rowAt={(i) => rowAt(pages, i)}
        rowKey={(r) => r.id}
        rowHeight={ROW_HEIGHT}
        minWidth={MIN_WIDTH}
        loading={loading}
        resetKey={filter}
        onRowDoubleClick={openRow}
        label="Các hoạt động trong sổ"
        empty={
          filter.deleted
            ? 'Không có hoạt động nào đã xóa.'
            : filtered
              ? 'Không có hoạt động nào khớp bộ lọc.'
              : 'Chưa có hoạt động nào. Bấm “Thêm hoạt động” để bắt đầu ghi sổ.'
        }
        testId="logbook-table"
      />
      <OnDemand when={photoRow !== null}>
        <RowPhotoViewer row={photoRow} onClose={closePhotos} />
      </OnDemand>
    </div>
  );
}
