// Adding or editing one directive (văn bản chỉ đạo), cited in section 1 of the report as
// "Công văn số 4502/BCĐ-CAT ngày 08/9/2023 của Ban Chỉ đạo 138 tỉnh về việc …".
import { useRef, useState } from 'react';
import { useFocusFirstField } from '../../lib/focusFirstField';
import { App, Button, Col, Form, Input, Modal, Radio, Row, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DirectiveRow } from '../../../../shared/contract';
import {
  DIRECTIVE_DIRECTIONS,
  DIRECTIVE_DIRECTION_LABELS,
  type DirectiveDirection,
} from '../../../../shared/domain';
import { api, errorMessage } from '../../api';
import { fromIso, toIso } from '../../lib/dates';
import { showOnField } from '../../lib/serverErrors';
import { useWritable } from '../../stores/app';
import { FormError } from '../../components/FormError';
import { TypedDatePicker } from '../../components/TypedDatePicker';

interface Values {
  number: string;
  date: Dayjs | null;
  issuer: string;
  subject: string;
  direction: DirectiveDirection;
}

interface Props {
  open: boolean;
  editing: DirectiveRow | null;
  onClose: () => void;
  onSaved: (row: DirectiveRow) => void;
}

function DirectiveForm({ editing, onClose, onSaved }: Omit<Props, 'open'>) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const writable = useWritable();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const box = useRef<HTMLDivElement>(null);

  useFocusFirstField(box, '[data-testid="directive-number"]');

  const onFinish = async (v: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      const saved = await api['directives:save']({
        ...(editing ? { id: editing.id } : {}),
        number: v.number.trim(),
        date: v.date ? toIso(v.date) : '',
        issuer: v.issuer.trim(),
        subject: v.subject.trim(),
        direction: v.direction,
      });
      message.success(`Đã lưu văn bản số ${saved.number}.`);
      onSaved(saved);
    } catch (err) {
      const placed = showOnField(form, err, (path) =>
        typeof path[0] === 'string' &&
        ['number', 'date', 'issuer', 'subject', 'direction'].includes(path[0])
          ? [path[0]]
          : null,
      );
      if (!placed) setFormError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div ref={box}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          number: editing?.number ?? '',
          date: fromIso(editing?.date),
          issuer: editing?.issuer ?? '',
          subject: editing?.subject ?? '',
          direction: editing?.direction ?? 'incoming',
        }}
        onFinish={(v) => void onFinish(v)}
        data-testid="directive-form"
      >
        <Form.Item name="direction" label="Loại">
          <Radio.Group
            optionType="button"
            options={DIRECTIVE_DIRECTIONS.map((d) => ({
              value: d,
              label: DIRECTIVE_DIRECTION_LABELS[d],
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="number"
              label="Số, ký hiệu"
              rules={[
                { required: true, whitespace: true, message: 'Hãy nhập số, ký hiệu văn bản.' },
              ]}
            >
              <Input placeholder="Ví dụ: 4502/BCĐ-CAT" data-testid="directive-number" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="date"
              label="Ngày ban hành"
              rules={[{ required: true, message: 'Hãy nhập ngày ban hành (ngày/tháng/năm).' }]}
            >
              <TypedDatePicker
                placeholder="ngày/tháng/năm"
                style={{ width: '100%' }}
                data-testid="directive-date"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="issuer"
          label="Cơ quan ban hành"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập cơ quan ban hành.' }]}
        >
          <Input placeholder="Ví dụ: Ban Chỉ đạo 138 tỉnh" data-testid="directive-issuer" />
        </Form.Item>
        <Form.Item
          name="subject"
          label="Trích yếu (về việc …)"
          rules={[{ required: true, whitespace: true, message: 'Hãy nhập trích yếu nội dung.' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder="Ví dụ: tăng cường công tác tuyên truyền phòng, chống mua bán người"
            data-testid="directive-subject"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
        <FormError error={formError} style={{ marginBottom: 12 }} />
        <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Space>
            <Button onClick={onClose}>Hủy</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={saving}
              disabled={!writable}
              data-testid="directive-save"
            >
              Lưu
            </Button>
          </Space>
        </div>
      </Form>
    </div>
  );
}

export function DirectiveFormModal({ open, editing, onClose, onSaved }: Props) {
  return (
    <Modal
      open={open}
      title={editing ? 'Sửa văn bản chỉ đạo' : 'Thêm văn bản chỉ đạo'}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      mask={{ closable: false }}
    >
      <DirectiveForm
        key={editing?.id ?? 'new'}
        editing={editing}
        onClose={onClose}
        onSaved={onSaved}
      />
    </Modal>
  );
}
