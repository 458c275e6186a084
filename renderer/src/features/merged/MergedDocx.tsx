// "Tải báo cáo tổng hợp (Word)": saves the pending texts, builds the merged report and
// downloads it (download.ts: the browser's download, or the desktop's save dialog).
import { DocxFileAlert } from '../../components/DocxFileAlert';
import { DocxFileButton } from '../../components/DocxFileButton';
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
    <DocxFileButton
      label="Tải báo cáo tổng hợp (Word)"
      generating={generating}
      ready={ready}
      onClick={() => void download()}
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
