// A SHA-256 certificate fingerprint as people compare it with the enrolment sheet: the 32
// hex pairs in monospace, in eight groups of four, copyable as the one colon-joined string.
import { Typography } from 'antd';
import './fingerprint.css';

/** "AB:CD:…" → ["AB:CD:EF:01", …] (groups of four pairs). */
export function fingerprintGroups(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(':'));
  return groups;
}

interface Props {
  value: string;
  /** Large: the confirm dialogs, where the officer reads it pair by pair. */
  large?: boolean;
  copyable?: boolean;
  testId?: string;
}

export function Fingerprint({ value, large = false, copyable = false, testId }: Props) {
  const groups = (
    <span className={large ? 'fingerprint fingerprint-large' : 'fingerprint'}>
      {fingerprintGroups(value).map((g, i) => (
        <span key={i} className="fingerprint-group">
          {g}
        </span>
      ))}
    </span>
  );
  return (
    <Typography.Text
      data-testid={testId}
      data-fingerprint={value}
      copyable={copyable ? { text: value, tooltips: ['Sao chép', 'Đã sao chép'] } : false}
    >
      {groups}
    </Typography.Text>
  );
}
