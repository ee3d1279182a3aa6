/**
 * Calendar dates as plain `YYYY-MM-DD` strings: no time zones, no `Date` objects.
 * Day numbers (days since 1970-01-01) make arithmetic cheap and exact.
 * Month arithmetic clamps to month end (《中华人民共和国民法典》第二百零二条).
 */

/** A calendar date written `YYYY-MM-DD`. Lexicographic order is date order. */
export type IsoDate = string;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Year, month (1–12) and day of an `IsoDate` already known to be valid. */
export function splitDate(date: IsoDate): [number, number, number] {
  return [digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)];
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      return -1;
    }
    n = n * 10 + c;
  }
  return n;
}

/**
 * Returns the date when `s` is a real calendar date written `YYYY-MM-DD`, else null.
 * @example parseIsoDate('2024-02-29') // '2024-02-29'; parseIsoDate('2024-02-30') // null
 */
export function parseIsoDate(s: unknown): IsoDate | null {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') {
    return null;
  }
  const [y, m, d] = splitDate(s);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return null;
  }
  return s;
}

export function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const [y0, m, d] = splitDate(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `toDayNumber`. */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return formatDate(y, m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds calendar months, clamping to the last day of the target month.
 * @example addMonths('2023-01-31', 1) // '2023-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = splitDate(date);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return formatDate(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/**
 * 周岁 on `on`: the birthday itself completes the year. A 29 February birthday
 * completes the year on 28 February of a common year (month-end clamping).
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = splitDate(birthDate);
  const [y, m, d] = splitDate(on);
  let age = y - by;
  const birthdayThisYear = Math.min(bd, daysInMonth(y, bm));
  if (m < bm || (m === bm && d < birthdayThisYear)) {
    age -= 1;
  }
  return age;
}

/** Whole calendar months from `from` to `to`, counting a month only when its day is reached (clamped). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm] = splitDate(from);
  const [ty, tm] = splitDate(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) {
    months -= 1;
  }
  return months;
}
