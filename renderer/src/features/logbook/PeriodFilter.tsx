// The period of the logbook: all time or any period the shared picker offers.
import type { Cutoff } from '../../../../shared/domain';
import { PeriodPicker } from '../../components/PeriodPicker';

interface Props {
  value: string;
  cutoff: Cutoff;
  onChange: (key: string) => void;
}

export function PeriodFilter(props: Props) {
  return <PeriodPicker {...props} allowAll testId="period" />;
}
