// Select boxes search the way the logbook does: "hop thanh" finds "Xã Hợp Thành".
import { matchesSearch } from '../../../shared/text';

export const foldSearch = {
  filterOption: (input: string, option?: { label?: unknown; searchText?: string }) =>
    matchesSearch(
      option?.searchText ?? (typeof option?.label === 'string' ? option.label : ''),
      input,
    ),
};
