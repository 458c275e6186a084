// What came of the last Word file: its name (and, in the desktop app, where the app keeps
// a copy), or why there is none.
import type { ReactNode } from 'react';
import { Alert } from 'antd';
import type { ReportFileView } from '../../../shared/report';

interface Props {
  file: ReportFileView | null;
  error: string | null;
  /** "Không tạo được báo cáo Word". */
  errorTitle: string;
  /** "Đã tạo báo cáo" → "Đã tạo báo cáo: <file name>". */
  doneTitle: string;
  /** Prefix of the data-testid attributes: "<testId>-error", "<testId>-result". */
  testId: string;
  closable?: boolean;
  /** A line under the copy's path (why opening the file failed). */
  note?: ReactNode;
  /** Buttons beside the file's name. */
  actions?: (file: ReportFileView) => ReactNode;
}

export function DocxFileAlert(props: Props) {
  const { file, error, testId, note } = props;
  const desktop = typeof window !== 'undefined' && window.api !== undefined;
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={props.errorTitle}
        description={error}
        data-testid={`${testId}-error`}
      />
    );
  }
  if (!file) return null;
  return (
    <Alert
      type="success"
      showIcon
      closable={props.closable}
      title={`${props.doneTitle}: ${file.fileName}`}
      description={
        desktop || note ? (
          <>
            {desktop ? <div className="docx-file-path">Bản lưu trong máy: {file.path}</div> : null}
            {note}
          </>
        ) : undefined
      }
      action={props.actions?.(file)}
      data-testid={`${testId}-result`}
    />
  );
}
