// The trash-can button of a register row: asks first, says the row can be restored.
import { Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';

interface Props {
  /** "Xóa hoạt động này?" */
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
}

export function DeleteButton({ question, onConfirm, disabled, testId }: Props) {
  return (
    <Popconfirm
      title={question}
      description="Có thể khôi phục lại trong mục “Đã xóa”."
      okText="Xóa"
      cancelText="Không"
      okButtonProps={{ danger: true }}
      onConfirm={onConfirm}
    >
      <Button
        type="text"
        size="small"
        danger
        icon={<DeleteOutlined />}
        aria-label="Xóa"
        title="Xóa"
        disabled={disabled}
        data-testid={testId}
      />
    </Popconfirm>
  );
}
