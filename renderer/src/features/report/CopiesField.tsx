// "Nơi nhận" at the foot of the report: the copies one per line, who files the original
// ("Lưu") and the drafter's initials, with the lines as the Word file prints them
// (copiesLines). A new report starts from the previous one's, else the profile's.
import { Form, Input, Space } from 'antd';
import type { ReportTexts } from '../../../../shared/report';
import { copiesLines } from '../../../../shared/reportText';

type Copies = Pick<ReportTexts, 'copies' | 'filing' | 'drafter'>;

interface Props {
  texts: Copies;
  onEdit: (patch: Partial<Copies>) => void;
  readOnly: boolean;
  disabled: boolean;
}

export function CopiesField({ texts, onEdit: edit, readOnly, disabled }: Props) {
  const locked = { readOnly, disabled };
  return (
    <Form.Item label="Nơi nhận (mỗi dòng một nơi)">
      <div className="report-copies">
        <div className="report-copies-fields">
          <Input.TextArea
            value={texts.copies.join('\n')}
            onChange={(e) => edit({ copies: e.target.value.split('\n') })}
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder={readOnly ? '(không có)' : 'Như trên\nLãnh đạo Sở'}
            aria-label="Nơi nhận (mỗi dòng một nơi)"
            {...locked}
            data-testid="report-copies"
          />
          <div className="report-copies-row">
            <Space.Compact className="report-filing">
              <Space.Addon>Lưu:</Space.Addon>
              <Input
                value={texts.filing}
                onChange={(e) => edit({ filing: e.target.value })}
                maxLength={200}
                placeholder="VT"
                aria-label="Lưu"
                {...locked}
                data-testid="report-filing"
              />
            </Space.Compact>
            <Space.Compact className="report-drafter">
              <Space.Addon>Người soạn (chữ viết tắt)</Space.Addon>
              <Input
                value={texts.drafter}
                onChange={(e) => edit({ drafter: e.target.value })}
                maxLength={30}
                placeholder="Ví dụ: LMV"
                aria-label="Người soạn (chữ viết tắt)"
                {...locked}
                data-testid="report-drafter"
              />
            </Space.Compact>
          </div>
        </div>
        <div className="report-copies-preview" data-testid="report-copies-preview">
          <div className="report-copies-title">Nơi nhận:</div>
          {copiesLines(texts).map((line, i) => (
            // Lines have no identity but their place; the list is derived, never edited.
            <div key={i}>{line}</div>
          ))}
        </div>
      </div>
    </Form.Item>
  );
}
