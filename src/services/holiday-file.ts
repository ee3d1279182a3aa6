/**
 * Loads extra 节假日安排 tables from a JSON file (an array of HolidayTable), so a year the
 * pinned data does not cover (2027 onwards) can be added without a release.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseIsoDate } from '../domain/calendar/date';
import type { HolidayTable } from '../domain/calendar/workdays';

export type HolidayFileErrorCode =
  'ERR_HOLIDAY_FILE_READ' | 'ERR_HOLIDAY_FILE_JSON' | 'ERR_HOLIDAY_FILE_INVALID';

/** A holiday file that cannot be used; `message` is Chinese and names the entry, field and value. */
export class HolidayFileError extends Error {
  constructor(
    readonly code: HolidayFileErrorCode,
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'HolidayFileError';
  }
}

const isoDateSchema = z
  .string({ error: '应为 YYYY-MM-DD 日期字符串' })
  .refine((s) => parseIsoDate(s) !== null, {
    error: '不是有效日期',
  });

const holidayTableSchema = z
  .object({
    year: z
      .number({ error: '应为年份数字' })
      .int({ error: '应为整数年份' })
      .min(2000, { error: '年份应在 2000–2100 之间' })
      .max(2100, { error: '年份应在 2000–2100 之间' }),
    holidays: z.array(isoDateSchema, { error: '应为日期数组' }),
    makeupWorkdays: z.array(isoDateSchema, { error: '应为日期数组' }),
    source: z
      .string({ error: '应为文字（发布该安排的通知名称）' })
      .trim()
      .min(1, { error: '不能为空：请写明通知名称和文号' }),
  })
  .superRefine((table, ctx) => {
    const holidaySet = new Set<string>();
    for (const field of ['holidays', 'makeupWorkdays'] as const) {
      table[field].forEach((date, i) => {
        if (parseIsoDate(date) !== null && Number(date.slice(0, 4)) !== table.year) {
          ctx.addIssue({ code: 'custom', path: [field, i], message: `不属于 ${table.year} 年` });
        }
        if (field === 'holidays') {
          holidaySet.add(date);
        } else if (holidaySet.has(date)) {
          ctx.addIssue({ code: 'custom', path: [field, i], message: '同时列为放假日' });
        }
      });
    }
  });

const holidayFileSchema = z
  .array(holidayTableSchema, { error: '文件内容应为节假日表数组' })
  .superRefine((tables, ctx) => {
    const seen = new Map<number, number>();
    tables.forEach((table, i) => {
      const first = seen.get(table.year);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'year'],
          message: `与第${first + 1}项年份重复`,
        });
      } else {
        seen.set(table.year, i);
      }
    });
  });

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') {
      return undefined;
    }
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value === undefined) {
    return '（缺失）';
  }
  return JSON.stringify(value);
}

/** `[1, 'holidays', 3]` → `第2项 holidays[3]`. */
function formatPath(path: readonly PropertyKey[]): string {
  const [entry, ...rest] = path;
  if (typeof entry !== 'number') {
    return '文件';
  }
  let field = '';
  for (const key of rest) {
    field += typeof key === 'number' ? `[${key}]` : `${field === '' ? '' : '.'}${String(key)}`;
  }
  return field === '' ? `第${entry + 1}项` : `第${entry + 1}项 ${field}`;
}

/** Validates parsed JSON; returns the tables or the list of Chinese problems. */
export function parseHolidayTables(
  input: unknown,
): { ok: true; tables: HolidayTable[] } | { ok: false; problems: string[] } {
  const result = holidayFileSchema.safeParse(input);
  if (result.success) {
    return { ok: true, tables: result.data };
  }
  const problems = result.error.issues.map((issue) => {
    const where = formatPath(issue.path);
    if (issue.path.length === 0) {
      return issue.message;
    }
    const value = valueAt(input, issue.path);
    // A wrong type shows the JSON spelling, so "2027" (text) is told apart from 2027.
    const shown =
      issue.code === 'invalid_type' ? (JSON.stringify(value) ?? '（缺失）') : formatValue(value);
    return `${where} ${issue.message}：${shown}`;
  });
  return { ok: false, problems };
}

/**
 * Reads a JSON file holding an array of HolidayTable, e.g. the 2027 节假日安排.
 * Throws HolidayFileError (Chinese message naming entry, field and value) when it is unusable.
 */
export async function loadHolidayFile(path: string): Promise<HolidayTable[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HolidayFileError('ERR_HOLIDAY_FILE_READ', `无法读取节假日文件 ${path}：${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HolidayFileError(
      'ERR_HOLIDAY_FILE_JSON',
      `节假日文件 ${path} 不是有效的 JSON：${reason}`,
    );
  }
  const parsed = parseHolidayTables(json);
  if (!parsed.ok) {
    throw new HolidayFileError(
      'ERR_HOLIDAY_FILE_INVALID',
      `节假日文件 ${path} 有误：${parsed.problems.join('；')}`,
      parsed.problems,
    );
  }
  return parsed.tables;
}
