// Section 1 of the report: one paragraph per directive, each editable, removable, and
// new ones added at the end. Seeded from the directives register for the period. Read-only
// (a signed report): the paragraphs as text fields without the buttons.
import { Button, Input, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';

interface Props {
  value: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  readOnly?: boolean;
}

export function DirectivesList({ value, onChange, disabled = false, readOnly = false }: Props) {
  const set = (i: number, text: string) => onChange(value.map((v, j) => (j === i ? text : v)));
  return (
    <div className="report-directives" data-testid="report-directives">
      {value.length === 0 ? (
        <Typography.Text type="secondary">
          {readOnly
            ? 'Báo cáo không có đoạn nào ở mục này.'
            : 'Chưa có văn bản nào trong kỳ. Thêm đoạn để ghi công tác chỉ đạo, triển khai.'}
        </Typography.Text>
      ) : null}
      {value.map((text, i) => (
        // Paragraphs have no identity of their own; the values are controlled, so the
        // index is a sound key.
        <div className="report-directive" key={i}>
          <Input.TextArea
            value={text}
            onChange={(e) => set(i, e.target.value)}
            autoSize={{ minRows: 1, maxRows: 8 }}
            maxLength={3000}
            disabled={disabled && !readOnly}
            readOnly={readOnly}
            aria-label={`Đoạn ${String(i + 1)}`}
            data-testid={`report-directive-${String(i)}`}
          />
          {readOnly ? null : (
            <Tooltip title="Xóa đoạn này">
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                disabled={disabled}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={`Xóa đoạn ${String(i + 1)}`}
                data-testid={`report-directive-remove-${String(i)}`}
              />
            </Tooltip>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <div>
          <Button
            icon={<PlusOutlined />}
            disabled={disabled}
            onClick={() => onChange([...value, ''])}
            data-testid="report-directive-add"
          >
            Thêm đoạn
          </Button>
        </div>
      )}
    </div>
  );
}
