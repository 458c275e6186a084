// A request started by an effect, whose answer only counts while the effect is current:
// once the effect is cleaned up (another period or query, the screen left) the answer and
// any error are dropped, so a slow old answer never replaces a newer one.
import { errorMessage } from '../api';

interface Handlers<T> {
  data: (value: T) => void;
  error: (message: string) => void;
  /** After either, e.g. to stop a spinner. */
  settled?: () => void;
}

/** Returns the effect's cleanup. */
export function followRequest<T>(request: Promise<T>, on: Handlers<T>): () => void {
  let live = true;
  request
    .then((value) => {
      if (live) on.data(value);
    })
    .catch((err: unknown) => {
      if (live) on.error(errorMessage(err));
    })
    .finally(() => {
      if (live) on.settled?.();
    });
  return () => {
    live = false;
  };
}
