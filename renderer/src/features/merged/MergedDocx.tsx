// "Tải báo cáo tổng hợp (Word)": saves the pending texts, builds the merged report and
// downloads it (download.ts: the browser's download, or the desktop's save dialog).
import { Alert, Button } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useMergedStore } from '../../stores/merged';
import { downloadBase64 } from '../report/download';

export function MergedDocxButton() {
  const generate = useMergedStore((s) => s.generate);
  const generating = useMergedStore((s) => s.generating);
  const ready = useMergedStore((s) => s.texts !== null && s.data !== null);
  const download = async () => {
    const file = await generate();
    if (file) downloadBase64(file.base64, file.fileName);
  };
  return (
    <Button
      type="primary"
      size="large"
      icon={<FileWordOutlined />}
      loading={generating}
      disabled={!ready}
      onClick={() => void download()}
      data-testid="merged-docx"
    >
      {generating ? 'Đang tạo báo cáo…' : 'Tải báo cáo tổng hợp (Word)'}
    </Button>
  );
}

/** What came of the last download: the file's name (and where the app keeps a copy), or why not. */
export function MergedDocxResult() {
  const file = useMergedStore((s) => s.file);
  const fileError = useMergedStore((s) => s.fileError);
  const desktop = typeof window !== 'undefined' && window.api !== undefined;
  if (fileError) {
    return (
      <Alert
        type="error"
        showIcon
        title="Không tạo được báo cáo tổng hợp"
        description={fileError}
        data-testid="merged-docx-error"
      />
    );
  }
  if (!file) return null;
  return (
    <Alert
      type="success"
      showIcon
      closable
      title={`Đã tải về: ${file.fileName}`}
      description={
        desktop ? <div className="report-file-path">Bản lưu trong máy: {file.path}</div> : undefined
      }
      data-testid="merged-docx-result"
    />
  );
}
