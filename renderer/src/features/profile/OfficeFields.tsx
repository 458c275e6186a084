// The office part of the profile: who reports, to whom, who signs, the cut-off rule and
// the subjects it reports on (one report, and one signed Word file, each).
import { Checkbox, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { REPORT_SUBJECTS, THEME_LABELS, type ReportSubject } from '../../../../shared/domain';

const CODE_RULE = /^[A-Za-z0-9._-]+$/;

const SUBJECT_OPTIONS = REPORT_SUBJECTS.map((s: ReportSubject) => ({
  value: s,
  label: s === 'all' ? 'Tổng hợp cả ba chủ đề trong một báo cáo' : THEME_LABELS[s],
}));

const atLeastOne = (_: unknown, value: ReportSubject[] | undefined) =>
  value && value.length > 0
    ? Promise.resolve()
    : Promise.reject(new Error('Hãy chọn ít nhất một chủ đề để lập báo cáo.'));

export function OfficeFields() {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            label="Tên đơn vị"
            name={['office', 'name']}
            rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' }]}
          >
            <Input
              autoFocus
              placeholder="Ví dụ: Phòng Văn hóa và Thông tin"
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
            <Input placeholder="Ví dụ: LS-CAOLOC-VHTT" data-testid="office-code-input" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label="Cơ quan chủ quản" name={['office', 'parent']}>
            <Input placeholder="Ví dụ: UBND huyện Cao Lộc" data-testid="office-parent-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item label="Tỉnh" name={['office', 'province']}>
            <Input placeholder="Ví dụ: Lạng Sơn" data-testid="office-province-input" />
          </Form.Item>
        </Col>
        <Col xs={12} md={7}>
          <Form.Item
            label="Địa danh ghi trên văn bản"
            name={['office', 'place']}
            tooltip='Dùng trong dòng "…, ngày … tháng … năm …" của báo cáo.'
          >
            <Input placeholder="Ví dụ: Cao Lộc" data-testid="office-place-input" />
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
            <Input placeholder="Ví dụ: BC-VHTT" data-testid="office-docsymbol-input" />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item label="Nơi nhận báo cáo (mỗi dòng một nơi)" name={['office', 'recipients']}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={'Ví dụ:\nSở Văn hóa, Thể thao và Du lịch\nBan Chỉ đạo 138 huyện'}
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
              placeholder={'Ví dụ: KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG'}
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
