// "Xuất gói dữ liệu" asks first: exporting signs the period's figures and locks them, so
// the clerk sees what goes into the package (the period and its days, the activities per
// report), what it replaces, and in words what is unusual: a period not over yet, or one
// without any activity (then a nil report must be chosen explicitly), and the photos it
// carries against the size the office's email takes. An export the engine refuses keeps the
// modal open with the reason in full: "too large" names the photos to untick.
import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Modal, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { SUBJECT_LABELS } from '../../../../shared/domain';
import { formatDate, formatNumber, formatSize } from '../../../../shared/format';
import type { ExportPreview } from '../../../../shared/package';
import { periodName } from '../../components/PeriodTitle';
import { formatInstant } from '../../lib/dates';

interface Props {
  preview: ExportPreview;
  exporting: boolean;
  /** Why the last export from this modal failed (the engine's own sentence). */
  error: string | null;
  onCancel: () => void;
  onConfirm: (allowEmpty: boolean) => void;
}

const activitiesText = (n: number) => `${formatNumber(n)} hoạt động`;

const MB = 1024 * 1024;
/** Past this share of the limit the line turns amber: the reports and data add their part. */
const NEAR_LIMIT = 0.85;
/** In MB as the limit is; a few small photos in KB rather than "0 MB". */
const mbText = (bytes: number) =>
  bytes < MB / 10 ? formatSize(bytes) : `${formatNumber(bytes / MB, bytes < 10 * MB ? 1 : 0)} MB`;

/** How many photos travel, what they weigh, and the limit the office set for email. */
function PhotosLine({ photos }: { photos: ExportPreview['photos'] }) {
  const over = photos.bytes > photos.limitBytes;
  const near = !over && photos.bytes >= photos.limitBytes * NEAR_LIMIT;
  const limit = `${formatNumber(Math.round(photos.limitBytes / MB))} MB`;
  return (
    <span data-testid="export-confirm-photos" data-level={over ? 'over' : near ? 'near' : 'ok'}>
      <Typography.Text type={over ? 'danger' : near ? 'warning' : undefined} strong={over || near}>
        Kèm {formatNumber(photos.count)} ảnh ({mbText(photos.bytes)}); giới hạn gói {limit}
      </Typography.Text>
      {over || near ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
          {over
            ? 'Ảnh đã vượt giới hạn gửi qua thư điện tử: hãy bỏ chọn “Gửi kèm gói” cho bớt ảnh, hoặc tăng giới hạn trong Cài đặt.'
            : 'Gói gần tới giới hạn gửi qua thư điện tử.'}
        </Typography.Paragraph>
      ) : null}
    </span>
  );
}

