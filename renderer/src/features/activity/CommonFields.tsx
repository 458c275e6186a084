// The fields every activity has, whatever its channel.
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { isOfficeWide } from '../../../../shared/areas';
import type { Commune } from '../../../../shared/contract';
import {
  COMMUNE_FLAG_LABELS,
  type Channel,
  LANGUAGES,
  LANGUAGE_LABELS,
  THEMES,
  THEME_LABELS,
} from '../../../../shared/domain';
import { CountInput, countRules } from '../../components/CountInput';
import { MultiPicker } from '../../components/MultiPicker';
import { TypedDatePicker } from '../../components/TypedDatePicker';
import { areaOptionLabel } from '../../lib/areas';
import { foldSearch } from '../../lib/search';
import { useAreasByCode, useAreaWords } from '../../stores/app';

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
          <TypedDatePicker
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
          <TypedDatePicker
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

/**
 * Where the activity took place: the office's areas, and a place inside them. Naming no
 * area is allowed for an office without areas and for the channels whose work belongs to
 * the whole office (news online, the press, messages, leaflets).
 */
export function PlaceFields({ communes, channel }: { communes: Commune[]; channel: Channel }) {
  const words = useAreaWords();
  const byCode = useAreasByCode();
  const hasCurrent = communes.some((c) => c.active);
  const needArea = hasCurrent && !isOfficeWide(channel);
  const options = communes.map((c) => ({
    value: c.code,
    label: areaOptionLabel(c, byCode),
    searchText: `${c.name} ${c.code}`,
    title: c.flags.map((f) => COMMUNE_FLAG_LABELS[f]).join(', '),
  }));
  const place = (
    <Form.Item label={words.placeLabel} name="village">
      <Input placeholder={words.placeExample} data-testid="activity-village" />
    </Form.Item>
  );
  // An office with no areas at all has nothing to pick from: only the place is asked.
  if (options.length === 0) return place;
  return (
    <Row gutter={12}>
      <Col span={15}>
        <Form.Item
          label={words.heading}
          name="communes"
          rules={
            needArea
              ? [
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: `Hãy chọn ít nhất một ${words.noun}.`,
                  },
                ]
              : []
          }
        >
          <MultiPicker<string>
            options={options}
            showSearch={foldSearch}
            placeholder={
              needArea
                ? `Gõ tên ${words.noun} để tìm (không cần dấu)`
                : 'Để trống nếu là hoạt động chung của toàn đơn vị'
            }
            maxTagCount="responsive"
            data-testid="activity-communes"
          />
        </Form.Item>
      </Col>
      <Col span={9}>{place}</Col>
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
          <Form.Item
            name="audienceEstimated"
            valuePropName="checked"
            className="audience-estimated"
            tooltip="Đánh dấu khi số người là ước lượng (ví dụ người xem ở chợ phiên): báo cáo sẽ ghi “khoảng” trước số này."
          >
            <Checkbox data-testid="activity-audience-estimated">Số ước tính</Checkbox>
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
