// The communes the office covers, row by row, with the flags reports single out.
// Rows can be typed here, pasted as a list (PasteCommunesModal) or read from a file.
import { Button, Checkbox, Form, Input, Space, Table, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormListFieldData } from 'antd';
import { COMMUNE_FLAGS, COMMUNE_FLAG_LABELS } from '../../../../shared/domain';
import { emptyCommune, makeCommuneCode, type CommuneRowValues } from './profileForm';

interface Props {
  extraActions: React.ReactNode;
  /** At least one commune (the office desk logs activities in them; a Sở may have none). */
  required?: boolean;
}

export function CommuneTable({ extraActions, required = true }: Props) {
  const form = Form.useFormInstance();

  /** A name typed without a code gets one, so that a list of names is enough. */
  const fillCode = (index: number) => {
    const rows = (form.getFieldValue('communes') ?? []) as CommuneRowValues[];
    const row = rows[index];
    if (!row || (row.code ?? '').trim() !== '' || (row.name ?? '').trim() === '') return;
    const taken = new Set(rows.map((r) => (r.code ?? '').toLowerCase()).filter((c) => c !== ''));
    form.setFieldValue(['communes', index, 'code'], makeCommuneCode(row.name, taken));
  };

  return (
    <Form.List
      name="communes"
      rules={[
        {
          validator: (_, rows: CommuneRowValues[] | undefined) => {
            const named = (rows ?? []).filter((r) => (r?.name ?? '').trim() !== '');
            return required && named.length === 0
              ? Promise.reject(new Error('Hãy nhập ít nhất một xã.'))
              : Promise.resolve();
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Table<FormListFieldData>
            data-testid="commune-table"
            size="small"
            bordered
            pagination={false}
            dataSource={fields}
            rowKey="key"
            scroll={{ x: 1000 }}
            columns={[
              {
                title: 'STT',
                width: 52,
                align: 'center',
                render: (_, field) => field.name + 1,
              },
              {
                title: 'Tên xã, phường, thị trấn',
                width: 260,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'name']}
                    noStyle={false}
                    style={{ margin: 0 }}
                    rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên xã.' }]}
                  >
                    <Input
                      placeholder="Ví dụ: Xã Hợp Thành"
                      onBlur={() => fillCode(field.name)}
                      data-testid={`commune-name-${String(field.name)}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: 'Mã xã',
                width: 150,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'code']}
                    style={{ margin: 0 }}
                    rules={[{ required: true, whitespace: true, message: 'Hãy nhập mã xã.' }]}
                  >
                    <Input
                      placeholder="Tự tạo nếu bỏ trống"
                      data-testid={`commune-code-${String(field.name)}`}
                    />
                  </Form.Item>
                ),
              },
              ...COMMUNE_FLAGS.map((flag) => ({
                title: COMMUNE_FLAG_LABELS[flag],
                width: 112,
                align: 'center' as const,
                render: (_: unknown, field: FormListFieldData) => (
                  <Form.Item name={[field.name, 'flags', flag]} valuePropName="checked" noStyle>
                    <Checkbox
                      aria-label={COMMUNE_FLAG_LABELS[flag]}
                      data-testid={`commune-flag-${flag}-${String(field.name)}`}
                    />
                  </Form.Item>
                ),
              })),
              {
                title: '',
                width: 52,
                align: 'center',
                render: (_, field) => (
                  <Tooltip title="Bỏ xã này khỏi danh sách">
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label="Bỏ xã"
                      onClick={() => remove(field.name)}
                    />
                  </Tooltip>
                ),
              },
            ]}
          />
          <Form.ErrorList errors={errors} />
          <Space wrap style={{ marginTop: 12 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add(emptyCommune())}
              data-testid="commune-add"
            >
              Thêm xã
            </Button>
            {extraActions}
          </Space>
        </>
      )}
    </Form.List>
  );
}
