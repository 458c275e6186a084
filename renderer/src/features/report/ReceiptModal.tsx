// "Đánh dấu cấp trên đã nhận": the province confirmed (by phone, letter, email) that the
// package arrived. The office records it here, with how and by whom if it wants.
import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../lib/useSubmit';
import { usePackagesStore } from '../../stores/packages';

interface Props {
  sequence: number;
  onClose: () => void;
}

/** Mounted only while open, so the note starts empty each time. */
export function ReceiptModal({ sequence, onClose }: Props) {
  const confirm = usePackagesStore((s) => s.confirm);
  const { busy, error, run } = useSubmit();
  const [note, setNote] = useState('');

  return (
    <Modal
      open
      title={`Cấp trên đã nhận gói số ${String(sequence)}?`}
      okText="Đánh dấu đã nhận"
      cancelText="Hủy"
      confirmLoading={busy}
      onOk={() =>
        void run(async () => {
          await confirm(true, note);
          onClose();
        })
      }
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'receipt-ok' }}
    >
      <Typography.Paragraph>
        Chỉ đánh dấu khi cấp trên đã báo là nhận được gói (qua điện thoại, công văn, email…).
      </Typography.Paragraph>
      <Typography.Text>Ghi chú (không bắt buộc)</Typography.Text>
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        autoFocus
        placeholder="Ví dụ: Chị Lan, Sở Văn hóa báo đã nhận qua điện thoại ngày 06/10"
        data-testid="receipt-note"
      />
      <FormError error={error} testId="receipt-error" style={{ marginTop: 12 }} />
    </Modal>
  );
}
