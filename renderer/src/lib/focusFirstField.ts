// Putting the cursor in a dialog's first field once antd's Modal has opened (it moves focus
// to itself first). The move waits 150 ms; on a slow or busy laptop it can run much later,
// when the user is already typing in another field: then it must leave the focus alone, or
// the next keys land in the first field (or a Ctrl+Enter meant to save goes nowhere).
import { useEffect, type RefObject } from 'react';

const FIELD = 'input, textarea, select, [contenteditable="true"]';

export function useFocusFirstField(root: RefObject<HTMLElement | null>, selector: string): void {
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const box = root.current;
      if (!box) return;
      const active = document.activeElement;
      if (active instanceof HTMLElement && box.contains(active) && active.matches(FIELD)) return;
      box.querySelector<HTMLElement>(selector)?.focus();
    }, 150);
    return () => window.clearTimeout(timer);
  }, [root, selector]);
}
