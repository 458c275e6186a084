// Shown at start instead of the app when the data file is missing, emptied or damaged and a
// restore can mend it: what happened, the latest backup and what it lacks, and the restore
// through the same preview as the backup screen. Starting afresh is not offered: a new empty
// file would hide the office's work behind a blank logbook.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { EyeOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import type { RecoveryOffer } from '../../../../shared/backup';
import type { AppInfo } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { errorMessage } from '../../api';
import { formatInstant } from '../../lib/dates';
import { useAppStore } from '../../stores/app';
import { ActivityBriefTable } from './ActivityBriefTable';
import { BackupsTable } from './BackupsTable';
import { activitiesText, kindLabel, LOCATION_LABELS } from './format';
import { RestoreFromFile } from './RestoreFromFile';
import { useBackups } from './useBackups';
import { useRestore } from './useRestore';
import './backup.css';

const REASONS: Record<RecoveryOffer['reason'], string> = {
  missing: 'Không tìm thấy tệp dữ liệu của ứng dụng: tệp có thể đã bị xóa, đổi tên hoặc chuyển đi.',
  empty:
    'Tệp dữ liệu của ứng dụng trống rỗng: có thể máy bị mất điện hoặc ổ đĩa gặp sự cố khi đang ghi.',
  damaged: 'Tệp dữ liệu của ứng dụng bị hỏng nên không thể ghi tiếp vào đó.',
};

export function RecoveryScreen({ info, offer }: { info: AppInfo; offer: RecoveryOffer }) {
  const flow = useRestore();
  const [showAll, setShowAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A damaged file that still reads can be looked at read-only instead.
  const readable = useAppStore((s) => offer.reason === 'damaged' && s.desks !== null);
  const declineRecovery = useAppStore((s) => s.declineRecovery);
  const { latest } = offer;

  const restoreLatest = async () => {
    if (!latest) return;
    setError(null);
    try {
      await flow.open(latest.path, latest);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <div className="recovery-page" data-testid="recovery">
      <Card className="recovery-card">
        <div className="recovery-head">
          <WarningOutlined />
          <div>
            <h1>Cần khôi phục dữ liệu trước khi làm việc tiếp</h1>
            <Typography.Paragraph style={{ marginBottom: 4 }} data-testid="recovery-reason">
              {REASONS[offer.reason]} Ứng dụng không bắt đầu lại với sổ trống, để công việc đã ghi
              không bị che mất.
            </Typography.Paragraph>
            {info.problem ? (
              <Typography.Text type="secondary" className="recovery-problem">
                {info.problem}
              </Typography.Text>
            ) : null}
          </div>
        </div>
        <div className="recovery-body">
          {latest ? (
            <section data-testid="recovery-latest">
              <h2>Bản sao lưu gần nhất</h2>
              <Descriptions size="small" column={2} bordered styles={{ label: { width: 150 } }}>
                <Descriptions.Item label="Sao lưu lúc">
                  <strong>{formatInstant(latest.createdAt)}</strong> ({kindLabel(latest.kind)})
                </Descriptions.Item>
                <Descriptions.Item label="Hoạt động">
                  <span data-testid="recovery-latest-activities">
                    {activitiesText(latest.counts.activities)}
                  </span>
                  {latest.lastActivityDate
                    ? `, gần nhất ngày ${formatDate(latest.lastActivityDate)}`
                    : ''}
                </Descriptions.Item>
                <Descriptions.Item label="Nơi lưu" span={2}>
                  {LOCATION_LABELS[latest.location]}:{' '}
                  <span className="path-text">{latest.path}</span>
                </Descriptions.Item>
              </Descriptions>
            </section>
          ) : (
            <Alert
              type="warning"
              showIcon
              title="Không tìm thấy bản sao lưu nào trên máy này hay ở nơi lưu thứ hai."
              description="Nếu có bản sao lưu hoặc tệp chuyển máy ở nơi khác (USB, máy khác), hãy nhập đường dẫn của tệp ở “Khôi phục từ tệp khác”."
            />
          )}
          {latest ? <AfterBackup offer={offer} createdAt={latest.createdAt} /> : null}
          <div className="recovery-actions">
            {latest ? (
              <Button
                type="primary"
                size="large"
                icon={<RollbackOutlined />}
                loading={flow.loading === latest.path}
                onClick={() => void restoreLatest()}
                data-testid="recovery-restore"
              >
                Khôi phục bản sao lưu này
              </Button>
            ) : null}
            {latest ? (
              <Button
                type="link"
                onClick={() => setShowAll((v) => !v)}
                data-testid="recovery-show-all"
              >
                {showAll ? 'Ẩn danh sách bản sao lưu' : 'Xem tất cả bản sao lưu hoặc chọn tệp khác'}
              </Button>
            ) : null}
            {readable ? (
              <Button
                icon={<EyeOutlined />}
                onClick={declineRecovery}
                data-testid="recovery-readonly"
              >
                Xem dữ liệu hiện có (chỉ đọc)
              </Button>
            ) : null}
          </div>
          {error ? <Alert type="error" showIcon title={error} /> : null}
          {showAll || !latest ? <AllBackups flow={flow} /> : null}
          <Alert
            type="info"
            showIcon
            data-testid="recovery-packages-hint"
            title="Hoạt động đã gửi đi trong các gói dữ liệu (.ttpkg) có thể lấy lại sau khi khôi phục."
            description="Sau khi khôi phục, mở mục “Sao lưu và khôi phục”, phần “Lấy lại hoạt động từ gói đã xuất”, rồi chọn tệp gói còn lưu trên máy hoặc USB."
          />
        </div>
      </Card>
      {flow.modal}
    </div>
  );
}

function AfterBackup({ offer, createdAt }: { offer: RecoveryOffer; createdAt: string }) {
  const when = formatInstant(createdAt);
  if (offer.after === null) {
    return (
      <Typography.Paragraph style={{ margin: 0 }} data-testid="recovery-after">
        Bản sao lưu này không có các hoạt động ghi sau thời điểm đó ({when}).
      </Typography.Paragraph>
    );
  }
  if (offer.after.length === 0) {
    return (
      <Typography.Paragraph style={{ margin: 0 }} data-testid="recovery-after">
        Không có hoạt động nào được ghi hoặc sửa sau {when}: khôi phục không làm mất hoạt động nào.
      </Typography.Paragraph>
    );
  }
  return (
    <section>
      <h2>Các hoạt động ghi hoặc sửa sau {when}, sẽ không có trong bản khôi phục</h2>
      <ActivityBriefTable rows={offer.after} total={offer.after.length} testId="recovery-after" />
    </section>
  );
}

function AllBackups({ flow }: { flow: ReturnType<typeof useRestore> }) {
  const backups = useBackups();
  return (
    <section data-testid="recovery-all">
      {backups.error ? <Alert type="error" showIcon title={backups.error} /> : null}
      <BackupsTable rows={backups.list} flow={flow} pageSize={5} />
      <RestoreFromFile flow={flow} />
    </section>
  );
}
