// "Mở khóa để sửa": asks why the exported period must change; the reason stays in the
// audit log and the next export becomes a correction.
import { Form, Input, Modal } from 'antd';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../lib/useSubmit';
import { activeCommunes, useAppStore } from '../../stores/app';
import { usePackagesStore } from '../../stores/packages';

interface Props {
  open: boolean;
  label: string;
  onClose: () => void;
}

export function UnlockModal({ open, label, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const unlock = usePackagesStore((s) => s.unlock);
  const { busy, error, run } = useSubmit();
  // The example names one of the office's own areas, whatever their kind.
  const area = useAppStore((s) => activeCommunes(s.profile)[0]?.name);
  const example = area ? `tại ${area}` : 'ngày 15/8';

  const submit = async () => {
    const { reason } = await form.validateFields();
    await run(async () => {
      await unlock(reason.trim());
      form.resetFields();
      onClose();
    });
  };

  return (
    <Modal
      open={open}
      title={`Mở khóa ${label} để sửa`}
      okText="Mở khóa"
      cancelText="Thôi"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'unlock-ok' }}
      destroyOnHidden
    >
      <p>
        Sau khi mở khóa, có thể sửa các hoạt động, văn bản chỉ đạo trong kỳ và nội dung báo cáo. Lần
        xuất gói sau sẽ là bản đính chính thay cho gói đã xuất.
      </p>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label="Lý do mở khóa"
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const n = (value ?? '').trim().length;
                if (n === 0) return Promise.reject(new Error('Hãy ghi lý do mở khóa.'));
                if (n < 5)
                  return Promise.reject(new Error('Lý do quá ngắn: hãy ghi ít nhất 5 ký tự.'));
                if (n > 2000)
                  return Promise.reject(new Error('Lý do quá dài: tối đa 2.000 ký tự.'));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            autoFocus
            placeholder={`Ví dụ: Bổ sung buổi tuyên truyền ${example} bị ghi thiếu`}
            data-testid="unlock-reason"
          />
        </Form.Item>
      </Form>
      <FormError error={error} testId="unlock-error" />
    </Modal>
  );
}
