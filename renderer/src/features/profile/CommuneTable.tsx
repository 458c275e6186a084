// The office's areas, row by row: communes and wards, or villages and residential groups,
// with the flags reports single out and the old areas merged into each. Rows can be typed
// here, pasted as a list (PasteCommunesModal) or read from a file.
import { Button, Checkbox, Form, Input, Space, Table, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormListFieldData } from 'antd';
import { areaKind } from '../../../../shared/areas';
import { MultiPicker } from '../../components/MultiPicker';
import { COMMUNE_FLAGS, COMMUNE_FLAG_LABELS } from '../../../../shared/domain';
import type { FormAreaWords } from './officeKind';
import { emptyCommune, isBlankRow, makeCommuneCode, type CommuneRowValues } from './profileForm';

interface Props {
  extraActions: React.ReactNode;
  /** At least one area (an office of a kind that has areas; a Sở may have none). */
  required?: boolean;
  words: FormAreaWords;
  /** The areas no longer in the list, which "Sáp nhập từ" offers by code. */
  formerAreas: { code: string; name: string }[];
}

/** "Loại": empty means the kind the name starts with, shown as the placeholder. */
function KindInput({ index }: { index: number }) {
  const name = Form.useWatch(['communes', index, 'name']) as string | undefined;
  const derived = (name ?? '').trim() === '' ? 'tự đọc từ tên' : areaKind({ name: name ?? '' });
  return (
    <Form.Item name={[index, 'kind']} style={{ margin: 0 }}>
      <Input placeholder={derived} data-testid={`commune-kind-${String(index)}`} />
    </Form.Item>
  );
}

/**
 * A row's name is needed once anything is typed in it. A wholly empty row (the first run
 * offers two) is left out when saving, and a code left empty is made from the name.
 */
const nameUnlessBlank =
  (index: number) =>
  ({ getFieldValue }: { getFieldValue: (path: (string | number)[]) => unknown }) => ({
    validator: (_: unknown, name: string | undefined) => {
      const row = getFieldValue(['communes', index]) as CommuneRowValues | undefined;
      return isBlankRow(row) || (name ?? '').trim() !== ''
        ? Promise.resolve()
        : Promise.reject(new Error('Hãy nhập tên.'));
    },
  });

export function CommuneTable({ extraActions, required = true, words, formerAreas }: Props) {
  const form = Form.useFormInstance();
  const formerOptions = formerAreas.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` }));

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
              ? Promise.reject(new Error(`Hãy nhập ít nhất một ${words.noun}.`))
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
            scroll={{ x: 1320 }}
            columns={[
              {
                title: 'STT',
                width: 52,
                align: 'center',
                render: (_, field) => field.name + 1,
              },
              {
                title: `Tên ${words.noun}`,
                width: 250,
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'name']}
                    noStyle={false}
                    style={{ margin: 0 }}
                    rules={[nameUnlessBlank(field.name)]}
                  >
                    <Input
                      placeholder={`Ví dụ: ${words.example}`}
                      onBlur={() => fillCode(field.name)}
                      data-testid={`commune-name-${String(field.name)}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: (
                  <Tooltip title="Để trống thì loại được đọc từ chữ đầu của tên (thôn, bản, tổ dân phố, xã, phường…).">
                    Loại
                  </Tooltip>
                ),
                width: 120,
                render: (_, field) => <KindInput index={field.name} />,
              },
              {
                title: 'Mã',
                width: 140,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'code']} style={{ margin: 0 }}>
                    <Input
                      placeholder="Tự tạo nếu bỏ trống"
                      data-testid={`commune-code-${String(field.name)}`}
                    />
                  </Form.Item>
                ),
              },
              ...COMMUNE_FLAGS.map((flag) => ({
                title: COMMUNE_FLAG_LABELS[flag],
                width: 104,
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
                title: (
                  <Tooltip title="Mã của các địa bàn cũ đã sáp nhập vào địa bàn này: hoạt động ghi cho địa bàn cũ được tính vào đây.">
                    Sáp nhập từ
                  </Tooltip>
                ),
                width: 210,
                render: (_, field) => (
                  <Form.Item name={[field.name, 'absorbed']} style={{ margin: 0 }}>
                    <MultiPicker<string>
                      mode="tags"
                      options={formerOptions}
                      tokenSeparators={[',', ';']}
                      placeholder="Mã địa bàn cũ"
                      maxTagCount="responsive"
                      style={{ width: '100%' }}
                      data-testid={`commune-absorbed-${String(field.name)}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: '',
                width: 52,
                align: 'center',
                render: (_, field) => (
                  <Tooltip title="Bỏ khỏi danh sách">
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label="Bỏ khỏi danh sách"
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
              Thêm dòng
            </Button>
            {extraActions}
          </Space>
        </>
      )}
    </Form.List>
  );
}
