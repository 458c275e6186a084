// Step one of a new activity: which channel. The four the office runs itself come first;
// digits 1–9 and 0 pick a channel from the keyboard; the channel used last has the focus,
// so Enter picks it again. A new activity typed but not saved is announced here, whichever
// channel it was typed in: picking any channel offers to keep it.
import { Alert, Button, Divider, Typography } from 'antd';
import {
  CarOutlined,
  FlagOutlined,
  VideoCameraOutlined,
  SoundOutlined,
  FileTextOutlined,
  TeamOutlined,
  GlobalOutlined,
  ReadOutlined,
  MessageOutlined,
  ClusterOutlined,
} from '@ant-design/icons';
import {
  CHANNEL_LABELS,
  CHANNEL_ORDER,
  CORE_CHANNELS,
  type Channel,
} from '../../../../shared/domain';
import { describeDraft, type WaitingDraft } from './waitingDraft';

const ICONS: Record<Channel, React.ReactNode> = {
  van: <CarOutlined />,
  banner: <FlagOutlined />,
  cinema: <VideoCameraOutlined />,
  radio: <SoundOutlined />,
  leaflet: <FileTextOutlined />,
  meeting: <TeamOutlined />,
  online: <GlobalOutlined />,
  press: <ReadOutlined />,
  sms: <MessageOutlined />,
  model: <ClusterOutlined />,
};

function hotkey(index: number): string {
  return index === 9 ? '0' : String(index + 1);
}

interface Props {
  onPick: (channel: Channel) => void;
  /** The channel of the last activity saved (focused, marked "lần trước"). */
  last?: Channel | null;
  /** New activities typed but not saved, by channel. */
  drafts?: WaitingDraft[];
}

export function ChannelPicker({ onPick, last = null, drafts = [] }: Props) {
  const drafted = new Set(drafts.map((d) => d.channel));
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const i = CHANNEL_ORDER.findIndex((_, idx) => hotkey(idx) === e.key);
    const channel = CHANNEL_ORDER[i];
    if (channel) {
      e.preventDefault();
      onPick(channel);
    }
  };

  const button = (channel: Channel, index: number) => (
    <Button
      key={channel}
      icon={ICONS[channel]}
      className={CORE_CHANNELS.includes(channel) ? 'core' : undefined}
      autoFocus={last ? channel === last : index === 0}
      onClick={() => onPick(channel)}
      data-testid={`channel-${channel}`}
    >
      <span className="channel-key">{hotkey(index)}</span>
      {CHANNEL_LABELS[channel]}
      {drafted.has(channel) ? (
        <span className="channel-last" style={{ color: '#d46b08' }}>
          bản nháp
        </span>
      ) : channel === last ? (
        <span className="channel-last">lần trước</span>
      ) : null}
    </Button>
  );

  return (
    <div onKeyDown={onKeyDown} data-testid="channel-picker">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        Chọn hình thức tuyên truyền (bấm chuột hoặc gõ số tương ứng).
      </Typography.Paragraph>
      {drafts.map((d) => (
        <Alert
          key={d.channel}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`Có nội dung đang nhập dở, chưa lưu: ${describeDraft(d)}.`}
          description="Chọn hình thức nào thì biểu mẫu cũng hỏi có giữ lại nội dung này không."
          action={
            <Button size="small" onClick={() => onPick(d.channel)} data-testid="channel-open-draft">
              Mở bản nháp
            </Button>
          }
          data-testid="channel-draft-waiting"
        />
      ))}
      <div className="channel-grid">
        {CHANNEL_ORDER.slice(0, CORE_CHANNELS.length).map((c, i) => button(c, i))}
      </div>
      <Divider plain style={{ margin: '14px 0 10px' }}>
        Hình thức khác
      </Divider>
      <div className="channel-grid">
        {CHANNEL_ORDER.slice(CORE_CHANNELS.length).map((c, i) =>
          button(c, i + CORE_CHANNELS.length),
        )}
      </div>
    </div>
  );
}
