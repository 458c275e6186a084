// "Mở khóa để sửa": asks why the exported period must change; the reason stays in the
// audit log and the next export becomes a correction.
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../api';
import { usePackagesStore } from '../../stores/packages';

interface Props {
  open: boolean;
  label: string;
  onClose: () => void;
}

export function UnlockModal({ open, label, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const unlock = usePackagesStore((s) => s.unlock);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await unlock(reason.trim());
      form.resetFields();
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`Mở khóa ${label} để sửa`}
      okText="Mở khóa"
      cancelText="Thôi"
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'unlock-ok' }}
      destroyOnHidden
    >
      <p>
        Sau khi mở khóa, có thể sửa các hoạt động trong kỳ. Lần xuất gói sau sẽ là bản đính chính
        thay cho gói đã gửi.
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
            placeholder="Ví dụ: Bổ sung buổi tuyên truyền tại xã Hợp Thành bị ghi thiếu"
            data-testid="unlock-reason"
          />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} data-testid="unlock-error" /> : null}
    </Modal>
  );
}
