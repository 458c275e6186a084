// Turns schema issues into one plain sentence per language that names the field.
// zod's own messages are English and generic; users read Vietnamese.

import type { z } from 'zod';
import type { Msg } from './errors';
import { codePointName } from './text';

type Issue = z.core.$ZodIssue;

/** "measures.km", "communes[2]"; empty for the record itself. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'đối tượng',
};

/** Rules raised by our own refinements, keyed by `params.rule`. */
const RULES: Record<string, Msg> = {
  endBeforeStart: {
    vi: 'ngày kết thúc trước ngày bắt đầu',
    en: 'the end date is before the start date',
  },
  isoDate: {
    vi: 'phải là một ngày có thật, dạng YYYY-MM-DD',
    en: 'must be a real date written YYYY-MM-DD',
  },
  duplicateCode: { vi: 'mã bị trùng', en: 'duplicate code' },
  duplicateName: { vi: 'tên bị trùng', en: 'duplicate name' },
  duplicate: { vi: 'giá trị bị trùng', en: 'duplicate value' },
  absorbedCurrent: {
    vi: 'địa bàn đã sáp nhập không thể đồng thời là một địa bàn hiện có trong danh sách',
    en: 'a merged area cannot also be a current area of the list',
  },
  absorbedTwice: {
    vi: 'địa bàn này đã được sáp nhập vào một địa bàn khác trong danh sách',
    en: 'this area is already merged into another area of the list',
  },
  officeCode: {
    vi: 'chỉ dùng chữ không dấu, số, dấu gạch ngang, gạch dưới hoặc dấu chấm',
    en: 'use only ASCII letters, digits, "-", "_" or "."',
  },
};

function what(issue: Issue): Msg {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { vi: 'bắt buộc phải có', en: 'is required' };
      const t = TYPE_VI[issue.expected] ?? issue.expected;
      return {
        vi: `phải là ${t}`,
        en: `must be ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`,
      };
    }
    case 'too_small':
      if (issue.origin === 'string') return { vi: 'không được để trống', en: 'must not be empty' };
      if (issue.origin === 'array')
        return {
          vi: `cần ít nhất ${String(issue.minimum)} mục`,
          en: `needs at least ${String(issue.minimum)} item(s)`,
        };
      return Number(issue.minimum) === 0
        ? { vi: 'không được là số âm', en: 'must not be negative' }
        : {
            vi: `phải từ ${String(issue.minimum)} trở lên`,
            en: `must be at least ${String(issue.minimum)}`,
          };
    case 'too_big':
      if (issue.origin === 'string')
        return {
          vi: `dài quá ${String(issue.maximum)} ký tự`,
          en: `is longer than ${String(issue.maximum)} characters`,
        };
      if (issue.origin === 'array')
        return {
          vi: `nhiều quá ${String(issue.maximum)} mục`,
          en: `has more than ${String(issue.maximum)} items`,
        };
      return {
        vi: `không được lớn hơn ${String(issue.maximum)}`,
        en: `must be at most ${String(issue.maximum)}`,
      };
    case 'invalid_format':
      return { vi: 'không đúng định dạng', en: 'has the wrong format' };
    case 'unrecognized_keys': {
      const more = issue.keys.slice(1).map((k) => `"${k}"`);
      const tail = more.length > 0 ? ` (cùng ${more.join(', ')})` : '';
      const tailEn = more.length > 0 ? ` (and ${more.join(', ')})` : '';
      return {
        vi: `không có trong định dạng, không được phép${tail}`,
        en: `is not part of the format${tailEn}`,
      };
    }
    case 'invalid_union':
    case 'invalid_value': {
      const options = (
        'values' in issue ? issue.values : 'options' in issue ? (issue.options ?? []) : []
      ).map(String);
      return options.length > 0
        ? {
            vi: `phải là một trong: ${options.join(', ')}`,
            en: `must be one of: ${options.join(', ')}`,
          }
        : { vi: 'không hợp lệ', en: 'is not valid' };
    }
    case 'custom': {
      const params = issue.params as { rule?: string; codePoint?: number } | undefined;
      const rule = params?.rule;
      if (rule === 'xmlChar') {
        // Named by code point: such a character is usually invisible on screen.
        const ch = params?.codePoint === undefined ? '' : ` (${codePointName(params.codePoint)})`;
        return {
          vi: `chứa ký tự không hợp lệ${ch} không thể lưu vào tệp Word; hãy xóa ký tự đó`,
          en: `holds a character${ch} that cannot be written into a Word file; delete it`,
        };
      }
      return (rule && RULES[rule]) || { vi: issue.message, en: issue.message };
    }
    default:
      return { vi: 'không hợp lệ', en: 'is not valid' };
  }
}

export interface DescribedIssue {
  field: string;
  msg: Msg;
}

/** The first issue of a failed parse, as a field and a sentence fragment. */
export function describeIssue(issue: Issue): DescribedIssue {
  let path = issue.path;
  if (
    issue.code === 'invalid_union' &&
    issue.discriminator &&
    path[path.length - 1] !== issue.discriminator
  ) {
    path = [...path, issue.discriminator];
  }
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path = [...path, issue.keys[0]!];
  const field = fieldPath(path);
  const m = what(issue);
  if (field === '') return { field, msg: { vi: `Dữ liệu ${m.vi}`, en: `The data ${m.en}` } };
  return { field, msg: { vi: `Trường "${field}" ${m.vi}`, en: `Field "${field}" ${m.en}` } };
}
