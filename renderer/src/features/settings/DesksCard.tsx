// "Vai trò của máy này": whether this installation keeps an office's logbook and reports
// upwards (the office desk), takes in and merges the offices' packages (the province
// desk), or both; and how many days after a period's last day its packages are due.
import { useEffect } from 'react';
import { Alert, App, Card, Form, InputNumber, Space, Switch, Typography } from 'antd';
import type { DeskSettings } from '../../../../shared/inbox';
import { OFFICE_KIND_INFO, officeKindOf } from '../../../../shared/offices';
import { api } from '../../api';
import { SaveFooter } from '../../components/SaveFooter';
import { useSubmit } from '../../lib/useSubmit';
import { activeCommunes, useAppStore, useWritable } from '../../stores/app';

export const NO_DESK_MESSAGE =
  'Hãy bật ít nhất một vai trò: máy này là đơn vị báo cáo, nơi tiếp nhận báo cáo, hoặc cả hai.';

export function DesksCard() {
  const [form] = Form.useForm<DeskSettings>();
  const { message } = App.useApp();
  const desks = useAppStore((s) => s.desks);
  const setDesks = useAppStore((s) => s.setDesks);
  const noAreas = useAppStore((s) => activeCommunes(s.profile).length === 0);
  // A department or a press agency has no areas: only an office that should is reminded.
  const kindInfo = useAppStore((s) =>
    s.profile ? OFFICE_KIND_INFO[officeKindOf(s.profile.office)] : null,
  );
  const writable = useWritable();
  const submit = useSubmit();
  const officeOn = Form.useWatch('office', form) ?? desks?.office ?? true;
  const provinceOn = Form.useWatch('province', form) ?? desks?.province ?? false;

  useEffect(() => {
    if (desks) form.setFieldsValue(desks);
  }, [desks, form]);

  const save = (values: DeskSettings) =>
    submit.run(async () => {
      const saved = await api['settings:saveDesks']({
        office: values.office,
        province: values.province,
        deadlineDays: values.deadlineDays,
      });
      setDesks(saved);
      void message.success('Đã lưu vai trò của máy này.');
    });

  // One rule on the second switch: it is the one shown with the message.
  const atLeastOne = {
    validator: () =>
      form.getFieldValue('office') === true || form.getFieldValue('province') === true
        ? Promise.resolve()
        : Promise.reject(new Error(NO_DESK_MESSAGE)),
  };

  return (
    <Card size="small" title="Vai trò của máy này" data-testid="desks-card">
      <Form<DeskSettings>
        form={form}
        layout="horizontal"
        disabled={!writable || desks === null}
        initialValues={desks ?? undefined}
        onFinish={(v) => void save(v)}
        className="desks-form"
      >
        <Form.Item name="office" valuePropName="checked" style={{ marginBottom: 8 }}>
          <SwitchLine
            label="Đơn vị báo cáo"
            hint="Ghi sổ hoạt động, lập báo cáo và gửi gói dữ liệu có chữ ký lên cấp trên."
            testId="desk-office"
            onToggle={() => void form.validateFields(['province']).catch(() => undefined)}
          />
        </Form.Item>
        <Form.Item
          name="province"
          valuePropName="checked"
          dependencies={['office']}
          rules={[atLeastOne]}
        >
          <SwitchLine
            label="Tiếp nhận báo cáo (cấp tỉnh)"
            hint="Nhận gói dữ liệu của các đơn vị, theo dõi tình hình nộp và lập báo cáo tổng hợp."
            testId="desk-province"
          />
        </Form.Item>
        {officeOn && noAreas && kindInfo?.hasAreas ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`Đơn vị chưa khai báo ${kindInfo.areas} nào: các hoạt động sẽ được ghi chung cho toàn đơn vị. Có thể khai báo các ${kindInfo.areas} ở mục “Thông tin đơn vị”.`}
            data-testid="desks-no-areas"
          />
        ) : null}
        <Form.Item
          label="Hạn nộp"
          required={provinceOn}
          extra="Gói của một kỳ nộp sau hạn này được đánh dấu “Trễ hạn”."
        >
          <Space>
            <Form.Item
              name="deadlineDays"
              noStyle
              rules={[{ required: true, message: 'Hãy nhập số ngày (0 là ngay ngày cuối kỳ).' }]}
            >
              <InputNumber min={0} max={366} precision={0} data-testid="desk-deadline" />
            </Form.Item>
            <span>ngày sau ngày cuối kỳ</span>
          </Space>
        </Form.Item>
        <SaveFooter
          error={submit.error}
          saving={submit.busy}
          label="Lưu vai trò"
          testId="desks-save"
        />
      </Form>
    </Card>
  );
}

interface SwitchLineProps {
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  onToggle?: () => void;
  label: string;
  hint: string;
  testId: string;
  disabled?: boolean;
}

/** A switch with its label and a line of explanation, as one Form.Item control. */
function SwitchLine({
  checked,
  onChange,
  onToggle,
  label,
  hint,
  testId,
  disabled,
}: SwitchLineProps) {
  return (
    <label className="desk-line">
      <Switch
        checked={checked ?? false}
        disabled={disabled}
        onChange={(v) => {
          onChange?.(v);
          onToggle?.();
        }}
        data-testid={testId}
      />
      <span>
        <strong>{label}</strong>
        <Typography.Text type="secondary" className="desk-hint">
          {hint}
        </Typography.Text>
      </span>
    </label>
  );
}
