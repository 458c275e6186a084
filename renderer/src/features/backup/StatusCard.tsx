// Where the backups stand: the last good one (when, how many activities, where), the second
// place and whether it can be reached now, and "Sao lưu ngay".
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import type { BackupEntry, BackupStatus } from '../../../../shared/backup';
import { formatDate, formatNumber } from '../../../../shared/format';
import { api } from '../../api';
import { FormError } from '../../components/FormError';
import { formatInstant } from '../../lib/dates';
import { useSubmit } from '../../lib/useSubmit';
import { activitiesText, kindLabel } from './format';
import { MirrorForm } from './MirrorForm';

interface Props {
  status: BackupStatus | null;
  onChanged: () => Promise<void>;
  onSaved: (status: BackupStatus) => void;
}

export function StatusCard({ status, onChanged, onSaved }: Props) {
  const submit = useSubmit();
  const [made, setMade] = useState<BackupEntry | null>(null);

  const backupNow = () =>
    submit.run(async () => {
      setMade(null);
      setMade(await api['backup:make']({}));
      await onChanged();
    });

  return (
    <Card
      size="small"
      title="Tình trạng sao lưu"
      data-testid="backup-status"
      extra={
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={submit.busy}
          onClick={() => void backupNow()}
          data-testid="backup-now"
        >
          {submit.busy ? 'Đang sao lưu và kiểm tra…' : 'Sao lưu ngay'}
        </Button>
      }
    >
      {made ? (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setMade(null) }}
          className="backup-made"
          data-testid="backup-made"
          title={
            <span className="path-text">
              Đã sao lưu và kiểm tra xong {activitiesText(made.counts.activities)} vào tệp{' '}
              <strong>{made.id}</strong>
            </span>
          }
        />
      ) : null}
      <FormError error={submit.error} style={{ marginBottom: 12 }} testId="backup-now-error" />
      <Descriptions
        size="small"
        column={2}
        styles={{ label: { width: 150 } }}
        className="backup-facts"
      >
        <Descriptions.Item label="Lần sao lưu gần nhất">
          <LastGood entry={status?.lastGood ?? null} loaded={status !== null} />
        </Descriptions.Item>
        <Descriptions.Item label="Nội dung">
          {status?.lastGood ? (
            <span data-testid="backup-last-activities">
              {activitiesText(status.lastGood.counts.activities)}
              {status.lastGood.lastActivityDate
                ? `, gần nhất ngày ${formatDate(status.lastGood.lastActivityDate)}`
                : ''}
            </span>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="Thư mục sao lưu">
          {status ? (
            <span className="path-text" data-testid="backup-folder">
              {status.folder}
              <Typography.Text type="secondary">
                {' '}
                ({formatNumber(status.count)} bản)
              </Typography.Text>
            </span>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label="Nơi thứ hai">
          <MirrorState status={status} />
        </Descriptions.Item>
      </Descriptions>
      <MirrorForm status={status} onSaved={onSaved} />
    </Card>
  );
}

function LastGood({ entry, loaded }: { entry: BackupEntry | null; loaded: boolean }) {
  if (!loaded) return null;
  if (!entry) return <Tag color="warning">Chưa có bản sao lưu nào</Tag>;
  return (
    <span data-testid="backup-last">
      <strong>{formatInstant(entry.createdAt)}</strong>
      <Typography.Text type="secondary"> · {kindLabel(entry.kind)}</Typography.Text>
    </span>
  );
}

function MirrorState({ status }: { status: BackupStatus | null }) {
  if (!status) return null;
  if (!status.mirrorDir) return <Typography.Text type="secondary">Chưa đặt</Typography.Text>;
  return (
    <div className="mirror-state" data-testid="mirror-state">
      <span className="path-text">{status.mirrorDir}</span>
      <span>
        {status.mirrorReachable ? (
          <Tag color="success">Đang truy cập được</Tag>
        ) : (
          <Tag color="warning">Không truy cập được (USB chưa cắm?)</Tag>
        )}
        {status.mirrorPending ? <Tag color="processing">Có bản chờ chép</Tag> : null}
      </span>
      <Typography.Text type="secondary">
        {status.lastMirroredAt
          ? `Chép lần cuối lúc ${formatInstant(status.lastMirroredAt)}`
          : 'Chưa chép lần nào'}
      </Typography.Text>
    </div>
  );
}
