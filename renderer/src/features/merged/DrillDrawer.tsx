// The drill-down of a merged figure: the total, the offices behind it (each can be opened
// on its own) and the activities, in a virtual table that loads 500 at a time. An activity
// the office sent photos with opens under its row to show them (DrillPhotos).
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Drawer, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { areaHeading, type AreaKinds } from '../../../../shared/areas';
import {
  CHANNEL_LABELS,
  CHANNEL_SHORT_LABELS,
  type ReportSubject,
} from '../../../../shared/domain';
import { formatDate, formatNumber } from '../../../../shared/format';
import type { Drill, DrillActivity } from '../../../../shared/inbox';
import type { Activity } from '../../../../shared/schemas';
import { measuresText } from '../../lib/measures';
import { NumberLink } from '../../components/NumberLink';
import { PhotoViewer, type ViewerPhoto } from '../../components/PhotoViewer';
import { drillTitle, type DrillQuery, type OnDrill } from '../../lib/drill';
import { PhotoCountButton, PhotoStrip } from './DrillPhotos';
import { useDrill } from './useDrill';

type OfficeRow = Drill['offices'][number];

const rowKey = (a: DrillActivity) => `${a.officeCode}/${a.id}`;

/**
 * The activities' columns; `areas` heads the column of the areas each one names, `photos`
 * draws the cell of the photos the office sent with it.
 */
const activityColumns = (
  areas: string,
  photos: (a: DrillActivity) => ReactNode,
): ColumnsType<DrillActivity> => [
  {
    title: 'Đơn vị',
    dataIndex: 'officeCode',
    width: 170,
    ellipsis: true,
    render: (code: string, a) => (
      <span className="mono" title={a.officeName}>
        {code}
      </span>
    ),
  },
  {
    title: 'Ngày',
    dataIndex: 'date',
    width: 100,
    render: (_, a) =>
      a.endDate ? `${formatDate(a.date)}–${formatDate(a.endDate)}` : formatDate(a.date),
  },
  {
    title: 'Hình thức',
    dataIndex: 'channel',
    width: 110,
    render: (c: DrillActivity['channel']) => (
      <span title={CHANNEL_LABELS[c]}>{CHANNEL_SHORT_LABELS[c]}</span>
    ),
  },
  {
    title: areas,
    dataIndex: 'communes',
    width: 150,
    ellipsis: true,
    render: (c: string[]) =>
      c.length > 0 ? c.join(', ') : <Typography.Text type="secondary">Toàn đơn vị</Typography.Text>,
  },
  { title: 'Nội dung', dataIndex: 'title', ellipsis: true },
  {
    title: 'Ảnh',
    key: 'photos',
    width: 64,
    align: 'center',
    render: (_, a) => photos(a),
  },
  {
    title: 'Số người',
    dataIndex: 'audience',
    width: 90,
    align: 'right',
    render: (n: number) => formatNumber(n),
  },
  {
    title: 'Số liệu',
    key: 'measures',
    width: 170,
    ellipsis: true,
    render: (_, a) =>
      measuresText({ channel: a.channel, measures: a.measures as Activity['measures'] }),
  },
];

interface Props {
  period: string;
  /** The subject of the figures drilled into: the same activities behind them. */
  subject: ReportSubject;
  periodLabel: string;
  /** The kinds of the merged figures' areas, to name them. */
  areaKinds: AreaKinds;
  query: DrillQuery | null;
  onDrill: OnDrill;
  onClose: () => void;
}

