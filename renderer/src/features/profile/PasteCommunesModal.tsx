// Pasting a list of areas, e.g. copied from Excel: one area per line,
// "MÃ<Tab hoặc ;>Tên<;đặc điểm>" or just the name.
import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { areaKind, areaNoun } from '../../../../shared/areas';
import type { FormAreaWords } from './officeKind';
import { parseCommuneList, type CommuneRowValues } from './profileForm';

/** Example lists: the villages of a commune's office, or communes and towns. */
const VILLAGES =
  'TH-NL; Thôn Nà Lệnh; biên giới, dân tộc thiểu số\nBản Khuổi Phầy\nTDP-1; Tổ dân phố 1';
const COMMUNES =
  'CL-HT; Xã Hợp Thành; biên giới, dân tộc thiểu số\nXã Thụy Hùng\nTT-CL; Thị trấn Cao Lộc';

interface Props {
  open: boolean;
  takenCodes: string[];
  /** The office kind's words: a pasted list may hold any of its kinds. */
  words: FormAreaWords;
  /** Whether the office's areas are villages, for the example. */
  villages: boolean;
  onClose: () => void;
  onAdd: (rows: CommuneRowValues[]) => void;
}

export function PasteCommunesModal({ open, takenCodes, words, villages, onClose, onAdd }: Props) {
  const [text, setText] = useState('');
  const preview = parseCommuneList(text, takenCodes);
  const noun =
    preview.rows.length > 0 ? areaNoun(preview.rows.map((r) => areaKind(r))) : words.noun;

  return (
    <Modal
      open={open}
      title={`Dán danh sách ${words.noun}`}
      okText={`Thêm ${String(preview.rows.length)} ${noun}`}
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
        Mỗi dòng một {words.noun}. Có thể chỉ ghi tên (mã sẽ được tự tạo), hoặc ghi{' '}
        <Typography.Text code>mã; tên; đặc điểm</Typography.Text> (cách nhau bằng dấu chấm phẩy hoặc
        phím Tab khi dán từ Excel). Đặc điểm: biên giới, vùng sâu vùng xa, dân tộc thiểu số, trọng
        điểm — cách nhau bằng dấu phẩy. Nếu tên không bắt đầu bằng loại địa bàn, có thể ghi loại
        cùng chỗ với đặc điểm, ví dụ{' '}
        <Typography.Text code>Nà Lệnh; thôn; biên giới</Typography.Text>.
      </Typography.Paragraph>
      <Input.TextArea
        autoFocus
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 8, maxRows: 16 }}
        placeholder={villages ? VILLAGES : COMMUNES}
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
