// Puts an engine error next to the field it names ("measures.km", "communes[0]"), so the
// user sees what to fix where they typed it. Anything without a field goes to the caller.
import type { FormInstance } from 'antd';
import { ApiError } from '../api';

export type PathPart = string | number;

/** "communes[1].code" → ['communes', 1, 'code']. */
export function parseFieldPath(field: string): PathPart[] {
  const out: PathPart[] = [];
  for (const piece of field.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(piece);
    if (!m) {
      out.push(piece);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/**
 * 'Trường "measures.km" không được là số âm.' → 'Không được là số âm.' The field is
 * already named by where the message is shown.
 */
export function messageForField(message: string): string {
  const rest = message.replace(/^Trường\s+"[^"]*"\s*:?\s*/u, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

/**
 * Shows `err` on the field it names, if `toName` maps that field onto the form.
 * Returns true when it was placed on a field.
 */
export function showOnField(
  form: FormInstance,
  err: unknown,
  toName: (path: PathPart[]) => PathPart[] | null,
): boolean {
  if (!(err instanceof ApiError) || !err.field) return false;
  const name = toName(parseFieldPath(err.field));
  if (!name) return false;
  form.setFields([{ name, errors: [messageForField(err.message)] }]);
  form.scrollToField(name, { block: 'center' });
  return true;
}
