// "Tổng hợp": the province's merged report of a period and subject over the offices' counted
// packages: figures by channel, by office and for the flagged communes, every number
// opening the offices and activities behind it; the texts the department writes; the Word
// file. Every subject is offered: offices send all their activities, whatever they report on.
import { useEffect, useState } from 'react';
import { Alert, Segmented, Space, Tabs, Typography } from 'antd';
import { REPORT_SUBJECTS, SUBJECT_LABELS, type ReportSubject } from '../../../../shared/domain';
import { areaNoun, LEGACY_KINDS } from '../../../../shared/areas';
import { mergedOpeningParagraph } from '../../../../shared/mergedText';
import { api } from '../../api';
import { PeriodTitle, periodName } from '../../components/PeriodTitle';
import { ProvincePeriodBar } from '../../components/ProvincePeriodBar';
import { reportKinds } from '../../lib/areas';
import type { DrillQuery } from '../../lib/drill';
import { useAppStore } from '../../stores/app';
import { useMergedStore } from '../../stores/merged';
import { useProvinceStore } from '../../stores/province';
import { ChannelTable } from '../report/ChannelTable';
import { FlaggedTable } from '../report/FlaggedTable';
import { SheetButton } from '../report/SheetButton';
import { TextsForm } from '../report/TextsForm';
import { DrillDrawer } from './DrillDrawer';
import { FlaggedReachedTable } from './FlaggedReachedTable';
import { MergedDocxButton, MergedDocxResult } from './MergedDocx';
import { MergedCharts } from './MergedCharts';
import { MergedStats } from './MergedStats';
import { OfficesTable } from './OfficesTable';
import '../report/report.css';
import './merged.css';

const MERGED_NOTE =
  'Mục 2 (kết quả tuyên truyền) cộng từ các gói dữ liệu đã tiếp nhận; các mục dưới đây do Sở viết.';

const MERGED_SOURCE = 'phần số liệu cộng từ các gói dữ liệu đã tiếp nhận';

const tabLabel = (text: string, id: string) => <span data-testid={`merged-tab-${id}`}>{text}</span>;

export function MergedScreen() {
  const period = useProvinceStore((s) => s.period);
  const data = useMergedStore((s) => (s.period === period ? s.data : null));
  const texts = useMergedStore((s) => (s.period === period ? s.texts : null));
  const saveStatus = useMergedStore((s) => s.save);
  const editTexts = useMergedStore((s) => s.editTexts);
  const loading = useMergedStore((s) => s.loading);
  const subject = useMergedStore((s) => s.subject);
  const error = useMergedStore((s) => s.error);
  const officeName = useAppStore((s) => s.profile?.office.name ?? '');
  const [tab, setTab] = useState('figures');
  const [drill, setDrill] = useState<DrillQuery | null>(null);

  useEffect(() => {
    if (period !== '') void useMergedStore.getState().load(period);
  }, [period]);

  useEffect(() => {
    // Typed text is saved before the window goes, and before the screen is left.
    const leave = () => void useMergedStore.getState().flush();
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('beforeunload', leave);
      leave();
    };
  }, []);

  const p = data?.figures.period ?? null;
  // The opening as the Word file writes it, for the letter on show.
  const openingPreview = data
    ? (request: string) =>
        mergedOpeningParagraph(
          officeName,
          data.figures.period.label,
          data.offices,
          data.subject,
          request,
        )
    : undefined;

  return (
    <div className="screen" data-testid="merged">
      <div className="page-title">
        <h1>Báo cáo tổng hợp</h1>
        <Space size={8} wrap>
          <SheetButton
            label="Tải bảng tổng hợp (Excel)"
            ready={data !== null}
            make={() => api['inbox:sheet']({ period, subject })}
            testId="merged-sheet"
          />
          <MergedDocxButton />
        </Space>
      </div>
      <ProvincePeriodBar loading={loading}>
        <Segmented<ReportSubject>
          value={subject}
          onChange={(v) => void useMergedStore.getState().setSubject(v)}
          options={REPORT_SUBJECTS.map((s) => ({
            value: s,
            label: <span data-testid={`merged-subject-${s}`}>{SUBJECT_LABELS[s]}</span>,
          }))}
          data-testid="merged-subject"
        />
        {p ? <PeriodTitle period={p} testId="merged-period" /> : null}
      </ProvincePeriodBar>
      <MergedDocxResult />
      {error ? <Alert type="error" showIcon title={error} data-testid="merged-error" /> : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'figures',
            label: tabLabel('Số liệu', 'figures'),
            children: data ? (
              <div className="report-stack">
                <MergedStats data={data} onDrill={setDrill} />
                <ChannelTable data={data} onDrill={setDrill} />
              </div>
            ) : null,
          },
          {
            key: 'charts',
            label: tabLabel('Biểu đồ', 'charts'),
            children: data ? <MergedCharts data={data} /> : null,
          },
          {
            key: 'offices',
            label: tabLabel('Theo đơn vị', 'offices'),
            children: data ? <OfficesTable data={data} onDrill={setDrill} /> : null,
          },
          {
            key: 'areas',
            label: tabLabel('Địa bàn trọng tâm', 'areas'),
            children: data ? (
              <div className="report-stack">
                <FlaggedTable data={data} onDrill={setDrill} names={false} />
                <Typography.Title level={5} style={{ margin: 0 }}>
                  Các {areaNoun(reportKinds(data).reached)} đã được tuyên truyền
                </Typography.Title>
                <FlaggedReachedTable data={data} onDrill={setDrill} />
              </div>
            ) : null,
          },
          {
            key: 'texts',
            label: tabLabel('Nội dung báo cáo', 'texts'),
            children: texts ? (
              <TextsForm
                texts={texts}
                onEdit={editTexts}
                status={saveStatus}
                note={MERGED_NOTE}
                resultsSource={MERGED_SOURCE}
                openingPreview={openingPreview}
              />
            ) : null,
          },
        ]}
      />
      <DrillDrawer
        period={period}
        subject={subject}
        periodLabel={p ? periodName(p) : period}
        areaKinds={data ? reportKinds(data) : LEGACY_KINDS}
        query={drill}
        onDrill={setDrill}
        onClose={() => setDrill(null)}
      />
    </div>
  );
}
