// The header button that builds a report's Word file (the office report, the province's
// merged report); the caller's store saves the pending texts first.
import { Button } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';

interface Props {
  /** "Tạo báo cáo Word", "Tải báo cáo tổng hợp (Word)". */
  label: string;
  generating: boolean;
  /** False until the figures and texts of the period are in. */
  ready: boolean;
  onClick: () => void;
  testId: string;
}

export function DocxFileButton({ label, generating, ready, onClick, testId }: Props) {
  return (
    <Button
      type="primary"
      size="large"
      icon={<FileWordOutlined />}
      loading={generating}
      disabled={!ready}
      onClick={onClick}
      data-testid={testId}
    >
      {generating ? 'Đang tạo báo cáo…' : label}
    </Button>
  );
}
