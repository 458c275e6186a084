// "Lịch sử": every change to one activity, newest first, with what changed.
import { useEffect, useState } from 'react';
import { Alert, Drawer, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import type { ActivityRow, AuditEntry } from '../../../../shared/contract';
import { api } from '../../api';
import { formatInstant } from '../../lib/dates';
import { followRequest } from '../../lib/followRequest';
import { useAreaWords } from '../../stores/app';
import { ACTION_COLORS, ACTION_LABELS, changesOf, sourceLabel } from './auditText';

function EntryBody({ entry }: { entry: AuditEntry }) {
  const words = useAreaWords();
  const changes =
    entry.action === 'create' || entry.action === 'update'
      ? changesOf(entry.before, entry.after, words)
      : [];
  return (
    <div data-testid="audit-entry">
      <div>
        <Tag color={ACTION_COLORS[entry.action]}>{ACTION_LABELS[entry.action]}</Tag>
        <Typography.Text strong>{formatInstant(entry.at)}</Typography.Text>{' '}
        <Typography.Text type="secondary">qua {sourceLabel(entry.source)}</Typography.Text>
      </div>
      {changes.length > 0 ? (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
          {changes.map((c) => (
            <li key={c.key} className="audit-change">
              <strong>{c.label}</strong>:{' '}
              {c.summary !== undefined ? (
                <span data-testid="audit-photos">{c.summary}</span>
              ) : entry.action === 'create' ? (
                <ins>{c.after}</ins>
              ) : (
                <>
                  <del>{c.before}</del> → <ins>{c.after}</ins>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : entry.action === 'update' ? (
        <Typography.Text type="secondary">Không có trường nào thay đổi.</Typography.Text>
      ) : null}
    </div>
  );
}

export function AuditDrawer({ row, onClose }: { row: ActivityRow | null; onClose: () => void }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!row) return undefined;
    setEntries(null);
    setError(null);
    return followRequest(api['activities:audit']({ id: row.id }), {
      data: (list) => setEntries([...list].sort((a, b) => b.id - a.id)),
      error: setError,
    });
  }, [row]);

  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      title={row ? `Lịch sử: ${row.title}` : 'Lịch sử'}
      size={520}
      data-testid="audit-drawer"
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!error && entries === null ? <Spin /> : null}
      {entries && entries.length === 0 ? (
        <Empty description="Chưa có thay đổi nào được ghi lại." />
      ) : null}
      {entries && entries.length > 0 ? (
        <Timeline
          items={entries.map((e) => ({
            key: e.id,
            color: ACTION_COLORS[e.action],
            content: <EntryBody entry={e} />,
          }))}
        />
      ) : null}
    </Drawer>
  );
}
