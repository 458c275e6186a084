// "Hộp thư đi": every delivery of every package, refreshed while the screen is open.
import { create } from 'zustand';
import type { DeliveryRow } from '../../../shared/contract';
import { api, errorMessage } from '../api';

interface OutboxState {
  rows: DeliveryRow[];
  loaded: boolean;
  error: string | null;
  /** Id of the delivery whose action is running. */
  busy: string | null;
  load: () => Promise<void>;
  sendNow: (id: string) => Promise<void>;
  cancel: (id: string) => Promise<void>;
}

const newestFirst = (a: DeliveryRow, b: DeliveryRow) => b.createdAt.localeCompare(a.createdAt);

export const useOutboxStore = create<OutboxState>((set, get) => {
  const act = async (id: string, run: () => Promise<DeliveryRow>) => {
    set({ busy: id, error: null });
    try {
      const row = await run();
      set((s) => ({ rows: s.rows.map((r) => (r.id === row.id ? row : r)) }));
      await get().load();
    } catch (err) {
      set({ error: errorMessage(err) });
    } finally {
      set({ busy: null });
    }
  };
  return {
    rows: [],
    loaded: false,
    error: null,
    busy: null,
    load: async () => {
      try {
        const rows = await api['outbox:list']({});
        set({ rows: [...rows].sort(newestFirst), loaded: true, error: null });
      } catch (err) {
        set({ error: errorMessage(err), loaded: true });
      }
    },
    sendNow: (id) => act(id, () => api['outbox:sendNow']({ id })),
    cancel: (id) => act(id, () => api['outbox:cancel']({ id })),
  };
});
