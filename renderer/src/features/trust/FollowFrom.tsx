// "Theo dõi từ": the period from which an office must report. Left automatic, the desk
// follows an office from its first package's period or the first report due after it was
// registered, so that one enrolled today is not "Chưa nộp" for every quarter before; the officer sets an earlier
// quarter when the office owed reports from then (or a later one, when it started later).
import { App, Select } from 'antd';
import type { TrustedOffice } from '../../../../shared/inbox';
import { localToday } from '../../../../shared/format';
import { parsePeriod } from '../../../../shared/period';
import { api, errorMessage } from '../../api';
import { useAppStore, useWritable } from '../../stores/app';
import { useTrustStore } from '../../stores/trust';

const AUTOMATIC = '';
const ROMAN = ['I', 'II', 'III', 'IV'];

/** The quarters of this year and the five before, latest first, with their first days. */
function quarterChoices(cutoff: 'decree09' | 'calendar') {
  const year = Number(localToday().slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => year - i).flatMap((y) =>
    [4, 3, 2, 1].map((q) => ({
      value: `${String(y)}-Q${String(q)}`,
      label: `Quý ${ROMAN[q - 1]!}/${String(y)}`,
      from: parsePeriod(`${String(y)}-Q${String(q)}`, cutoff).from,
    })),
  );
}

export function FollowFrom({ office }: { office: TrustedOffice }) {
  const { message } = App.useApp();
  const writable = useWritable();
  const cutoff = useAppStore((s) => s.profile?.office.cutoff) ?? 'decree09';
  const change = useTrustStore((s) => s.change);
  const choices = quarterChoices(cutoff);
  const current =
    office.followFrom === null
      ? AUTOMATIC
      : (choices.find((c) => c.from === office.followFrom)?.value ?? office.followFrom);
  const set = async (period: string) => {
    try {
      await change(() =>
        api['trust:followFrom']({
          code: office.code,
          period: period === AUTOMATIC ? null : period,
        }),
      );
      void message.success(
        period === AUTOMATIC
          ? `${office.name}: theo dõi từ gói đầu tiên hoặc ngày đăng ký.`
          : `${office.name}: phải báo cáo từ ${choices.find((c) => c.value === period)?.label ?? period}.`,
      );
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <label className="trust-follow">
      <span>Theo dõi từ</span>
      <Select
        size="small"
        value={current}
        disabled={!writable}
        onChange={(v) => void set(v)}
        style={{ width: 190 }}
        options={[
          {
            value: AUTOMATIC,
            label: 'Tự động',
            title: 'Từ kỳ của gói đầu tiên, hoặc kỳ có hạn nộp sau ngày đăng ký',
          },
          ...choices.map(({ value, label }) => ({ value, label })),
        ]}
        data-testid={`trust-follow-${office.code}`}
      />
    </label>
  );
}
