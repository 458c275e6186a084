// The end of a settings form: why the last save failed, then the button that submits.
import { Button } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { FormError } from './FormError';

interface Props {
  error: string | null;
  saving: boolean;
  /** "Lưu vai trò", "Lưu cài đặt". */
  label: string;
  testId: string;
}

export function SaveFooter({ error, saving, label, testId }: Props) {
  return (
    <>
      <FormError error={error} style={{ marginBottom: 12 }} />
      <Button
        type="primary"
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={saving}
        data-testid={testId}
      >
        {label}
      </Button>
    </>
  );
}
