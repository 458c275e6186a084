// The logbook rows in a virtual table: only the rows on screen are drawn, so 100,000
// rows scroll as smoothly as 100. The table has a line for every matching row; one whose
// page is not loaded yet is a placeholder that asks for its page when scrolled into view.
// A row dated in a locked period shows a lock and cannot be edited, deleted or restored
// until the period is unlocked on the report screen.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode,
} from 'react';
import { Button, Space, Table, Tag, Typography } from 'antd';
import { DeleteButton } from '../../components/DeleteButton';
import type { ColumnsType, TableRef } from 'antd/es/table';
import { CameraOutlined, EditOutlined, HistoryOutlined, UndoOutlined } from '@ant-design/icons';
import type { ActivityRow } from '../../../../shared/contract';
import { CHANNEL_LABELS, CHANNEL_SHORT_LABELS, type Channel } from '../../../../shared/domain';
import { formatDate, formatNumber } from '../../../../shared/format';
import { rowAreaLabels } from '../../lib/areas';
import { measuresText } from '../../lib/measures';
import { useElementHeight } from '../../lib/useElementHeight';
import { useAreasByCode, useAreaWords, useWritable } from '../../stores/app';
import { useActivityFormStore } from '../../stores/activityForm';
import { isPlaceholder, useLogbookStore, type LogbookEntry } from '../../stores/logbook';
import { usePackagesStore } from '../../stores/packages';
import { lockOn } from '../report/locks';
import { LockedActions } from './LockedActions';
import { PendingDate, PendingRow } from './PendingRow';
import { PhotoCount, RowPhotoViewer } from './RowPhotos';
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

/** Height of the table header row, taken off the scroll area. */
const HEADER_HEIGHT = 40;

/** A cell drawn from a loaded row; a placeholder's cell stays empty. */
function ofRow(draw: (row: ActivityRow) => ReactNode) {
  return (_: unknown, entry: LogbookEntry): ReactNode =>
    isPlaceholder(entry) ? null : draw(entry);
}

export function LogbookTable({ onHistory }: { onHistory: (row: ActivityRow) => void }) {
  const entries = useLogbookStore((s) => s.entries);
  const loading = useLogbookStore((s) => s.loading);
  const filter = useLogbookStore((s) => s.filter);
  const table = useRef<TableRef>(null);
  const openEdit = useActivityFormStore((s) => s.openEdit);
  const writable = useWritable();
  const words = useAreaWords();
  const byCode = useAreasByCode();
  const locks = usePackagesStore((s) => s.locks);
  const { remove, restore } = useRowActions();
  const box = useRef<HTMLDivElement>(null);
  const height = useElementHeight(box);
  const [photoRow, setPhotoRow] = useState<ActivityRow | null>(null);
  const closePhotos = useCallback(() => setPhotoRow(null), []);

  const filtered =
    filter.period !== '' ||
    filter.search.trim() !== '' ||
    filter.channels.length + filter.communes.length + filter.themes.length > 0;

  // Another filter is another list: show it from its top.
  useEffect(() => table.current?.scrollTo({ top: 0 }), [filter]);

  const columns: ColumnsType<LogbookEntry> = [
    {
      title: 'Ngày',
      dataIndex: 'date',
      width: 104,
      render: (_, r) =>
        isPlaceholder(r) ? (
          <PendingDate />
        ) : (
          <span>
            {formatDate(r.date)}
            {r.endDate ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                đến {formatDate(r.endDate)}
              </Typography.Text>
            ) : null}
          </span>
        ),
    },
    {
      title: 'Hình thức',
      dataIndex: 'channel',
      width: 118,
      render: ofRow(({ channel: c }) => (
        <Tag color={CHANNEL_COLORS[c]} style={{ marginInlineEnd: 0 }} title={CHANNEL_LABELS[c]}>
          {CHANNEL_SHORT_LABELS[c]}
        </Tag>
      )),
    },
    {
      title: words.heading,
      dataIndex: 'communes',
      width: 170,
      ellipsis: true,
      render: ofRow((r) => {
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
      }),
    },
    {
      title: 'Nội dung',
      dataIndex: 'title',
      ellipsis: true,
      render: (_, r) =>
        isPlaceholder(r) ? <PendingRow page={r.page} /> : <span title={r.title}>{r.title}</span>,
    },
    {
      title: <CameraOutlined aria-label="Hình ảnh" title="Hình ảnh" />,
      key: 'photos',
      width: 56,
      align: 'center',
      render: ofRow((r) => <PhotoCount row={r} onOpen={() => setPhotoRow(r)} />),
    },
    {
      title: 'Số người',
      dataIndex: 'audience',
      width: 92,
      align: 'right',
      // An estimate reads "~1.200", as the report's "khoảng 1.200".
      render: ofRow((row) =>
        row.audienceEstimated ? (
          <span title="Số ước tính" data-testid="audience-estimated">
            ~{formatNumber(row.audience)}
          </span>
        ) : (
          formatNumber(row.audience)
        ),
      ),
    },
    {
      title: 'Kinh phí (đ)',
      dataIndex: 'costVnd',
      width: 112,
      align: 'right',
      render: ofRow((r) => formatNumber(r.costVnd)),
    },
    {
      title: 'Số liệu',
      key: 'measures',
      width: 190,
      ellipsis: true,
      render: ofRow((r) => {
        const text = measuresText(r);
        return <span title={text}>{text}</span>;
      }),
    },
    {
      title: '',
      key: 'actions',
      width: filter.deleted ? 176 : 140,
      render: ofRow((r) => {
        const history = (
          <Button
            type="text"
            size="small"
            icon={<HistoryOutlined />}
            aria-label="Lịch sử"
            title="Lịch sử"
            onClick={() => onHistory(r)}
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
              onClick={() => void restore(r)}
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
              onClick={() => openEdit(r)}
              data-testid="row-edit"
            />
            {history}
            <DeleteButton
              question="Xóa hoạt động này?"
              onConfirm={() => void remove(r)}
              disabled={!writable}
              testId="row-delete"
            />
          </Space>
        );
      }),
    },
  ];

  return (
    <div ref={box} className="fill" style={{ background: '#fff', borderRadius: 8 }}>
      <Table<LogbookEntry>
        ref={table}
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={entries}
        loading={loading && entries.length === 0}
        pagination={false}
        scroll={{ x: 1100, y: Math.max(160, height - HEADER_HEIGHT) }}
        onRow={(r, index) =>
          // The row's place in the list, for finding it again (a test compares it to the file).
          ({
            'data-row-index': index,
            onDoubleClick: () => {
              if (isPlaceholder(r) || filter.deleted || !writable || lockOn(locks, r.date)) return;
              openEdit(r);
            },
          }) as HTMLAttributes<HTMLElement>
        }
        locale={{
          emptyText: filter.deleted
            ? 'Không có hoạt động nào đã xóa.'
            : filtered
              ? 'Không có hoạt động nào khớp bộ lọc.'
              : 'Chưa có hoạt động nào. Bấm “Thêm hoạt động” để bắt đầu ghi sổ.',
        }}
        data-testid="logbook-table"
      />
      <RowPhotoViewer row={photoRow} onClose={closePhotos} />
    </div>
  );
}
