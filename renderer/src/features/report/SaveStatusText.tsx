// The quiet line that says whether the draft is safe: saved at HH:mm, saving, or not saved.
import { Typography } from 'antd';
import { CheckCircleOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import type { SaveStatus } from '../../stores/textsDraft';

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const { savedAt, saving, error } = status;
  let content: React.ReactNode;
  if (error) {
    content = (
      <Typography.Text type="danger">
        <WarningOutlined /> Chưa lưu được nháp: {error} Nội dung vẫn được giữ trên máy này.
      </Typography.Text>
    );
  } else if (saving) {
    content = (
      <Typography.Text type="secondary">
        <LoadingOutlined /> Đang lưu nháp…
      </Typography.Text>
    );
  } else if (savedAt) {
    content = (
      <Typography.Text type="secondary">
        <CheckCircleOutlined /> Đã lưu nháp lúc {savedAt}
      </Typography.Text>
    );
  } else {
    content = <Typography.Text type="secondary">Nháp được lưu tự động khi bạn gõ.</Typography.Text>;
  }
  return (
    <span className="report-save-status" data-testid="report-save-status" aria-live="polite">
      {content}
    </span>
  );
}
