// "Văn bản chỉ đạo": the documents behind the work, incoming and outgoing. One dated in a
// locked period went into that period's signed package: it shows a lock, and editing or
// deleting it waits until the period is unlocked on the report screen.
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { EditOutlined, PlusOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { DeleteButton } from '../../components/DeleteButton';
import type { DirectiveRow } from '../../../../shared/contract';
import { DIRECTIVE_DIRECTION_LABELS, type DirectiveDirection } from '../../../../shared/domain';
import { formatDate } from '../../../../shared/format';
import { api } from '../../api';
import { useUndoableDelete } from '../../lib/useUndoableDelete';
import { useDebounced } from '../../lib/useDebounced';
import { useWritable } from '../../stores/app';
import { useDirectivesStore } from '../../stores/directives';
import { usePackagesStore } from '../../stores/packages';
import { LockedActions } from '../logbook/LockedActions';
import { lockOn } from '../report/locks';
import { DirectiveFormModal } from './DirectiveFormModal';

export function DirectivesScreen() {
  const { rows, loading, error, deleted, load, setQuery } = useDirectivesStore();
  const writable = useWritable();
  const locks = usePackagesStore((s) => s.locks);
  const [search, setSearch] = useState(useDirectivesStore.getState().search);
  const debounced = useDebounced(search, 250);
  const [form, setForm] = useState<{ open: boolean; editing: DirectiveRow | null }>({
    open: false,
    editing: null,
  });

  useEffect(() => {
    setQuery({ search: debounced });
  }, [debounced, setQuery]);

  // Locks change on the report screen only: read them each time the register opens.
  useEffect(() => {
    void usePackagesStore.getState().loadLocks();
  }, []);

  const { remove, restore } = useUndoableDelete<DirectiveRow>({
    remove: (row) => api['directives:delete']({ id: row.id }),
    restore: (row) => api['directives:restore']({ id: row.id }),
    reload: load,
    describe: (row) => `văn bản số ${row.number}`,
  });

  return (
    <div className="page" data-testid="directives">
      <div className="page-title">
        <h1>Văn bản chỉ đạo</h1>
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          disabled={!writable}
          onClick={() => setForm({ open: true, editing: null })}
          data-testid="directive-add"
        >
          Thêm văn bản
        </Button>
      </div>
      <Space wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="Tìm số, cơ quan, trích yếu (không cần dấu)"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 340 }}
          data-testid="directive-search"
        />
        <Segmented
          value={deleted ? 'deleted' : 'active'}
          onChange={(v) => setQuery({ deleted: v === 'deleted' })}
          options={[
            { value: 'active', label: 'Đang dùng' },
            { value: 'deleted', label: 'Đã xóa' },
          ]}
        />
      </Space>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Table<DirectiveRow>
        size="middle"
        rowKey="id"
        loading={loading && rows.length === 0}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        style={{ background: '#fff', borderRadius: 8 }}
        locale={{ emptyText: deleted ? 'Không có văn bản nào đã xóa.' : 'Chưa có văn bản nào.' }}
        data-testid="directive-table"
        columns={[
          { title: 'Số, ký hiệu', dataIndex: 'number', width: 160 },
          { title: 'Ngày', dataIndex: 'date', width: 110, render: (d: string) => formatDate(d) },
          { title: 'Cơ quan ban hành', dataIndex: 'issuer', width: 220 },
          { title: 'Trích yếu', dataIndex: 'subject' },
          {
            title: 'Loại',
            dataIndex: 'direction',
            width: 120,
            render: (d: DirectiveDirection) => (
              <Tag color={d === 'incoming' ? 'blue' : 'green'}>{DIRECTIVE_DIRECTION_LABELS[d]}</Tag>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: deleted ? 150 : 100,
            render: (_, r) => {
              const lock = lockOn(locks, r.date);
              if (lock) return <LockedActions lock={lock} deleted={deleted} />;
              return deleted ? (
                <Button
                  size="small"
                  icon={<UndoOutlined />}
                  disabled={!writable}
                  onClick={() => void restore(r)}
                >
                  Khôi phục
                </Button>
              ) : (
                <Space size={0}>
                  {/* Keeps the buttons in line with those of locked rows. */}
                  <span className="row-lock-slot" />
                  <Tooltip title="Sửa">
                    <Button
                      type="text"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label="Sửa"
                      disabled={!writable}
                      onClick={() => setForm({ open: true, editing: r })}
                    />
                  </Tooltip>
                  <DeleteButton
                    question="Xóa văn bản này?"
                    onConfirm={() => void remove(r)}
                    disabled={!writable}
                  />
                </Space>
              );
            },
          },
        ]}
      />
      <DirectiveFormModal
        open={form.open}
        editing={form.editing}
        onClose={() => setForm({ open: false, editing: null })}
        onSaved={() => {
          setForm({ open: false, editing: null });
          void load();
        }}
      />
    </div>
  );
}
