// Which activity form is open: a new one (first the channel is picked) or an edit.
import { create } from 'zustand';
import type { ActivityRow } from '../../../shared/contract';
import type { Channel } from '../../../shared/domain';

/** What "Lưu và thêm tiếp" carries into the next form (dates as ISO days). */
export interface CarryOver {
  date: string | null;
  endDate: string | null;
  communes: string[];
}

interface ActivityFormState {
  open: boolean;
  /** The row being edited; null for a new activity. */
  editing: ActivityRow | null;
  /** For a new activity: null while the channel is being picked. */
  channel: Channel | null;
  /** Values a new form starts with (after "Lưu và thêm tiếp"). */
  carry: CarryOver | null;
  /** Counts the forms opened, so that the next one starts afresh. */
  serial: number;
  openNew: (channel?: Channel, carry?: CarryOver) => void;
  openEdit: (row: ActivityRow) => void;
  pickChannel: (channel: Channel | null) => void;
  close: () => void;
}

export const useActivityFormStore = create<ActivityFormState>((set) => ({
  open: false,
  editing: null,
  channel: null,
  carry: null,
  serial: 0,
  openNew: (channel, carry) =>
    set((s) => ({
      open: true,
      editing: null,
      channel: channel ?? null,
      carry: carry ?? null,
      serial: s.serial + 1,
    })),
  openEdit: (row) =>
    set((s) => ({
      open: true,
      editing: row,
      channel: row.channel,
      carry: null,
      serial: s.serial + 1,
    })),
  pickChannel: (channel) => set({ channel }),
  close: () => set({ open: false }),
}));
