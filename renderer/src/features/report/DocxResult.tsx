// The generated Word file (the signed one in a locked period): "Tải về" everywhere, "Mở
// bằng Word" in the desktop app only (browser mode cannot open a program on the user's
// machine).
import { useState } from 'react';
import { Button, Space } from 'antd';
import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api';
import { DocxFileAlert } from '../../components/DocxFileAlert';
import { useReportStore } from '../../stores/report';
import { useSignedLabel } from './DocxButton';
import { downloadBase64 } from './download';

/** What came of the last "Tạo báo cáo Word": the file to take, or why there is none. */
export function DocxResult() {
  const file = useReportStore((s) => s.file);
  const fileError = useReportStore((s) => s.fileError);
  const period = useReportStore((s) => s.period);
  const subject = useReportStore((s) => s.subject);
  const signed = useSignedLabel();
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<string | null>(null);
  const desktop = typeof window !== 'undefined' && window.api !== undefined;

  const open = async () => {
    setOpening(true);
    setOpenError(null);
    try {
      await api['report:open']({ period, subject });
    } catch (err) {
      setOpenError(errorMessage(err));
    } finally {
      setOpening(false);
    }
  };

  return (
    <DocxFileAlert
      file={file}
      error={fileError}
      errorTitle="Không tạo được báo cáo Word"
      doneTitle={signed ?? 'Đã tạo báo cáo'}
      testId="report-docx"
      note={openError ? <div className="docx-open-error">{openError}</div> : null}
      actions={(f) => (
        <Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadBase64(f.base64, f.fileName)}
            data-testid="report-download"
          >
            Tải về
          </Button>
          {desktop ? (
            <Button
              icon={<FolderOpenOutlined />}
              loading={opening}
              onClick={() => void open()}
              data-testid="report-open"
            >
              Mở bằng Word
            </Button>
          ) : null}
        </Space>
      )}
    />
  );
}
