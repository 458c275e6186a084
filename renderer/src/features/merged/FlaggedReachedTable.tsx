// The flagged areas reached in the period (border, remote, ethnic minority, key), each
// with its office; the numbers open the area's activities.
import { Table, Tag, Typography } from 'antd';
import { areaHeading, areaNoun } from '../../../../shared/areas';
import { COMMUNE_FLAG_LABELS, type CommuneFlag } from '../../../../shared/domain';
import type { MergedData } from '../../../../shared/inbox';
import { NumberLink } from '../../components/NumberLink';
import { reportKinds } from '../../lib/areas';
import type { OnDrill } from '../../lib/drill';

type Row = MergedData['flaggedReached'][number];

export function FlaggedReachedTable({ data, onDrill }: { data: MergedData; onDrill: OnDrill }) {
  const kinds = reportKinds(data);
  const drill = (r: Row, figure?: string) => {
    const flag = r.flags[0];
    return flag
      ? () =>
          onDrill({
            office: r.officeCode,
            officeName: r.officeName,
            flag,
            commune: r.name,
            ...(figure ? { figure } : {}),
          })
      : undefined;
  };
  return (
    <Table<Row>
      size="small"
      rowKey={(r) => `${r.officeCode}/${r.code}`}
      pagination={data.flaggedReached.length > 30 ? { pageSize: 30 } : false}
      dataSource={data.flaggedReached}
      columns={[
        {
          title: 'Đơn vị',
          key: 'office',
          width: 260,
          render: (_, r) => (
            <div className="completeness-office">
              <span>{r.officeName}</span>
              <Typography.Text type="secondary" className="mono">
                {r.officeCode}
              </Typography.Text>
            </div>
          ),
        },
        { title: areaHeading(kinds.reached), dataIndex: 'name', width: 180 },
        {
          title: 'Đặc điểm',
          dataIndex: 'flags',
          render: (flags: CommuneFlag[]) => (
            <span className="merged-flags">
              {flags.map((f) => (
                <Tag key={f}>{COMMUNE_FLAG_LABELS[f]}</Tag>
              ))}
            </span>
          ),
        },
        {
          title: 'Số hoạt động',
          dataIndex: 'activities',
          align: 'right',
          width: 110,
          render: (v: number, r) => <NumberLink value={v} onClick={drill(r)} />,
        },
        {
          title: 'Số lượt người',
          dataIndex: 'audience',
          align: 'right',
          width: 120,
          render: (v: number, r) => <NumberLink value={v} onClick={drill(r, 'Số lượt người')} />,
        },
      ]}
      locale={{
        emptyText: `Chưa có ${areaNoun(kinds.all)} nào thuộc địa bàn trọng tâm được tuyên truyền trong kỳ.`,
      }}
      data-testid="merged-flagged-reached"
    />
  );
}
