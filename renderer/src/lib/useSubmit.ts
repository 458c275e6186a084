// Sending a form or a dialog to the engine: a busy flag for its button, and the refusal in
// Vietnamese (api.ts's errorMessage) for the form's error alert.
import { useState } from 'react';
import { errorMessage } from '../api';

export interface Submit {
  busy: boolean;
  error: string | null;
  setError: (message: string | null) => void;
  /**
   * Runs `work` with `busy` on and the last error cleared. A throw becomes `error`, unless
   * `placed` shows it somewhere better (on a field) and returns true.
   */
  run: (work: () => Promise<void>, placed?: (err: unknown) => boolean) => Promise<void>;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run: Submit['run'] = async (work, placed) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      if (!placed?.(err)) setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
