// The province's register of trusted offices (trust:list) and the changes made on the
// "Đơn vị tin cậy" screen. Each change reloads the list; what it released from quarantine
// is returned to the caller to say so.
import { create } from 'zustand';
import type { TrustedOffice, TrustResult } from '../../../shared/inbox';
import { api, errorMessage } from '../api';

interface TrustState {
  offices: TrustedOffice[];
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
  /** Runs a change (add, revoke, restore) and reloads the list. */
  change: <T extends TrustResult | TrustedOffice>(run: () => Promise<T>) => Promise<T>;
}

export const useTrustStore = create<TrustState>((set, get) => ({
  offices: [],
  loaded: false,
  error: null,
  load: async () => {
    try {
      const offices = await api['trust:list']({});
      set({ offices, loaded: true, error: null });
    } catch (err) {
      set({ loaded: true, error: errorMessage(err) });
    }
  },
  change: async (run) => {
    try {
      return await run();
    } finally {
      await get().load();
    }
  },
}));

/** "Đã tiếp nhận 2 gói đang bị cách ly của đơn vị này." or null when none was released. */
export function releasedText(result: TrustResult): string | null {
  const count = result.released.length;
  return count > 0 ? `Đã tiếp nhận ${String(count)} gói đang bị cách ly của đơn vị này.` : null;
}

/** "Đã đăng ký <name> (<code>)." and what it released from quarantine, if anything. */
export function registeredText(result: TrustResult): string {
  const released = releasedText(result);
  return `Đã đăng ký ${result.office.name} (${result.office.code}).${released ? ` ${released}` : ''}`;
}
