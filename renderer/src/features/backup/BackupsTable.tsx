// Every verified backup, on this computer and in the second place, newest first; each row
// can be restored (through the preview).
import { App, Button, Table, Tag, Tooltip } from 'antd';
import { PushpinOutlined, RollbackOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { BackupEntry } from '../../../../shared/backup';
import { formatNumber } from '../../../../shared/format';
import { errorMessage } from '../../api';
import { formatInstant } from '../../lib/dates';
import { dateOrDash, formatSize, kindLabel, LOCATION_LABELS } from './format';
import type { RestoreFlow } from './useRestore';

interface Props {
  rows: BackupEntry[] | null;
  flow: RestoreFlow;
  pageSize?: number;
}

export function BackupsTable({ rows, flow, pageSize = 8 }: Props) {
  const { message } = App.useApp();

  const restore = async (entry: BackupEntry) => {
    try {
      await flow.open(entry.path, entry);
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: ColumnsType<BackupEntry> = [
    {
      title: 'Thời điểm sao lưu',
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => formatInstant(at),
    },
    {
      title: 'Loại',
      dataIndex: 'kind',
      render: (_, e) => (
        <span className="backup-kind">
          {kindLabel(e.kind)}
          {e.pinned ? (
            <Tooltip title="Được giữ lại lâu dài, không bị xóa khi dọn các bản cũ">
              <PushpinOutlined className="backup-pin" />
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    {
      title: 'Hoạt động',
      key: 'activities',
      width: 96,
      align: 'right',
      render: (_, e) => formatNumber(e.counts.activities),
    },
    {
      title: 'Hoạt động gần nhất',
      dataIndex: 'lastActivityDate',
      width: 150,
      render: (d: string | null) => dateOrDash(d),
    },
    {
      title: 'Nơi lưu',
      dataIndex: 'location',
      width: 116,
      render: (l: BackupEntry['location']) => (
        <Tag color={l === 'mirror' ? 'geekblue' : 'default'}>{LOCATION_LABELS[l]}</Tag>
      ),
    },
    {
      title: 'Dung lượng',
      dataIndex: 'sizeBytes',
      width: 100,
      align: 'right',
      render: (n: number) => formatSize(n),
    },
    {
      title: '',
      key: 'actions',
      width: 120,
      align: 'right',
      render: (_, e) => (
        <Button
          size="small"
          icon={<RollbackOutlined />}
          loading={flow.loading === e.path}
          disabled={flow.loading !== null && flow.loading !== e.path}
          onClick={() => void restore(e)}
          data-testid="backup-restore"
        >
          Khôi phục…
        </Button>
      ),
    },
  ];

  return (
    <Table<BackupEntry>
      size="small"
      rowKey={(e) => `${e.location}:${e.id}`}
      columns={columns}
      dataSource={rows ?? []}
      loading={rows === null}
      pagination={{ pageSize, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: 'Chưa có bản sao lưu nào.' }}
      onRow={(e) => ({ 'data-testid': `backup-row-${e.id}` }) as React.HTMLAttributes<HTMLElement>}
      data-testid="backups-table"
    />
  );
}
