// "Tải bảng số liệu (Excel)": the figures of the period on show as a workbook, made by the
// engine (the renderer never builds spreadsheets itself) and saved through download.ts.
import { useState } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ReportFileView } from '../../../../shared/report';
import { api, errorMessage } from '../../api';
import { useReportStore } from '../../stores/report';
import { downloadBase64, XLSX_TYPE } from './download';

interface Props {
  /** "Tải bảng số liệu (Excel)", "Tải bảng tổng hợp (Excel)". */
  label: string;
  /** False until the figures of the period are in. */
  ready: boolean;
  /** Asks the engine for the workbook. */
  make: () => Promise<ReportFileView>;
  testId: string;
}

export function SheetButton({ label, ready, make, testId }: Props) {
  const { message } = App.useApp();
  const [making, setMaking] = useState(false);
  const click = async () => {
    setMaking(true);
    try {
      const file = await make();
      downloadBase64(file.base64, file.fileName, XLSX_TYPE);
    } catch (err) {
      void message.error(`Không tạo được bảng Excel: ${errorMessage(err)}`);
    } finally {
      setMaking(false);
    }
  };
  return (
    <Button
      size="large"
      icon={<FileExcelOutlined />}
      loading={making}
      disabled={!ready}
      onClick={() => void click()}
      data-testid={testId}
    >
      {making ? 'Đang tạo bảng…' : label}
    </Button>
  );
}

/** The report screen's button: the figures of the period and subject on show. */
export function ReportSheetButton() {
  const period = useReportStore((s) => s.period);
  const subject = useReportStore((s) => s.subject);
  const ready = useReportStore((s) => s.data !== null);
  return (
    <SheetButton
      label="Tải bảng số liệu (Excel)"
      ready={ready}
      make={() => api['report:sheet']({ period, subject })}
      testId="report-sheet"
    />
  );
}
