// antd's date picker, reading dates as people type them (28/7/23, 28072023, 2023-07-28 …,
// see parseTypedDate) besides its calendar. A day it cannot read is refused in words under
// the field and the text stays as typed, never dropped. Enter moves to the next field
// instead of submitting the form, Tab to the next field (never the picker's clear button);
// Esc closes the calendar and keeps what was typed.
import { DatePicker, Typography, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { DATE_FORMATS, parseTypedDate } from '../lib/dates';

export type TypedDatePickerProps = Omit<
  DatePickerProps<Dayjs, false>,
  'format' | 'value' | 'defaultValue' | 'onChange' | 'onOk' | 'multiple' | 'open' | 'onOpenChange'
> & {
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  'data-testid'?: string;
};

const FOCUSABLE = 'input, textarea, select, button, [tabindex]';

/**
 * The field after `from` in its form (or dialog). The picker's own clear button ("Xóa") is
 * passed over: Tab landing there left a clerk on a button that Esc cannot leave without
 * closing the dialog.
 */
function focusNext(from: HTMLElement): void {
  const scope = from.closest('form, .ant-modal-content') ?? document.body;
  const own = from.closest('.ant-picker');
  const fields = Array.from(scope.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.hasAttribute('disabled') &&
      el.getClientRects().length > 0 &&
      !(own && own.contains(el)),
  );
  fields.find((el) => from.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)?.focus();
}

function sameDay(a: Dayjs | null, b: Dayjs | null): boolean {
  return a && b ? a.isSame(b, 'day') : a === b;
}

export function TypedDatePicker({ value, onChange, ...rest }: TypedDatePickerProps) {
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const testId = rest['data-testid'];
  // What the typed text last read as. Leaving the field, the picker re-submits the date it
  // held before the typing (its own parser never read "28/07/23"); that late change must not
  // put the old date back. A click in the field or its calendar ends this.
  const typedRef = useRef<{ day: Dayjs | null } | null>(null);

  const change = (next: Dayjs | null) => {
    if (!sameDay(next, value ?? null)) onChange?.(next);
  };

  /** Reads what is in the box; false when it was refused. */
  const commit = (text: string): boolean => {
    const typed = text.trim();
    if (typed === '') {
      setError(null);
      typedRef.current = { day: null };
      change(null);
      return true;
    }
    const read = parseTypedDate(typed);
    if ('error' in read) {
      setError(read.error);
      // A date that was there before must not be saved in place of the one refused.
      typedRef.current = { day: null };
      change(null);
      return false;
    }
    setError(null);
    const day = dayjs(read.iso, 'YYYY-MM-DD');
    typedRef.current = { day };
    change(day);
    return true;
  };

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    if (event.key === 'Enter') {
      // Not the picker's submit, nor the form's: read the text and move on.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      if (commit(input.value)) focusNext(input);
    } else if (event.key === 'Tab' && !event.shiftKey) {
      // To the next field, whether or not the date was read (the refusal stays in view);
      // not the picker's own Tab, which would confirm its half-read text over ours.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      commit(input.value);
      focusNext(input);
    } else if (event.key === 'Escape' && open) {
      // Not the picker's reset, nor the dialog's close: the calendar only.
      event.stopPropagation();
      setOpen(false);
      commit(input.value);
    }
  };

  const onBlurCapture = (event: FocusEvent<HTMLDivElement>) => {
    if (event.target instanceof HTMLInputElement) commit(event.target.value);
  };

  return (
    <div
      data-date-refused={error ? '' : undefined}
      onKeyDownCapture={onKeyDownCapture}
      onBlurCapture={onBlurCapture}
      onMouseDownCapture={() => {
        typedRef.current = null;
      }}
    >
      <DatePicker
        {...rest}
        value={value ?? null}
        onChange={(next: Dayjs | null) => {
          const typed = typedRef.current;
          if (typed && !sameDay(next, typed.day)) return;
          setError(null);
          change(next);
        }}
        open={open}
        onOpenChange={setOpen}
        format={DATE_FORMATS}
        preserveInvalidOnBlur
        status={error ? 'error' : rest.status}
      />
      {error ? (
        <Typography.Text
          type="danger"
          role="alert"
          style={{ display: 'block' }}
          data-testid={testId ? `${testId}-error` : undefined}
        >
          {error}
        </Typography.Text>
      ) : null}
    </div>
  );
}
