// "Căn cứ báo cáo": the letter the report answers, picked from the register's incoming
// directives (a new draft starts with the latest one asking for a report) or none for the
// generic opening, its citation editable as text, and the opening sentence it makes.
import { useCallback, useEffect, useState } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import type { DirectiveRow } from '../../../../shared/contract';
import { api } from '../../api';
import { foldSearch } from '../../lib/search';
import { matchRequest, NO_REQUEST, requestChoices } from './requestChoices';

interface Props {
  value: string;
  onChange: (request: string) => void;
  /** The opening paragraph the request makes, shown under it; none when absent. */
  preview?: ((request: string) => string) | undefined;
  readOnly: boolean;
  disabled: boolean;
}

/** The register, read when the form opens and each time the list is opened again. */
function useRegister(): { rows: DirectiveRow[]; reload: () => void; loading: boolean } {
  const [rows, setRows] = useState<DirectiveRow[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(() => {
    setLoading(true);
    api['directives:list']({}).then(
      (list) => {
        setRows(list);
        setLoading(false);
      },
      // Without the register the citation can still be typed: nothing to report here.
      () => setLoading(false),
    );
  }, []);
  useEffect(reload, [reload]);
  return { rows, reload, loading };
}

export function RequestField({ value, onChange, preview, readOnly, disabled }: Props) {
  const { rows, reload, loading } = useRegister();
  const choices = requestChoices(rows);
  const picked = matchRequest(value, choices);
  const options = [
    { value: NO_REQUEST, label: 'Không có — dùng câu mở đầu chung', searchText: 'khong co' },
    ...choices.map(({ value: id, label, searchText, subject }) => ({
      value: id,
      label,
      searchText,
      title: subject,
    })),
  ];

  const pick = (id: string) => {
    if (id === NO_REQUEST) onChange('');
    else onChange(choices.find((c) => c.value === id)?.citation ?? value);
  };

  return (
    <Form.Item
      label="Căn cứ báo cáo (văn bản yêu cầu báo cáo)"
      tooltip="Văn bản đến trong sổ văn bản chỉ đạo. Báo cáo mới tự chọn văn bản gần nhất yêu cầu báo cáo trong kỳ."
      extra={
        picked === undefined && value.trim() !== ''
          ? 'Văn bản không có trong sổ văn bản chỉ đạo, hoặc đã sửa lời trích dẫn.'
          : undefined
      }
    >
      <div className="report-request">
        <Select
          value={picked}
          placeholder="Chọn văn bản đến trong sổ văn bản chỉ đạo"
          options={options}
          onChange={pick}
          onOpenChange={(open) => {
            if (open) reload();
          }}
          loading={loading}
          showSearch={foldSearch}
          disabled={disabled || readOnly}
          notFoundContent="Sổ văn bản chỉ đạo chưa có văn bản đến nào."
          data-testid="report-request-pick"
        />
        <Input.TextArea
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 1, maxRows: 5 }}
          maxLength={3000}
          placeholder={
            readOnly ? '(không có)' : 'Công văn số … ngày … của … về việc báo cáo … (có thể sửa)'
          }
          readOnly={readOnly}
          disabled={disabled}
          aria-label="Trích dẫn văn bản yêu cầu báo cáo"
          data-testid="report-request"
        />
        {preview ? (
          <Typography.Paragraph
            type="secondary"
            className="report-preview"
            data-testid="report-opening-preview"
          >
            <span className="report-preview-label">Câu mở đầu: </span>
            {preview(value)}
          </Typography.Paragraph>
        ) : null}
      </div>
    </Form.Item>
  );
}
