import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  diffDays,
  fromDayNumber,
  monthsBetween,
  parseIsoDate,
  toDayNumber,
  weekday,
} from './date';

describe('parseIsoDate', () => {
  it('accepts real dates and leap days', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2000-02-29')).toBe('2000-02-29');
  });

  it('rejects impossible or malformed dates', () => {
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '20240101',
      '2024/01/01',
      '',
      20240101,
    ]) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});

describe('day numbers', () => {
  it('round-trips across centuries', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    for (let n = -700_000; n < 100_000; n += 997) {
      expect(toDayNumber(fromDayNumber(n))).toBe(n);
    }
  });

  it('knows weekdays', () => {
    expect(weekday('2026-11-27')).toBe(5);
    expect(weekday('2026-01-04')).toBe(0);
  });
});

describe('addMonths', () => {
  it('clamps to month end', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-03-10', 12)).toBe('2024-03-10');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
});

describe('arithmetic', () => {
  it('adds and subtracts days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(diffDays('2026-01-01', '2026-12-31')).toBe(364);
  });

  it('counts 周岁 with the birthday completing the year', () => {
    expect(ageOn('2008-06-10', '2026-06-09')).toBe(17);
    expect(ageOn('2008-06-10', '2026-06-10')).toBe(18);
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(18);
  });

  it('counts whole months', () => {
    expect(monthsBetween('2025-03-15', '2026-03-14')).toBe(11);
    expect(monthsBetween('2025-03-15', '2026-03-15')).toBe(12);
    expect(monthsBetween('2023-01-31', '2023-02-28')).toBe(1);
  });
});
