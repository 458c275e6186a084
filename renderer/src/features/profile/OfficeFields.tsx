// The office part of the profile: who reports, to whom, who signs, the "Nơi nhận" a new
// report starts from, the cut-off rule and the subjects it reports on (one report, and one
// signed Word file, each). Examples follow the office's kind: a commune's office is under
// "UBND xã …", not a district.
import { Checkbox, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { REPORT_SUBJECTS, THEME_LABELS, type ReportSubject } from '../../../../shared/domain';
import {
  DEFAULT_DEPARTMENT,
  DEFAULT_STEERING,
  OFFICE_KINDS,
  OFFICE_KIND_INFO,
  defaultRecipients,
  type OfficeKind,
} from '../../../../shared/offices';

const CODE_RULE = /^[A-Za-z0-9._-]+$/;

const SUBJECT_OPTIONS = REPORT_SUBJECTS.map((s: ReportSubject) => ({
  value: s,
  label: s === 'all' ? 'Tổng hợp cả ba chủ đề trong một báo cáo' : THEME_LABELS[s],
}));

const KIND_OPTIONS = OFFICE_KINDS.map((k) => ({ value: k, label: OFFICE_KIND_INFO[k].label }));

/** A place and an office code to show in examples, by kind. */
const EXAMPLES: Record<OfficeKind, { place: string; code: string; province: string }> = {
  commune: { place: 'Hợp Thành', code: 'LS-HOPTHANH-VHXH', province: 'Lạng Sơn' },
  province: { place: 'Lạng Sơn', code: 'LS-SVHTTDL', province: 'Lạng Sơn' },
  press: { place: 'Lạng Sơn', code: 'LS-BAOLANGSON', province: 'Lạng Sơn' },
  district: { place: 'Cao Lộc', code: 'LS-CAOLOC-VHTT', province: 'Lạng Sơn' },
};

/** The kind's usual text with its "…" filled: "UBND xã …" → "UBND xã Hợp Thành". */
const example = (text: string, kind: OfficeKind) =>
  text ? `Ví dụ: ${text.replace('…', EXAMPLES[kind].place)}` : '';

/** Text filled in from the kind keeps "…" where the place goes until the user writes it. */
const noEllipsis = (_: unknown, value: string | undefined) =>
  (value ?? '').includes('…')
    ? Promise.reject(new Error('Hãy thay dấu “…” bằng tên cụ thể.'))
    : Promise.resolve();

const atLeastOne = (_: unknown, value: ReportSubject[] | undefined) =>
  value && value.length > 0
    ? Promise.resolve()
    : Promise.reject(new Error('Hãy chọn ít nhất một chủ đề để lập báo cáo.'));

interface Props {
  /** The kind the examples follow (the chosen one, else the one read from the names). */
  kind: OfficeKind;
  /** The kind as a field (later visits); the first run asks it above, as "Cơ quan tôi là". */
  showKind: boolean;
}

export function OfficeFields({ kind, showKind }: Props) {
  const info = OFFICE_KIND_INFO[kind];
  const department = Form.useWatch(['office', 'department']) as string | undefined;
  const steering = Form.useWatch(['office', 'steering']) as string | undefined;
  const typed = Form.useWatch(['office', 'recipients']) as string | undefined;
  const recipients = defaultRecipients(kind, {
    department: department ?? DEFAULT_DEPARTMENT,
    steering: steering ?? DEFAULT_STEERING,
  });
  return (
    <>
      {showKind ? (
        <Form.Item
          label="Loại cơ quan"
          name={['office', 'kind']}
          tooltip="Quyết định cách gọi địa bàn và các giá trị gợi ý; vai trò của máy này đặt ở mục “Cài đặt”."
        >
          <Select
            options={KIND_OPTIONS}
            allowClear
            placeholder={`${info.label} (đọc từ tên đơn vị)`}
            style={{ maxWidth: 520 }}
            data-testid="office-kind-input"
          />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            label="Tên đơn vị"
            name={['office', 'name']}
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' },
              { validator: noEllipsis },
            ]}
          >
            <Input
              autoFocus
              placeholder={example(info.name, kind)}
              data-testid="office-name-input"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            label="Mã đơn vị"
            name={['office', 'code']}
            tooltip="Dùng để nhận biết tệp báo cáo của đơn vị khi gửi lên tỉnh."
            rules={[
              { required: true, whitespace: true, message: 'Hãy nhập mã đơn vị.' },
              {
                pattern: CODE_RULE,
                message:
                  'Mã chỉ gồm chữ không dấu, số, dấu gạch ngang (-), gạch dưới (_) hoặc dấu chấm.',
              },
            ]}
          >
            <Input placeholder={`Ví dụ: ${EXAMPLES[kind].code}`} data-testid="office-code-input" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            label="Cơ quan chủ quản"
            name={['office', 'parent']}
            rules={[{ validator: noEllipsis }]}
          >
            <Input
              placeholder={example(info.parent, kind) || 'Ví dụ: UBND tỉnh Lạng Sơn'}
              data-testid="office-parent-input"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item label="Tỉnh" name={['office', 'province']}>
            <Input
              placeholder={`Ví dụ: ${EXAMPLES[kind].province}`}
              data-testid="office-province-input"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item
            label="Địa danh ghi trên văn bản"
            name={['office', 'place']}
            tooltip='Dùng trong dòng "…, ngày … tháng … năm …" của báo cáo.'
          >
            <Input
              placeholder={`Ví dụ: ${EXAMPLES[kind].place}`}
              data-testid="office-place-input"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item
            label="Ký hiệu văn bản"
            name={['office', 'docSymbol']}
            tooltip='Phần sau số văn bản, ví dụ "Số: …/BC-VHTT".'
          >
            <Input placeholder={`Ví dụ: ${info.docSymbol}`} data-testid="office-docsymbol-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item
            label="Nơi nhận báo cáo (mỗi dòng một nơi)"
            name={['office', 'recipients']}
            extra={
              recipients.length > 0 && (typed ?? '').trim() === ''
                ? `Để trống thì báo cáo gửi ${recipients.join(', ')}.`
                : undefined
            }
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={recipients.join('\n')}
              data-testid="office-recipients-input"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="Chức danh người ký (có thể nhiều dòng)"
            name={['office', 'signer', 'title']}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 3 }}
              placeholder={`Ví dụ: ${info.signerTitle}`}
              data-testid="office-signer-title-input"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Họ và tên người ký" name={['office', 'signer', 'name']}>
            <Input placeholder="Ví dụ: Nguyễn Văn A" data-testid="office-signer-name-input" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="Nơi nhận mặc định (sau “Như trên”)"
            name={['office', 'copies']}
            tooltip="Mục “Nơi nhận” cuối báo cáo mới, mỗi dòng một nơi; dòng “Như trên” luôn đứng đầu. Báo cáo kỳ sau lấy theo báo cáo kỳ trước."
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={'Ví dụ: Lãnh đạo Sở\nUBND huyện'}
              data-testid="office-copies-input"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label="Lưu"
            name={['office', 'filing']}
            tooltip='In trên báo cáo là "- Lưu: VT, …".'
          >
            <Input placeholder="VT" maxLength={200} data-testid="office-filing-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label="Người soạn (chữ viết tắt)"
            name={['office', 'drafter']}
            tooltip='In trong ngoặc sau dòng "Lưu", ví dụ "- Lưu: VT (LMV)."'
          >
            <Input placeholder="Ví dụ: LMV" maxLength={30} data-testid="office-drafter-input" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            label="Sở chủ quản"
            name={['office', 'department']}
            tooltip="Nơi các đơn vị gửi báo cáo lên (từ 01/7/2025 là Sở Văn hóa, Thể thao và Du lịch)."
          >
            <Input placeholder={DEFAULT_DEPARTMENT} data-testid="office-department-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label="Ban Chỉ đạo"
            name={['office', 'steering']}
            tooltip="Ban Chỉ đạo phòng, chống tội phạm của tỉnh, nơi Sở gửi báo cáo tổng hợp."
          >
            <Input placeholder={DEFAULT_STEERING} data-testid="office-steering-input" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Cách tính kỳ báo cáo" name={['office', 'cutoff']}>
        <Radio.Group data-testid="office-cutoff">
          <Space orientation="vertical" size={4}>
            <Radio value="decree09">
              Theo Nghị định 09/2019/NĐ-CP{' '}
              <Typography.Text type="secondary">
                — số liệu tính từ ngày 15 của tháng trước kỳ đến ngày 14 của tháng cuối kỳ (ví dụ
                quý III/2023: 15/06/2023 – 14/09/2023).
              </Typography.Text>
            </Radio>
            <Radio value="calendar">
              Theo tháng dương lịch{' '}
              <Typography.Text type="secondary">
                — từ ngày đầu tháng đầu kỳ đến ngày cuối tháng cuối kỳ (ví dụ quý III/2023:
                01/07/2023 – 30/09/2023), khi tỉnh yêu cầu như vậy.
              </Typography.Text>
            </Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label="Báo cáo theo chủ đề"
        name={['office', 'subjects']}
        tooltip="Mỗi chủ đề được chọn là một báo cáo riêng (một tệp Word ký số trong gói dữ liệu). Hoạt động được tính vào báo cáo của những chủ đề đã gắn cho hoạt động đó."
        rules={[{ validator: atLeastOne }]}
        extra="Chọn các báo cáo đơn vị phải gửi; ở màn hình Báo cáo có nút chuyển giữa các chủ đề."
      >
        <Checkbox.Group options={SUBJECT_OPTIONS} data-testid="office-subjects" />
      </Form.Item>
    </>
  );
}
