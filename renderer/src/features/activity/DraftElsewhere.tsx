// The question a new form asks when a draft was typed under another channel: keep it here,
// open it with its own channel, or throw it away. Nothing is moved or dropped unasked.
import { Alert, Button, Space } from 'antd';
import { CHANNEL_LABELS, CHANNEL_MEASURES, type Channel } from '../../../../shared/domain';
import { describeDraft, type WaitingDraft } from './waitingDraft';

/** Whether the draft holds figures `channel`'s form has no field for (they would not be saved). */
function foreignMeasures(other: WaitingDraft, channel: Channel): boolean {
  const own = new Set<string>([
    ...CHANNEL_MEASURES[channel].counts,
    ...CHANNEL_MEASURES[channel].extras,
  ]);
  return Object.entries(other.values?.measures ?? {}).some(
    ([key, v]) =>
      !own.has(key) && v !== null && v !== undefined && v !== '' && v !== 0 && v !== false,
  );
}

interface Props {
  other: WaitingDraft;
  channel: Channel;
  onKeep: () => void;
  onOpenOwn: () => void;
  onDiscard: () => void;
}

export function DraftElsewhere({ other, channel, onKeep, onOpenOwn, onDiscard }: Props) {
  const lost = foreignMeasures(other, channel)
    ? ` Số liệu riêng của “${CHANNEL_LABELS[other.channel]}” không dùng được ở đây; muốn giữ cả số liệu đó, hãy mở với hình thức cũ.`
    : '';
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`Có nội dung đang nhập dở, chưa lưu: ${describeDraft(other)}.`}
      description={`Giữ lại nội dung đó cho hoạt động “${CHANNEL_LABELS[channel]}” này, hay bỏ đi?${lost}`}
      action={
        <Space orientation="vertical" size={4}>
          <Button
            size="small"
            type="primary"
            block
            onClick={onKeep}
            data-testid="activity-keep-draft"
          >
            Giữ lại
          </Button>
          <Button size="small" block onClick={onOpenOwn} data-testid="activity-draft-own-channel">
            Mở với hình thức cũ
          </Button>
          <Button
            size="small"
            danger
            block
            onClick={onDiscard}
            data-testid="activity-discard-other-draft"
          >
            Bỏ bản nháp
          </Button>
        </Space>
      }
      data-testid="activity-draft-waiting"
    />
  );
}
