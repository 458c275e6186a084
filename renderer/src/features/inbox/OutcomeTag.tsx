// What became of one package file, as a coloured tag in Vietnamese; its file name.
import { Tag } from 'antd';
import type { ImportOutcome } from '../../../../shared/inbox';

export const OUTCOMES: Record<ImportOutcome, { label: string; color: string }> = {
  accepted: { label: 'Đã tiếp nhận', color: 'green' },
  corrected: { label: 'Đã thay bản cũ', color: 'blue' },
  duplicate: { label: 'Đã nhận trước đó', color: 'default' },
  quarantined: { label: 'Cách ly', color: 'orange' },
  refused: { label: 'Từ chối', color: 'red' },
};

/** A package file name that breaks after its underscores rather than mid-word. */
export function FileName({ name }: { name: string }) {
  const parts = name.split('_');
  return (
    <span className="mono inbox-file">
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 ? (
            <>
              _<wbr />
            </>
          ) : null}
        </span>
      ))}
    </span>
  );
}

export function OutcomeTag({ outcome }: { outcome: ImportOutcome }) {
  const o = OUTCOMES[outcome];
  return (
    <Tag color={o.color} style={{ marginInlineEnd: 0 }} data-outcome={outcome}>
      {o.label}
    </Tag>
  );
}
