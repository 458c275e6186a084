// "Gửi gói qua thư điện tử": the largest package the office sends. Photos travel in the
// package, and most mailboxes refuse an attachment over 20–25 MB, so an export whose photos
// take it over this limit is refused and names the photos to leave out.
import { useEffect } from 'react';
import { App, Card, Form, InputNumber, Space } from 'antd';
import type { DeskSettings } from '../../../../shared/inbox';
import { DEFAULT_PACKAGE_LIMIT_MB } from '../../../../shared/photos';
import { api } from '../../api';
import { SaveFooter } from '../../components/SaveFooter';
import { useSubmit } from '../../lib/useSubmit';
import { useAppStore, useWritable } from '../../stores/app';

interface Values {
  packageLimitMb: number;
}

export const PACKAGE_LIMIT_MESSAGE = 'Hãy nhập một số nguyên từ 1 đến 1000 (MB).';

export function PackageLimitCard() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const desks = useAppStore((s) => s.desks);
  const setDesks = useAppStore((s) => s.setDesks);
  const writable = useWritable();
  const submit = useSubmit();
  const current = desks?.packageLimitMb ?? DEFAULT_PACKAGE_LIMIT_MB;

  useEffect(() => {
    form.setFieldsValue({ packageLimitMb: current });
  }, [current, form]);

  const save = (values: Values) =>
    submit.run(async () => {
      if (!desks) return;
      // The schema is strict and wants the whole of the desks: the saved ones, not the
      // switches someone may be turning on the card above without saving them.
      const input: DeskSettings = {
        office: desks.office,
        province: desks.province,
        deadlineDays: desks.deadlineDays,
        packageLimitMb: values.packageLimitMb,
      };
      setDesks(await api['settings:saveDesks'](input));
      void message.success('Đã lưu giới hạn dung lượng gói.');
    });

  return (
    <Card size="small" title="Gửi gói qua thư điện tử" data-testid="package-limit-card">
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!writable || desks === null}
        initialValues={{ packageLimitMb: current }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          label="Giới hạn dung lượng gói gửi qua thư điện tử (MB)"
          extra={`Ảnh minh chứng đi kèm gói dữ liệu làm gói nặng thêm. Phần lớn hộp thư chỉ nhận tệp đính kèm đến 20–25 MB, nên mặc định là ${String(DEFAULT_PACKAGE_LIMIT_MB)} MB. Khi ảnh làm gói vượt giới hạn này, ứng dụng không xuất gói và chỉ ra những ảnh cần bỏ chọn “Gửi kèm gói”. Nếu gói được chép qua USB hoặc hộp thư nhận được tệp lớn hơn, có thể tăng giới hạn.`}
        >
          <Space>
            <Form.Item
              name="packageLimitMb"
              noStyle
              rules={[
                { required: true, message: PACKAGE_LIMIT_MESSAGE },
                { type: 'integer', min: 1, max: 1000, message: PACKAGE_LIMIT_MESSAGE },
              ]}
            >
              <InputNumber min={1} max={1000} precision={0} data-testid="package-limit" />
            </Form.Item>
            <span>MB</span>
          </Space>
        </Form.Item>
        <SaveFooter
          error={submit.error}
          saving={submit.busy}
          label="Lưu giới hạn"
          testId="package-limit-save"
        />
      </Form>
    </Card>
  );
}
