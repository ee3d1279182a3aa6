/**
 * Chinese working days (工作日): Monday–Friday that are not statutory holidays (法定节假日),
 * plus the weekend days the State Council's annual notice makes working days (调休上班).
 * A year without a table is counted Monday–Friday; `hasData` tells callers to warn.
 *
 * Counting is O(1): a prefix sum over the covered years holds, for each day, how many
 * working days it differs from plain Monday–Friday counting; outside those years the
 * Monday–Friday count has a closed form.
 */
import { parseIsoDate, toDayNumber, type IsoDate, fromDayNumber } from './date';
import { PINNED_HOLIDAY_TABLES } from './holiday-data';

/** One year's 节假日安排: rest days (休) and weekend working days (班), with the notice it comes from. */
export interface HolidayTable {
  year: number;
  holidays: IsoDate[];
  makeupWorkdays: IsoDate[];
  source: string;
}

export interface WorkdayCalendar {
  isWorkday(date: IsoDate): boolean;
  /** False when the year has no holiday table: it is counted Monday–Friday and callers warn. */
  hasData(year: number): boolean;
  /** Working days from `start` to `end`, both inclusive; 0 when `end` is before `start`. */
  countWorkdays(start: IsoDate, end: IsoDate): number;
  /** The n-th working day counted from `start` (n ≥ 1; `start` counts as 1 if it is a working day). */
  nthWorkday(start: IsoDate, n: number): IsoDate;
}

/** Day number of 1970-01-05, a Monday. */
const MONDAY_ANCHOR = 4;

/** Signed count of Monday–Friday days with day number in [MONDAY_ANCHOR, n). */
function mondayToFridayBefore(n: number): number {
  const offset = n - MONDAY_ANCHOR;
  const weeks = Math.floor(offset / 7);
  const rest = offset - weeks * 7;
  return weeks * 5 + Math.min(rest, 5);
}

function isMondayToFriday(dayNumber: number): boolean {
  const w = (((dayNumber - MONDAY_ANCHOR) % 7) + 7) % 7;
  return w < 5;
}

function dayNumberOfYearStart(year: number): number {
  return toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
}

/**
 * Checks that a table only lists real dates of its own year and no date as both 休 and 班.
 * Throws a RangeError with a Chinese message otherwise.
 */
export function validateHolidayTable(table: HolidayTable): void {
  if (!Number.isInteger(table.year) || table.year < 1 || table.year > 9999) {
    throw new RangeError(`节假日表年份无效：${String(table.year)}`);
  }
  const seen = new Set<string>();
  for (const [field, dates] of [
    ['holidays', table.holidays],
    ['makeupWorkdays', table.makeupWorkdays],
  ] as const) {
    dates.forEach((date, i) => {
      if (parseIsoDate(date) === null) {
        throw new RangeError(`${table.year}年节假日表 ${field}[${i}] 不是有效日期：${date}`);
      }
      if (Number(date.slice(0, 4)) !== table.year) {
        throw new RangeError(`${table.year}年节假日表 ${field}[${i}] 不属于该年：${date}`);
      }
      if (field === 'makeupWorkdays' && seen.has(date)) {
        throw new RangeError(`${table.year}年节假日表 ${date} 同时列为放假日和调休上班日`);
      }
      seen.add(date);
    });
  }
}

/**
 * A working-day calendar from the pinned tables (2004–2026), each year replaced by the
 * matching entry of `extraTables` when one is given.
 * @example createWorkdayCalendar().nthWorkday('2026-09-28', 5) // '2026-10-09'
 */
export function createWorkdayCalendar(extraTables: readonly HolidayTable[] = []): WorkdayCalendar {
  const byYear = new Map<number, HolidayTable>();
  for (const table of [...PINNED_HOLIDAY_TABLES, ...extraTables]) {
    validateHolidayTable(table);
    byYear.set(table.year, table);
  }

  const years = [...byYear.keys()];
  const firstYear = years.length > 0 ? Math.min(...years) : 1970;
  const lastYear = years.length > 0 ? Math.max(...years) : 1969;
  const rangeStart = dayNumberOfYearStart(firstYear);
  const rangeEnd = dayNumberOfYearStart(lastYear + 1); // exclusive
  const size = Math.max(0, rangeEnd - rangeStart);

  // flags[i] = 1 when rangeStart + i is a working day.
  const flags = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    flags[i] = isMondayToFriday(rangeStart + i) ? 1 : 0;
  }
  for (const table of byYear.values()) {
    for (const date of table.holidays) {
      flags[toDayNumber(date) - rangeStart] = 0;
    }
    for (const date of table.makeupWorkdays) {
      flags[toDayNumber(date) - rangeStart] = 1;
    }
  }
  // adjust[i] = Σ over days in [rangeStart, rangeStart + i) of (working day − Monday–Friday).
  const adjust = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) {
    adjust[i + 1] = (adjust[i] ?? 0) + (flags[i] ?? 0) - (isMondayToFriday(rangeStart + i) ? 1 : 0);
  }
  const totalAdjust = adjust[size] ?? 0;

  /** Working days with day number < n, relative to a fixed origin. */
  const workdaysBefore = (n: number): number => {
    let a: number;
    if (n <= rangeStart) {
      a = 0;
    } else if (n >= rangeEnd) {
      a = totalAdjust;
    } else {
      a = adjust[n - rangeStart] ?? 0;
    }
    return mondayToFridayBefore(n) + a;
  };

  const isWorkdayNumber = (n: number): boolean =>
    n >= rangeStart && n < rangeEnd ? flags[n - rangeStart] === 1 : isMondayToFriday(n);

  return {
    isWorkday: (date) => isWorkdayNumber(toDayNumber(date)),
    hasData: (year) => byYear.has(year),
    countWorkdays: (start, end) => {
      const s = toDayNumber(start);
      const e = toDayNumber(end);
      return e < s ? 0 : workdaysBefore(e + 1) - workdaysBefore(s);
    },
    nthWorkday: (start, n) => {
      if (!Number.isInteger(n) || n < 1) {
        throw new RangeError(`nthWorkday 的 n 必须是正整数：${String(n)}`);
      }
      let day = toDayNumber(start);
      let count = 0;
      for (;;) {
        if (isWorkdayNumber(day)) {
          count += 1;
          if (count === n) {
            return fromDayNumber(day);
          }
        }
        day += 1;
      }
    },
  };
}

/** Year of an `IsoDate`, for `hasData` checks. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
