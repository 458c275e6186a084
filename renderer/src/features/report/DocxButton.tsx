// "Tạo báo cáo Word": saves the pending draft, then builds the period's file (the store
// refuses without a report date).
import { DocxFileButton } from '../../components/DocxFileButton';
import { useReportStore } from '../../stores/report';

/** The generate button, for the screen's header. */
export function DocxButton() {
  const generate = useReportStore((s) => s.generate);
  const generating = useReportStore((s) => s.generating);
  const ready = useReportStore((s) => s.texts !== null && s.data !== null);
  return (
    <DocxFileButton
      label="Tạo báo cáo Word"
      generating={generating}
      ready={ready}
      onClick={() => void generate()}
      testId="report-docx"
    />
  );
}
