// The trash-can button of a register row: asks first, says the row can be restored.
// The question (a Popconfirm) is built only when the button is pressed: a register draws
// this button on every row, and a Popconfirm per row was half the cost of drawing them.
import { useEffect, useRef, useState } from 'react';
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
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The button is drawn anew inside the question: the keyboard stays on it.
  const hadFocus = useRef(false);
  useEffect(() => {
    if (hadFocus.current) button.current?.focus();
    hadFocus.current = false;
  }, [asking]);

  const trash = (
    <Button
      ref={button}
      type="text"
      size="small"
      danger
      icon={<DeleteOutlined />}
      aria-label="Xóa"
      title="Xóa"
      disabled={disabled}
      data-testid={testId}
      onClick={() => {
        // Once asking, a click on it is the question's own (it closes it).
        if (asking) return;
        hadFocus.current = document.activeElement === button.current;
        setAsking(true);
      }}
    />
  );
  if (!asking) return trash;
  return (
    <Popconfirm
      open
      onOpenChange={(open) => {
        if (!open) setAsking(false);
      }}
      title={question}
      description="Có thể khôi phục lại trong mục “Đã xóa”."
      okText="Xóa"
      cancelText="Không"
      okButtonProps={{ danger: true }}
      onConfirm={() => {
        setAsking(false);
        onConfirm();
      }}
      onCancel={() => setAsking(false)}
    >
      {trash}
    </Popconfirm>
  );
}