export function DrillDrawer({
  period,
  subject,
  periodLabel,
  areaKinds,
  query,
  onDrill,
  onClose,
}: Props) {
  const view = useDrill(period, subject, query);
  // Rows opened to show their photos, and the photos on show in the viewer.
  const [openRows, setOpenRows] = useState<readonly string[]>([]);
  const [viewer, setViewer] = useState<{ photos: ViewerPhoto[]; start: number } | null>(null);
  useEffect(() => setOpenRows([]), [query]);
  const toggle = (key: string) =>
    setOpenRows((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]));
  const value = query?.commune ? null : (view.drill?.total.value ?? null);
  const officeColumns: ColumnsType<OfficeRow> = [
    { title: 'Đơn vị', dataIndex: 'name' },
    {
      title: 'Mã',
      dataIndex: 'code',
      width: 190,
      render: (c: string) => <span className="mono">{c}</span>,
    },
    {
      title: 'Số hoạt động',
      dataIndex: 'activities',
      width: 110,
      align: 'right',
      render: (n: number, r) =>
        query?.office ? (
          formatNumber(n)
        ) : (
          <NumberLink
            value={n}
            onClick={() => onDrill({ ...query, office: r.code, officeName: r.name })}
          />
        ),
    },
    {
      title: 'Số lượt người',
      dataIndex: 'audience',
      width: 120,
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
  ];
  if (value !== null) {
    officeColumns.push({
      title: query?.measure ? 'Số liệu' : 'Giá trị',
      dataIndex: 'value',
      width: 110,
      align: 'right',
      render: (n: number | null) => (n === null ? '' : formatNumber(n)),
    });
  }

  return (
    <Drawer
      open={query !== null}
      onClose={onClose}
      size={1040}
      title={
        <span data-testid="drill-title">
          {query ? drillTitle(query, areaKinds) : ''}{' '}
          <Typography.Text type="secondary">— {periodLabel}</Typography.Text>
        </span>
      }
      destroyOnHidden
      data-testid="drill-drawer"
    >
      <div className="drill-body">
        {view.error ? <Alert type="error" showIcon title={view.error} /> : null}
        <Descriptions size="small" column={3} bordered data-testid="drill-total">
          <Descriptions.Item label="Số hoạt động">{formatNumber(view.total)}</Descriptions.Item>
          <Descriptions.Item label="Số lượt người">
            {formatNumber(
              query?.commune
                ? view.activities.reduce((s, a) => s + a.audience, 0)
                : (view.drill?.total.audience ?? 0),
            )}
          </Descriptions.Item>
          {value !== null ? (
            <Descriptions.Item label={query?.measure ? 'Tổng số liệu' : 'Giá trị'}>
              {formatNumber(value)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {query?.commune ? (
          <Tag color="blue">Chỉ các hoạt động tại {query.commune}</Tag>
        ) : (
          <Table<OfficeRow>
            size="small"
            rowKey="code"
            columns={officeColumns}
            dataSource={view.drill?.offices ?? []}
            loading={view.loading && view.drill === null}
            pagination={false}
            data-testid="drill-offices"
          />
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          Các hoạt động
        </Typography.Title>
        <Table<DrillActivity>
          virtual
          size="small"
          rowKey={rowKey}
          columns={activityColumns(areaHeading(areaKinds.all), (a) => (
            <PhotoCountButton
              activity={a}
              open={openRows.includes(rowKey(a))}
              onToggle={() => toggle(rowKey(a))}
            />
          ))}
          expandable={{
            showExpandColumn: false,
            expandedRowKeys: openRows,
            rowExpandable: (a) => a.photoCount > 0,
            expandedRowRender: (a) => (
              <PhotoStrip activity={a} onOpen={(photos, start) => setViewer({ photos, start })} />
            ),
          }}
          dataSource={view.activities}
          loading={view.loading && view.activities.length === 0}
          pagination={false}
          scroll={{ x: 980, y: 420 }}
          locale={{ emptyText: view.loading ? 'Đang tải…' : 'Không có hoạt động nào.' }}
          data-testid="drill-activities"
        />
        <div className="drill-more">
          <Typography.Text type="secondary" data-testid="drill-count">
            Đang hiện {formatNumber(view.activities.length)}/{formatNumber(view.total)} hoạt động
          </Typography.Text>
          {view.more ? (
            <Button loading={view.loading} onClick={view.more} data-testid="drill-more">
              Xem thêm
            </Button>
          ) : null}
        </div>
      </div>
      <PhotoViewer
        photos={viewer?.photos ?? []}
        start={viewer?.start ?? null}
        onClose={() => setViewer(null)}
        title="Ảnh minh chứng"
      />
    </Drawer>
  );
}
