// Pasting a list of communes, e.g. copied from Excel: one commune per line,
// "MÃ<Tab hoặc ;>Tên<;đặc điểm>" or just the name.
import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { parseCommuneList, type CommuneRowValues } from './profileForm';

interface Props {
  open: boolean;
  takenCodes: string[];
  onClose: () => void;
  onAdd: (rows: CommuneRowValues[]) => void;
}

export function PasteCommunesModal({ open, takenCodes, onClose, onAdd }: Props) {
  const [text, setText] = useState('');
  const preview = parseCommuneList(text, takenCodes);

  return (
    <Modal
      open={open}
      title="Dán danh sách xã"
      okText={`Thêm ${String(preview.rows.length)} xã`}
      cancelText="Hủy"
      okButtonProps={{ disabled: preview.rows.length === 0, 'data-testid': 'paste-communes-ok' }}
      onCancel={onClose}
      onOk={() => {
        onAdd(preview.rows);
        setText('');
        onClose();
      }}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Mỗi dòng một xã. Có thể chỉ ghi tên xã (mã sẽ được tự tạo), hoặc ghi{' '}
        <Typography.Text code>mã; tên; đặc điểm</Typography.Text> (cách nhau bằng dấu chấm phẩy hoặc
        phím Tab khi dán từ Excel). Đặc điểm: biên giới, vùng sâu vùng xa, dân tộc thiểu số, trọng
        điểm — cách nhau bằng dấu phẩy.
      </Typography.Paragraph>
      <Input.TextArea
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 8, maxRows: 16 }}
        placeholder={
          'CL-HT; Xã Hợp Thành; biên giới, dân tộc thiểu số\nXã Thụy Hùng\nTT-CL; Thị trấn Cao Lộc'
        }
        data-testid="paste-communes-text"
      />
      {preview.unknownFlags.length > 0 ? (
        <Alert
          style={{ marginTop: 8 }}
          type="warning"
          showIcon
          title="Không hiểu một số đặc điểm (sẽ bỏ qua):"
          description={preview.unknownFlags.join('; ')}
        />
      ) : null}
    </Modal>
  );
}
