// "Báo cáo": the report of a period about one subject. Pick the period (and the subject,
// when the office reports on more than one), check its figures and the chart, write the
// texts (saved as a draft while typing), make the Word file and export the period's
// signed package.
import { useEffect, useState } from 'react';
import { Alert, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { SUBJECT_LABELS, SUBJECT_PHRASES, type ReportSubject } from '../../../../shared/domain';
import { localToday } from '../../../../shared/format';
import { parsePeriod, periodContaining, type Period } from '../../../../shared/period';
import { openingParagraph } from '../../../../shared/reportText';
import { PeriodPicker } from '../../components/PeriodPicker';
import { PeriodTitle } from '../../components/PeriodTitle';
import { rememberedPeriod, rememberPeriod } from '../../lib/remembered';
import { useAppStore } from '../../stores/app';
import { useReportStore } from '../../stores/report';
import { AreaFigures } from './AreaFigures';
import { ChannelChart } from './ChannelChart';
import { ChannelTable } from './ChannelTable';
import { DocxButton } from './DocxButton';
import { DocxResult } from './DocxResult';
import { ExportPanel } from './ExportPanel';
import { ReportSheetButton } from './SheetButton';
import { SummaryStats } from './SummaryStats';
import { TextsForm } from './TextsForm';
import './report.css';

function periodOf(key: string, cutoff: Parameters<typeof parsePeriod>[1]): Period | null {
  try {
    return key === '' ? null : parsePeriod(key, cutoff);
  } catch {
    return null;
  }
}

const tabLabel = (text: string, id: string) => <span data-testid={`report-tab-${id}`}>{text}</span>;

export function ReportScreen() {
  const cutoff = useAppStore((s) => s.profile?.office.cutoff ?? 'decree09');
  const officeName = useAppStore((s) => s.profile?.office.name ?? '');
  const period = useReportStore((s) => s.period);
  const setPeriod = useReportStore((s) => s.setPeriod);
  const subject = useReportStore((s) => s.subject);
  const subjects = useReportStore((s) => s.subjects);
  const setSubject = useReportStore((s) => s.setSubject);
  const readOnly = useReportStore((s) => s.readOnly);
  const data = useReportStore((s) => s.data);
  const series = useReportStore((s) => s.series);
  const texts = useReportStore((s) => s.texts);
  const editTexts = useReportStore((s) => s.editTexts);
  const saveStatus = useReportStore((s) => s.save);
  const loading = useReportStore((s) => s.loading);
  const error = useReportStore((s) => s.error);
  const [tab, setTab] = useState('summary');

  useEffect(() => {
    const store = useReportStore.getState();
    // The period chosen before a reload, else the quarter containing today; back on the
    // screen, fresh figures.
    if (store.period === '')
      void store.setPeriod(
        rememberedPeriod('report') || periodContaining(localToday(), 'quarter', cutoff).key,
      );
    else void store.load();
    // Typed text is saved before the window goes, and before the screen is left.
    const leave = () => void useReportStore.getState().flush();
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('beforeunload', leave);
      leave();
    };
  }, [cutoff]);

  const p = periodOf(period, cutoff);
  const current =
    data && data.figures.period.key === period && data.subject === subject ? data : null;

  // The opening as the Word file writes it, for the letter on show.
  const openingPreview = current
    ? (request: string) =>
        openingParagraph(officeName, current.figures.period.label, current.subject, request)
    : undefined;

  const figures = current ? (
    <div className="report-stack">
      <SummaryStats data={current} />
      <ChannelTable data={current} />
    </div>
  ) : null;

  return (
    <div className="screen" data-testid="report">
      <div className="page-title">
        <h1 data-testid="report-title">Báo cáo kết quả tuyên truyền {SUBJECT_PHRASES[subject]}</h1>
        <Space size={8} wrap>
          <ReportSheetButton />
          <DocxButton />
        </Space>
      </div>
      <div className="period-bar">
        <PeriodPicker
          value={period}
          cutoff={cutoff}
          onChange={(key) => {
            rememberPeriod('report', key);
            void setPeriod(key);
          }}
          testId="report-period"
        />
        {p ? <PeriodTitle period={p} testId="report-period" /> : null}
        {loading ? <Spin size="small" /> : null}
        {subjects.length > 1 ? (
          <span className="report-subject">
            <Typography.Text type="secondary">Chủ đề:</Typography.Text>
            <Segmented<ReportSubject>
              value={subject}
              onChange={(v) => void setSubject(v)}
              options={subjects.map((s) => ({ value: s, label: SUBJECT_LABELS[s] }))}
              data-testid="report-subject"
            />
          </span>
        ) : null}
      </div>
      <DocxResult />
      <ExportPanel period={period} />
      {error ? <Alert type="error" showIcon title={error} data-testid="report-error" /> : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'summary', label: tabLabel('Số liệu', 'summary'), children: figures },
          {
            key: 'areas',
            label: tabLabel('Theo địa bàn, chủ đề', 'areas'),
            children: current ? <AreaFigures data={current} /> : null,
          },
          {
            key: 'chart',
            label: tabLabel('Biểu đồ', 'chart'),
            children: series ? <ChannelChart series={series} /> : null,
          },
          {
            key: 'texts',
            label: tabLabel('Nội dung báo cáo', 'texts'),
            children: texts ? (
              <TextsForm
                texts={texts}
                onEdit={editTexts}
                status={saveStatus}
                readOnly={readOnly}
                openingPreview={openingPreview}
                directivesOf={p ? { period: p, reportKey: `report:${period}:${subject}` } : null}
              />
            ) : null,
          },
        ]}
      />
    </div>
  );
}
