// What staff write in the report: number, date, recipients, the letter it answers, section
// 1 (directives), their own paragraphs around section 2's figures, 3.1 strengths, 3.2
// limitations, 4 next steps and "Nơi nhận". Every change goes to `onEdit`; the
// caller's store saves the draft of the period a moment after typing stops. The office
// report and the province's merged report both use it. A locked report shows its signed
// texts read-only, saying why and how to unlock, and never claims a draft was saved.
// Given its period, section 1 offers the register's directives it does not cite yet.
import { Alert, Form, Input, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { citeDirective } from '../../../../shared/directives';
import type { Period } from '../../../../shared/period';
import type { ReportTexts } from '../../../../shared/report';
import { fromIso, toIso } from '../../lib/dates';
import { TypedDatePicker } from '../../components/TypedDatePicker';
import { useAppStore, useWritable } from '../../stores/app';
import type { SaveStatus } from '../../stores/textsDraft';
import { CopiesField } from './CopiesField';
import { directivesToOffer } from './directiveOffers';
import { useDirectiveRegister } from './useDirectiveRegister';
import { DirectivesList } from './DirectivesList';
import { RequestField } from './RequestField';
import { SaveStatusText } from './SaveStatusText';

const LONG_TEXT = 20000;

interface Props {
  texts: ReportTexts;
  onEdit: (patch: Partial<ReportTexts>) => void;
  status: SaveStatus;
  /** The line above the form: where section 2 comes from. */
  note?: string;
  /** Where section 2's figures come from, in its heading. */
  resultsSource?: string;
  /** The opening paragraph a request makes, previewed under it. */
  openingPreview?: (request: string) => string;
  /** The texts were signed into an exported package: shown, not edited. */
  readOnly?: boolean;
  /** The report's period and its draft key: section 1 then offers directives it lacks. */
  directivesOf?: { period: Period; reportKey: string } | null;
}

export const LOCKED_TEXTS =
  'Báo cáo đã ký và xuất gói nên đã khóa. Muốn sửa, hãy Mở khóa để sửa và ghi rõ lý do.';

const OFFICE_NOTE =
  'Mục 2 (kết quả tuyên truyền) lấy từ sổ hoạt động; các mục dưới đây do đơn vị viết.';

const OFFICE_SOURCE = 'phần số liệu lấy từ sổ hoạt động';

/** Test ids that differ from the field's name. */
const TEST_IDS: Partial<Record<keyof ReportTexts, string>> = {
  resultsBefore: 'results-before',
  resultsAfter: 'results-after',
};

const RESULTS_EXAMPLE =
  'Ví dụ: chuyên mục "Vì an ninh Tổ quốc" của Đài truyền thanh huyện phát 2 kỳ/tháng… (mỗi dòng một đoạn)';

export function TextsForm({
  texts,
  onEdit: edit,
  status,
  note = OFFICE_NOTE,
  resultsSource = OFFICE_SOURCE,
  openingPreview,
  readOnly = false,
  directivesOf = null,
}: Props) {
  const docSymbol = useAppStore((s) => s.profile?.office.docSymbol ?? '');
  const officeName = useAppStore((s) => s.profile?.office.name ?? '');
  const { register, setAside, putAside } = useDirectiveRegister(
    directivesOf && !readOnly ? directivesOf.reportKey : null,
  );
  const offered = directivesOf
    ? directivesToOffer(register, directivesOf.period, texts, setAside)
    : [];
  const writable = useWritable();
  // Read-only inputs stay legible (and copyable); disabled ones are for a damaged data file.
  const locked = { readOnly, disabled: !writable && !readOnly };
  const recipients = texts.recipients.join('\n');
  const noRecipient = texts.recipients.every((r) => r.trim() === '');

  const longText = (
    field: 'resultsBefore' | 'resultsAfter' | 'strengths' | 'limitations' | 'nextSteps',
    placeholder: string,
    minRows = 3,
  ) => (
    <Input.TextArea
      value={texts[field]}
      onChange={(e) => edit({ [field]: e.target.value })}
      autoSize={{ minRows, maxRows: 16 }}
      maxLength={LONG_TEXT}
      placeholder={readOnly ? '(bỏ trống)' : placeholder}
      {...locked}
      data-testid={`report-${TEST_IDS[field] ?? field}`}
    />
  );

  return (
    <Form
      layout="vertical"
      className={readOnly ? 'report-texts report-texts-locked' : 'report-texts'}
      data-testid="report-texts"
      data-locked={readOnly ? 'true' : undefined}
      component="div"
    >
      {readOnly ? (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          title={LOCKED_TEXTS}
          className="report-texts-lock"
          data-testid="report-texts-locked"
        />
      ) : (
        <div className="report-texts-head">
          <Typography.Text type="secondary">{note}</Typography.Text>
          <SaveStatusText status={status} />
        </div>
      )}
      <div className="report-texts-row">
        <Form.Item label="Số, ký hiệu" style={{ width: 260 }}>
          <Space.Compact block>
            <Space.Addon>Số:</Space.Addon>
            <Input
              value={texts.number}
              onChange={(e) => edit({ number: e.target.value })}
              maxLength={30}
              placeholder="…"
              {...locked}
              data-testid="report-number"
            />
            {docSymbol ? <Space.Addon>/{docSymbol}</Space.Addon> : null}
          </Space.Compact>
        </Form.Item>
        <Form.Item
          label="Ngày báo cáo"
          required
          validateStatus={texts.date === '' ? 'error' : undefined}
          help={texts.date === '' ? 'Hãy chọn ngày báo cáo.' : undefined}
        >
          <TypedDatePicker
            value={fromIso(texts.date)}
            placeholder="dd/mm/yyyy"
            onChange={(d) => edit({ date: d ? toIso(d) : '' })}
            disabled={!writable || readOnly}
            style={{ width: 160 }}
            data-testid="report-date"
          />
        </Form.Item>
      </div>
      <Form.Item
        label="Kính gửi (mỗi dòng một nơi nhận)"
        validateStatus={noRecipient ? 'warning' : undefined}
        help={noRecipient ? 'Chưa có nơi nhận báo cáo.' : undefined}
      >
        <Input.TextArea
          value={recipients}
          onChange={(e) => edit({ recipients: e.target.value.split('\n') })}
          autoSize={{ minRows: 2, maxRows: 8 }}
          {...locked}
          data-testid="report-recipients"
        />
      </Form.Item>
      <RequestField
        value={texts.request}
        onChange={(request) => edit({ request })}
        preview={openingPreview}
        readOnly={readOnly}
        disabled={locked.disabled}
      />
      <Form.Item label="1. Công tác chỉ đạo, triển khai thực hiện">
        <DirectivesList
          value={texts.directives}
          onChange={(directives) => edit({ directives })}
          disabled={!writable}
          readOnly={readOnly}
          offered={offered}
          paragraphOf={(d) => citeDirective(d, officeName)}
          onSetAside={putAside}
        />
      </Form.Item>
      <Form.Item label={`2. Kết quả thông tin, tuyên truyền (${resultsSource})`}>
        <div className="report-results">
          <Typography.Text type="secondary">Đoạn viết thêm trước số liệu</Typography.Text>
          {longText('resultsBefore', RESULTS_EXAMPLE, 2)}
          <div className="report-results-generated" data-testid="report-results-generated">
            Phần số liệu do ứng dụng viết khi tạo báo cáo Word nằm ở đây, giữa hai đoạn viết thêm.
          </div>
          <Typography.Text type="secondary">Đoạn viết thêm sau số liệu</Typography.Text>
          {longText('resultsAfter', RESULTS_EXAMPLE, 2)}
        </div>
      </Form.Item>
      <Form.Item label="3.1. Ưu điểm">
        {longText('strengths', 'Những kết quả nổi bật, cách làm hiệu quả…')}
      </Form.Item>
      <Form.Item label="3.2. Tồn tại, hạn chế">
        {longText('limitations', 'Khó khăn về kinh phí, nhân lực, phương tiện…')}
      </Form.Item>
      <Form.Item label="4. Phương hướng, nhiệm vụ trong thời gian tới">
        {longText('nextSteps', 'Nhiệm vụ trọng tâm của kỳ tới…')}
      </Form.Item>
      <CopiesField texts={texts} onEdit={edit} readOnly={readOnly} disabled={locked.disabled} />
    </Form>
  );
}
