// The fields every activity has, whatever its channel.
import { Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Commune } from '../../../../shared/contract';
import {
  COMMUNE_FLAG_LABELS,
  LANGUAGES,
  LANGUAGE_LABELS,
  THEMES,
  THEME_LABELS,
} from '../../../../shared/domain';
import { CountInput, countRules } from '../../components/CountInput';
import { DATE_FORMATS } from '../../lib/dates';
import { foldSearch } from '../../lib/search';

const LANGUAGE_OPTIONS = LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l] }));
const THEME_OPTIONS = THEMES.map((t) => ({ value: t, label: THEME_LABELS[t] }));

export function DateFields() {
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item
          label="Ngày thực hiện"
          name="date"
          rules={[{ required: true, message: 'Hãy nhập ngày thực hiện (ngày/tháng/năm).' }]}
        >
          <DatePicker
            format={DATE_FORMATS}
            placeholder="ngày/tháng/năm"
            style={{ width: '100%' }}
            data-testid="activity-date"
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          label="Đến ngày (nếu nhiều ngày)"
          name="endDate"
          dependencies={['date']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null) => {
                const start = getFieldValue('date') as Dayjs | null;
                return value && start && value.isBefore(start, 'day')
                  ? Promise.reject(new Error('Ngày kết thúc không được trước ngày thực hiện.'))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker
            format={DATE_FORMATS}
            placeholder="ngày/tháng/năm"
            style={{ width: '100%' }}
            data-testid="activity-end-date"
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item label="Ngôn ngữ" name="language">
          <Select options={LANGUAGE_OPTIONS} data-testid="activity-language" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function PlaceFields({ communes }: { communes: Commune[] }) {
  const options = communes.map((c) => ({
    value: c.code,
    label: c.active ? c.name : `${c.name} (đã bỏ khỏi danh sách xã)`,
    searchText: `${c.name} ${c.code}`,
    title: c.flags.map((f) => COMMUNE_FLAG_LABELS[f]).join(', '),
  }));
  return (
    <Row gutter={12}>
      <Col span={15}>
        <Form.Item
          label="Xã, phường, thị trấn"
          name="communes"
          rules={[{ required: true, type: 'array', min: 1, message: 'Hãy chọn ít nhất một xã.' }]}
        >
          <Select
            mode="multiple"
            options={options}
            showSearch={foldSearch}
            placeholder="Gõ tên xã để tìm (không cần dấu)"
            maxTagCount="responsive"
            data-testid="activity-communes"
          />
        </Form.Item>
      </Col>
      <Col span={9}>
        <Form.Item label="Thôn, bản, tổ dân phố" name="village">
          <Input placeholder="Ví dụ: Thôn Nà Lệnh" data-testid="activity-village" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function TopicFields() {
  return (
    <>
      <Form.Item
        label="Chủ đề"
        name="themes"
        rules={[{ required: true, type: 'array', min: 1, message: 'Hãy chọn ít nhất một chủ đề.' }]}
      >
        <Checkbox.Group options={THEME_OPTIONS} data-testid="activity-themes" />
      </Form.Item>
      <Form.Item
        label="Nội dung hoạt động (tiêu đề)"
        name="title"
        rules={[
          { required: true, whitespace: true, message: 'Hãy nhập nội dung hoạt động.' },
          { max: 500, message: 'Nội dung dài quá 500 ký tự; ghi thêm vào phần Ghi chú.' },
        ]}
      >
        <Input
          placeholder="Ví dụ: Tuyên truyền lưu động hưởng ứng Ngày toàn dân phòng, chống mua bán người"
          data-testid="activity-title"
        />
      </Form.Item>
    </>
  );
}

export function ReachFields({ onCtrlEnter }: { onCtrlEnter: () => void }) {
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            label="Số người được tuyên truyền (lượt người nghe, xem, dự)"
            name="audience"
            rules={countRules('Số người', false)}
          >
            <CountInput placeholder="0" data-testid="activity-audience" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="Kinh phí (đồng)" name="costVnd" rules={countRules('Kinh phí', false)}>
            <CountInput placeholder="0" suffix="đ" data-testid="activity-cost" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Ghi chú (Ctrl+Enter để lưu)" name="notes">
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              onCtrlEnter();
            }
          }}
          data-testid="activity-notes"
        />
      </Form.Item>
    </>
  );
}
