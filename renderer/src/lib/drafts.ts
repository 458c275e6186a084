// Unsaved forms survive a closed window or a crash: each keystroke is kept in
// localStorage under its own key until the form is saved.
const PREFIX = 'tuyentruyen:draft:';

export function loadDraft<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function saveDraft(key: string, value: unknown): void {
  try {
    window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A full or disabled storage only loses the safety net, never the form itself.
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // see saveDraft
  }
}

/** The keys of the drafts kept whose key starts with `start` (without the storage prefix). */
export function draftKeys(start: string): string[] {
  const keys: string[] = [];
  try {
    const storage = window.localStorage;
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX + start)) keys.push(key.slice(PREFIX.length));
    }
  } catch {
    // see saveDraft
  }
  return keys.sort();
}
