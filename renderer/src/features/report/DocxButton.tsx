// "Tạo báo cáo Word": saves the pending draft, then builds the file of the period and
// subject on show (the store refuses without a report date). In a locked period the engine
// gives the file signed into the package instead, and the button says so.
import { Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { DocxFileButton } from '../../components/DocxFileButton';
import { usePackagesStore } from '../../stores/packages';
import { useReportStore } from '../../stores/report';

/** "Bản đã ký trong gói số 2", or without the number while the package list loads. */
export function useSignedLabel(): string | null {
  const readOnly = useReportStore((s) => s.readOnly);
  const period = useReportStore((s) => s.period);
  const sequence = usePackagesStore((s) => (s.period === period ? s.signedSequence : null));
  if (!readOnly) return null;
  return sequence !== null ? `Bản đã ký trong gói số ${String(sequence)}` : 'Bản đã ký';
}

/** The generate button, for the screen's header. */
export function DocxButton() {
  const generate = useReportStore((s) => s.generate);
  const generating = useReportStore((s) => s.generating);
  const ready = useReportStore((s) => s.texts !== null && s.data !== null);
  const signed = useSignedLabel();
  const button = (
    <DocxFileButton
      label={signed ? 'Lấy báo cáo Word' : 'Tạo báo cáo Word'}
      generating={generating}
      ready={ready}
      onClick={() => void generate()}
      testId="report-docx"
    />
  );
  if (!signed) return button;
  return (
    <Space size={12}>
      <Typography.Text type="secondary">
        <LockOutlined /> <span data-testid="report-docx-signed">{signed}</span>
      </Typography.Text>
      {button}
    </Space>
  );
}
