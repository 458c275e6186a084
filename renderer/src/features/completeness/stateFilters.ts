// The inbox states as the filter over a list of offices (the completeness screen's chosen
// period, the merged table by office), and their order when the list is sorted by state.
import type { CompletenessState, InboxState } from '../../../../shared/inbox';
import type { StateFilter } from '../../components/OfficeListToolbar';

/** Shorter than the cells' labels: all of them, and "Trễ hạn", share one line. */
const CHOICES: { value: InboxState; label: string; color: string }[] = [
  { value: 'received', label: 'Đã nhận', color: 'green' },
  { value: 'corrected', label: 'Đã sửa', color: 'blue' },
  { value: 'missing', label: 'Chưa nộp', color: '#bfbfbf' },
  { value: 'quarantined', label: 'Cách ly', color: 'orange' },
];

/** Attention first: nothing came, held in quarantine, a replacement counted, received. */
const ATTENTION: CompletenessState[] = [
  'missing',
  'quarantined',
  'corrected',
  'received',
  'notFollowed',
];

type StateOf<T> = (row: T) => CompletenessState | undefined;

/** One choice per state, and "Trễ hạn" (across states) when `late` is given. */
export function inboxStateFilters<T>(stateOf: StateOf<T>, late?: (row: T) => boolean) {
  const filters: StateFilter<T>[] = CHOICES.map((c) => ({
    ...c,
    match: (row: T) => stateOf(row) === c.value,
  }));
  if (late) filters.push({ value: 'late', label: 'Trễ hạn', color: 'red', match: late });
  return filters;
}

/** Sort rank: the state's place in ATTENTION, the late ones before the others of a state. */
export function inboxStateRank<T>(stateOf: StateOf<T>, late?: (row: T) => boolean) {
  return (row: T) => ATTENTION.indexOf(stateOf(row) ?? 'missing') * 2 + (late?.(row) ? 0 : 1);
}
