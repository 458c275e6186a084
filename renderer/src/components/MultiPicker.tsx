// A multi-select that keeps what was chosen. rc-select treats Tab like Enter while its list
// is open: it toggles the highlighted option (removing a commune just picked) and keeps the
// focus in the field. A clerk expects Tab and Shift+Tab to leave, Enter to pick, and
// Backspace on an empty search to remove the last chip only (rc-select's own behaviour).
import { Select, type SelectProps } from 'antd';
import { useRef, type KeyboardEvent } from 'react';

type Value = string | number;

export type MultiPickerProps<V extends Value> = Omit<SelectProps<V[]>, 'mode'> & {
  /** "tags" also takes typed values that are not in the list. */
  mode?: 'multiple' | 'tags';
};

export function MultiPicker<V extends Value>({
  mode = 'multiple',
  onInputKeyDown,
  onActive,
  ...rest
}: MultiPickerProps<V>) {
  const active = useRef<V | undefined>(undefined);

  const onKey = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    onInputKeyDown?.(event);
    if (event.key === 'Tab') {
      // Keep the key from rc-select's list (which would toggle the highlighted option and
      // hold the focus); the browser moves the focus, and the list closes on blur.
      event.stopPropagation();
    } else if (
      event.key === 'Enter' &&
      active.current !== undefined &&
      rest.value?.includes(active.current)
    ) {
      // Enter picks; it never takes away an option already picked (Backspace or × does).
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <Select<V[]>
      {...rest}
      mode={mode}
      onInputKeyDown={onKey}
      onActive={(value: V[]) => {
        // rc-select calls this with the option's own value, typed here as the whole value.
        active.current = value as unknown as V;
        onActive?.(value);
      }}
    />
  );
}