/** The modal; mount it anew for each preview so the nil-report box starts unticked. */
export function ExportConfirm({ preview, exporting, error, onCancel, onConfirm }: Props) {
  const [nilReport, setNilReport] = useState(false);
  const { period, reuses, replaces } = preview;
  // A reused package is handed back as it is: the engine neither counts nor locks anew.
  // Judged per subject, as the engine does: a report of zeros is a nil report.
  const emptySubjects = reuses ? [] : preview.subjects.filter((s) => s.activities === 0);
  const empty = emptySubjects.length > 0;
  const allEmpty = preview.activities === 0;
  const early = !reuses && !preview.ended;
  const days = `${formatDate(period.from)} – ${formatDate(period.to)}`;

  return (
    <Modal
      open
      title={`Xuất gói dữ liệu ${period.label}?`}
      width={600}
      onCancel={onCancel}
      maskClosable={!exporting}
      footer={[
        <Button
          key="cancel"
          onClick={onCancel}
          disabled={exporting}
          data-testid="export-confirm-cancel"
        >
          Hủy
        </Button>,
        <Button
          key="ok"
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={exporting}
          disabled={empty && !nilReport}
          onClick={() => onConfirm(empty && nilReport)}
          data-testid="export-confirm-ok"
        >
          {reuses ? `Lấy lại gói số ${String(reuses.sequence)}` : 'Xuất và khóa kỳ'}
        </Button>,
      ]}
    >
      <div className="export-confirm" data-testid="export-confirm">
        {/* A fixed label width: a two-line photo warning would otherwise squeeze the labels. */}
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 170 } }}>
          <Descriptions.Item label="Kỳ báo cáo">
            <span data-testid="export-confirm-period">
              <strong>{periodName(period)}</strong> ({days})
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="Hoạt động trong gói">
            <span data-testid="export-confirm-activities">
              {activitiesText(preview.activities)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="Báo cáo Word kèm theo">
            <ul className="export-confirm-subjects">
              {preview.subjects.map((s) => (
                <li key={s.subject} data-testid={`export-confirm-subject-${s.subject}`}>
                  {SUBJECT_LABELS[s.subject]}: {activitiesText(s.activities)}
                </li>
              ))}
            </ul>
          </Descriptions.Item>
          {preview.photos.count > 0 ? (
            <Descriptions.Item label="Ảnh minh chứng">
              <PhotosLine photos={preview.photos} />
            </Descriptions.Item>
          ) : null}
          {replaces ? (
            <Descriptions.Item label="Bản đính chính">
              <span data-testid="export-confirm-replaces">
                Thay cho gói số {replaces.sequence}, xuất lúc {formatInstant(replaces.createdAt)}
              </span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>

        {reuses ? (
          <Alert
            type="info"
            showIcon
            data-testid="export-confirm-reuses"
            title={`Kỳ này đã xuất gói số ${String(reuses.sequence)} và đang khóa: ứng dụng sẽ cho lại đúng gói đó, không tạo gói mới.`}
          />
        ) : (
          <Typography.Text>
            Ứng dụng sẽ ký số và đóng gói số liệu, danh sách hoạt động và báo cáo Word của kỳ. Sau
            khi xuất, số liệu và nội dung báo cáo của kỳ sẽ bị khóa; muốn sửa phải mở khóa và ghi rõ
            lý do.
          </Typography.Text>
        )}
        {early ? (
          <Alert
            type="warning"
            showIcon
            data-testid="export-confirm-early"
            title={`Kỳ báo cáo chưa kết thúc (đến hết ngày ${formatDate(period.to)}).`}
            description="Sau khi xuất, số liệu của kỳ sẽ bị khóa: hoạt động làm từ nay đến hết kỳ chỉ ghi được sau khi mở khóa để sửa, và lần xuất sau sẽ là bản đính chính."
          />
        ) : null}
        {empty ? (
          <Alert
            type="warning"
            showIcon
            data-testid="export-confirm-empty"
            title={
              allEmpty
                ? 'Kỳ này chưa có hoạt động nào trong sổ.'
                : `Kỳ này chưa có hoạt động nào về ${emptySubjects
                    .map((s) => SUBJECT_LABELS[s.subject].toLocaleLowerCase('vi'))
                    .join(', ')}: báo cáo chủ đề đó sẽ không có số liệu.`
            }
            description={
              <>
                <div>
                  Nếu còn hoạt động chưa ghi, hãy bấm Hủy và ghi vào sổ trước. Nếu đúng là kỳ này
                  đơn vị không có hoạt động nào, hãy đánh dấu ô dưới đây.
                </div>
                <Checkbox
                  checked={nilReport}
                  onChange={(e) => setNilReport(e.target.checked)}
                  className="export-confirm-nil"
                  data-testid="export-confirm-nil"
                >
                  Tôi xác nhận gửi báo cáo không có số liệu (báo cáo trắng)
                </Checkbox>
              </>
            }
          />
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            data-testid="export-confirm-error"
            title="Chưa xuất được gói dữ liệu"
            description={error}
          />
        ) : null}
      </div>
    </Modal>
  );
}
