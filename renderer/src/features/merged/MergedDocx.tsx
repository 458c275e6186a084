// "Tải báo cáo tổng hợp (Word)": saves the pending texts, builds the merged report and
// downloads it (download.ts: the browser's download, or the desktop's save dialog). A report
// with sections left empty, or of a period no office has reported, is asked about first: it
// may be what the department means to send, but it is more often a step forgotten.
import { App, Typography } from 'antd';
import { docxWarnings } from '../../../../shared/mergedText';
import { DocxFileAlert } from '../../components/DocxFileAlert';
import { DocxFileButton } from '../../components/DocxFileButton';
import { useMergedStore } from '../../stores/merged';
import { downloadBase64 } from '../report/download';

export function MergedDocxButton() {
  const { modal } = App.useApp();
  const generate = useMergedStore((s) => s.generate);
  const generating = useMergedStore((s) => s.generating);
  const ready = useMergedStore((s) => s.texts !== null && s.data !== null);
  const download = async () => {
    const file = await generate();
    if (file) downloadBase64(file.base64, file.fileName);
  };
  const ask = () => {
    const { texts, data } = useMergedStore.getState();
    const warnings = texts && data ? docxWarnings(texts, data) : [];
    if (warnings.length === 0) {
      void download();
      return;
    }
    const sections = warnings.filter((w) => w.what !== 'offices');
    const offices = warnings.find((w) => w.what === 'offices');
    void modal.confirm({
      title: 'Báo cáo tổng hợp chưa đủ nội dung',
      width: 520,
      content: (
        <div data-testid="merged-docx-warning">
          {offices ? (
            <Typography.Paragraph strong data-testid="merged-docx-warning-offices">
              {offices.text}.
            </Typography.Paragraph>
          ) : null}
          {sections.length > 0 ? (
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                Các mục sau còn trống:
              </Typography.Paragraph>
              <ul className="merged-warning-list">
                {sections.map((w) => (
                  <li key={w.what} data-testid={`merged-docx-warning-${w.what}`}>
                    {w.text}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            Có thể quay lại mục &quot;Nội dung báo cáo&quot; để bổ sung, hoặc vẫn tải báo cáo về.
          </Typography.Paragraph>
        </div>
      ),
      okText: 'Vẫn tải về',
      cancelText: 'Quay lại',
      okButtonProps: { 'data-testid': 'merged-docx-anyway' },
      cancelButtonProps: { 'data-testid': 'merged-docx-back' },
      onOk: () => void download(),
    });
  };
  return (
    <DocxFileButton
      label="Tải báo cáo tổng hợp (Word)"
      generating={generating}
      ready={ready}
      onClick={ask}
      testId="merged-docx"
    />
  );
}

/** What came of the last download: the file's name (and where the app keeps a copy), or why not. */
export function MergedDocxResult() {
  const file = useMergedStore((s) => s.file);
  const fileError = useMergedStore((s) => s.fileError);
  return (
    <DocxFileAlert
      file={file}
      error={fileError}
      errorTitle="Không tạo được báo cáo tổng hợp"
      doneTitle="Đã tải về"
      testId="merged-docx"
      closable
    />
  );
}
