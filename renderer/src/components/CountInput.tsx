// A whole-number input written the Vietnamese way (3.250). Out-of-range values are not
// silently changed: the form's rules say what is wrong and the typed text stays.
import { InputNumber, type InputNumberProps } from 'antd';
import { formatNumber } from '../../../shared/format';

function parse(text: string | undefined): number | string {
  const t = (text ?? '').replace(/\s/g, '').replace(/\./g, '').replace(',', '.');
  if (t === '' || t === '-') return '';
  const n = Number(t);
  return Number.isFinite(n) ? n : '';
}

export function CountInput(props: Omit<InputNumberProps<number>, 'formatter' | 'parser'>) {
  return (
    <InputNumber<number>
      style={{ width: '100%' }}
      inputMode="numeric"
      {...props}
      formatter={(value, info) => {
        if (info.userTyping) return info.input;
        if (value === undefined || value === null || String(value) === '') return '';
        const n = Number(value);
        return Number.isFinite(n) ? formatNumber(n, Number.isInteger(n) ? 0 : 2) : String(value);
      }}
      parser={(text) => parse(text) as number}
    />
  );
}

function countProblem(label: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return `${label} phải là một số.`;
  if (n < 0) return `${label} không được là số âm.`;
  // Whole numbers are what the exchange format carries (INTERCHANGE.md): say how to round.
  if (!Number.isInteger(n))
    return `${label} ghi bằng số nguyên: hãy làm tròn ${formatNumber(n, 2)} thành ${formatNumber(Math.round(n))}.`;
  return null;
}

/** Form rules for a required or optional non-negative whole number. */
export function countRules(label: string, required: boolean) {
  return [
    ...(required
      ? [{ required: true, message: `Hãy nhập ${label.toLocaleLowerCase('vi')} (0 nếu không có).` }]
      : []),
    {
      validator: (_: unknown, value: unknown) => {
        const problem = countProblem(label, value);
        return problem === null ? Promise.resolve() : Promise.reject(new Error(problem));
      },
    },
  ];
}
