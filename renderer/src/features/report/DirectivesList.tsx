// Section 1 of the report: one paragraph per directive, each editable, removable, and
// new ones added at the end (the cursor goes into the new paragraph, ready to type).
// Seeded from the directives register for the period; a directive registered later is
// offered below the paragraphs, to add or set aside, never added unasked. Read-only (a
// signed report): the paragraphs as text fields without the buttons.
import { useEffect, useRef } from 'react';
import { Alert, Button, Input, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { DirectiveRow } from '../../../../shared/contract';
import { directiveCitation } from '../../../../shared/directives';

interface Props {
  value: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  readOnly?: boolean;
  /** Directives of the period that no paragraph cites yet. */
  offered?: DirectiveRow[];
  /** The paragraph a directive becomes when added. */
  paragraphOf?: (d: DirectiveRow) => string;
  onSetAside?: (id: string) => void;
}

export function DirectivesList({
  value,
  onChange,
  disabled = false,
  readOnly = false,
  offered = [],
  paragraphOf,
  onSetAside,
}: Props) {
  const box = useRef<HTMLDivElement>(null);
  // The paragraph to put the cursor in once it is drawn (one just added).
  const focusAt = useRef<number | null>(null);
  const set = (i: number, text: string) => onChange(value.map((v, j) => (j === i ? text : v)));
  const append = (text: string) => {
    focusAt.current = value.length;
    onChange([...value, text]);
  };

  useEffect(() => {
    const at = focusAt.current;
    if (at === null) return;
    const field = box.current?.querySelector<HTMLTextAreaElement>(
      `[data-testid="report-directive-${String(at)}"]`,
    );
    if (!field) return;
    focusAt.current = null;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [value]);

  const offers = readOnly || !paragraphOf ? [] : offered;
  return (
    <div className="report-directives" data-testid="report-directives" ref={box}>
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
            onClick={() => append('')}
            data-testid="report-directive-add"
          >
            Thêm đoạn
          </Button>
        </div>
      )}
      {offers.length > 0 && paragraphOf ? (
        <Alert
          type="info"
          showIcon
          title={
            offers.length === 1
              ? 'Một văn bản của kỳ báo cáo chưa có ở mục 1:'
              : `${String(offers.length)} văn bản của kỳ báo cáo chưa có ở mục 1:`
          }
          description={
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {offers.map((d) => (
                <li key={d.id} data-testid="report-directive-offer">
                  <Typography.Text>{directiveCitation(d)}</Typography.Text>
                  <Space size={4} style={{ marginLeft: 8 }}>
                    <Button
                      size="small"
                      type="primary"
                      icon={<PlusOutlined />}
                      disabled={disabled}
                      onClick={() => append(paragraphOf(d))}
                      data-testid="report-directive-offer-add"
                    >
                      Thêm vào mục 1
                    </Button>
                    <Button
                      size="small"
                      type="text"
                      disabled={disabled}
                      onClick={() => onSetAside?.(d.id)}
                      data-testid="report-directive-offer-skip"
                    >
                      Không đưa vào
                    </Button>
                  </Space>
                </li>
              ))}
            </ul>
          }
          data-testid="report-directive-offers"
        />
      ) : null}
    </div>
  );
}
