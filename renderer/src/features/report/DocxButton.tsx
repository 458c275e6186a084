// "Tạo báo cáo Word": saves the pending draft, then builds the period's file (the store
// refuses without a report date).
import { Button } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useReportStore } from '../../stores/report';

/** The generate button, for the screen's header. */
export function DocxButton() {
  const generate = useReportStore((s) => s.generate);
  const generating = useReportStore((s) => s.generating);
  const ready = useReportStore((s) => s.texts !== null && s.data !== null);
  return (
    <Button
      type="primary"
      size="large"
      icon={<FileWordOutlined />}
      loading={generating}
      disabled={!ready}
      onClick={() => void generate()}
      data-testid="report-docx"
    >
      {generating ? 'Đang tạo báo cáo…' : 'Tạo báo cáo Word'}
    </Button>
  );
}
