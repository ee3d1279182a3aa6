import { describe, expect, it } from 'vitest';
import { addDays, diffDays, toDayNumber, weekday } from './date';
import { createWorkdayCalendar, validateHolidayTable, type HolidayTable } from './workdays';

/** Expands reference.md §10 notation: '01-28..02-04' within a year. */
function expand(year: number, spec: string): string[] {
  const out: string[] = [];
  for (const part of spec.split(';').map((s) => s.trim())) {
    const [from, to] = part.split('..');
    const start = `${year}-${from}`;
    const end = `${year}-${to ?? from}`;
    for (let d = start; d <= end; d = addDays(d, 1)) {
      out.push(d);
    }
  }
  return out;
}

// reference.md §10, copied as written there.
const REFERENCE_TABLES: Record<number, { holidays: string; makeup: string }> = {
  2024: {
    holidays:
      '01-01; 02-10..02-17; 04-04..04-06; 05-01..05-05; 06-08..06-10; 09-15..09-17; 10-01..10-07',
    makeup: '02-04; 02-18; 04-07; 04-28; 05-11; 09-14; 09-29; 10-12',
  },
  2025: {
    holidays: '01-01; 01-28..02-04; 04-04..04-06; 05-01..05-05; 05-31..06-02; 10-01..10-08',
    makeup: '01-26; 02-08; 04-27; 09-28; 10-11',
  },
  2026: {
    holidays:
      '01-01..01-03; 02-15..02-23; 04-04..04-06; 05-01..05-05; 06-19..06-21; 09-25..09-27; 10-01..10-07',
    makeup: '01-04; 02-14; 02-28; 05-09; 09-20; 10-10',
  },
};

const calendar = createWorkdayCalendar();

describe('createWorkdayCalendar: pinned tables against reference.md §10', () => {
  for (const [yearText, table] of Object.entries(REFERENCE_TABLES)) {
    const year = Number(yearText);
    const holidays = new Set(expand(year, table.holidays));
    const makeup = new Set(expand(year, table.makeup));

    it(`treats every ${year} holiday as a rest day`, () => {
      for (const d of holidays) {
        expect(calendar.isWorkday(d), d).toBe(false);
      }
    });

    it(`treats every ${year} 调休上班 day as a working day, and each is a weekend day`, () => {
      for (const d of makeup) {
        expect(calendar.isWorkday(d), d).toBe(true);
        expect([0, 6]).toContain(weekday(d));
      }
    });

    it(`agrees with the table on every other day of ${year} (Monday–Friday)`, () => {
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const expected = makeup.has(d) || (!holidays.has(d) && weekday(d) >= 1 && weekday(d) <= 5);
        expect(calendar.isWorkday(d), d).toBe(expected);
      }
    });

    it(`has data for ${year}`, () => {
      expect(calendar.hasData(year)).toBe(true);
    });
  }

  it('counts 248 working days in 2026 (261 weekdays − 19 holidays + 6 make-up days)', () => {
    expect(calendar.countWorkdays('2026-01-01', '2026-12-31')).toBe(248);
  });

  it('counts 18 working days in October 2026, the 10-10 调休 Saturday included', () => {
    // stack-notes.md says 17: chinese-days' getWorkdaysInRange(…, false) drops weekend make-up days.
    expect(calendar.countWorkdays('2026-10-01', '2026-10-31')).toBe(18);
  });
});

describe('nthWorkday: worked 公示 examples of reference.md §10', () => {
  const examples: [string, string, string][] = [
    // start, 5th working day inclusive, 5th working day with the start excluded
    ['2026-09-28', '2026-10-09', '2026-10-10'],
    ['2026-02-12', '2026-02-25', '2026-02-26'],
    ['2026-09-17', '2026-09-22', '2026-09-23'],
    ['2026-04-30', '2026-05-09', '2026-05-11'],
    ['2025-09-26', '2025-10-09', '2025-10-10'],
    ['2025-01-24', '2025-02-06', '2025-02-07'],
  ];
  for (const [start, inclusive, excluded] of examples) {
    it(`finds ${inclusive} as the 5th working day from ${start}, and ${excluded} with the start excluded`, () => {
      expect(calendar.nthWorkday(start, 5)).toBe(inclusive);
      expect(calendar.nthWorkday(addDays(start, 1), 5)).toBe(excluded);
      expect(calendar.countWorkdays(start, inclusive)).toBe(5);
      expect(calendar.countWorkdays(start, addDays(inclusive, -1))).toBe(4);
    });
  }

  it('counts the 公示 of TC-30 (2026-09-28..10-08) as 4 working days and TC-31 (09-17..09-22) as 5', () => {
    expect(calendar.countWorkdays('2026-09-28', '2026-10-08')).toBe(4);
    expect(calendar.countWorkdays('2026-09-17', '2026-09-22')).toBe(5);
  });

  it('counts the start as the first working day only when it is one', () => {
    expect(calendar.nthWorkday('2026-10-09', 1)).toBe('2026-10-09');
    expect(calendar.nthWorkday('2026-10-01', 1)).toBe('2026-10-08');
    expect(calendar.nthWorkday('2026-10-10', 2)).toBe('2026-10-12');
  });

  it('rejects n below 1 or not an integer', () => {
    expect(() => calendar.nthWorkday('2026-10-09', 0)).toThrow(RangeError);
    expect(() => calendar.nthWorkday('2026-10-09', 1.5)).toThrow(RangeError);
  });
});

describe('countWorkdays', () => {
  it('returns 1 for a single working day and 0 for a single rest day', () => {
    expect(calendar.countWorkdays('2026-10-09', '2026-10-09')).toBe(1);
    expect(calendar.countWorkdays('2026-10-01', '2026-10-01')).toBe(0);
  });

  it('returns 0 when the end is before the start', () => {
    expect(calendar.countWorkdays('2026-10-09', '2026-10-08')).toBe(0);
  });

  it('agrees with a day-by-day count across year boundaries and outside the data', () => {
    const starts = [
      '2003-12-20',
      '2004-01-01',
      '2019-12-25',
      '2026-12-20',
      '2027-06-01',
      '1999-01-01',
    ];
    for (const start of starts) {
      for (const span of [0, 1, 6, 13, 40, 400]) {
        const end = addDays(start, span);
        let expected = 0;
        for (let d = start; d <= end; d = addDays(d, 1)) {
          expected += calendar.isWorkday(d) ? 1 : 0;
        }
        expect(calendar.countWorkdays(start, end), `${start}..${end}`).toBe(expected);
      }
    }
  });

  it('counts a two-week window a million times quickly', () => {
    const t0 = performance.now();
    let sum = 0;
    for (let i = 0; i < 1_000_000; i++) {
      sum += calendar.countWorkdays('2026-09-20', '2026-10-03');
    }
    expect(sum).toBe(8_000_000);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('years without data', () => {
  it('reports no data for 2027 and 2003 and counts them Monday–Friday', () => {
    expect(calendar.hasData(2027)).toBe(false);
    expect(calendar.hasData(2003)).toBe(false);
    expect(calendar.isWorkday('2027-01-01')).toBe(true); // a Friday: the 2027 notice is not in the data
    expect(calendar.isWorkday('2027-01-02')).toBe(false);
    expect(calendar.countWorkdays('2027-01-04', '2027-01-10')).toBe(5);
  });

  it('counts 2027-01-01 as a working day without data, unlike reference.md (which assumes 元旦)', () => {
    // reference.md §10 gives 2027-01-04 "PROVISIONAL"; the contract (dossier-format.md §3) is
    // Monday–Friday for a year without data, with a warning from the caller.
    expect(calendar.nthWorkday('2026-12-28', 5)).toBe('2027-01-01');
  });

  it('gives the reference.md provisional answer 2027-01-04 once a 2027 table lists 元旦', () => {
    const withNewYear = createWorkdayCalendar([
      { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [], source: '示例' },
    ]);

    expect(withNewYear.nthWorkday('2026-12-28', 5)).toBe('2027-01-04');
    expect(withNewYear.nthWorkday('2026-12-29', 5)).toBe('2027-01-05');
  });

  it('uses an extra table for a year it has no data for', () => {
    const table2027: HolidayTable = {
      year: 2027,
      holidays: ['2027-01-01'],
      makeupWorkdays: ['2027-01-02'],
      source: '示例',
    };

    const withExtra = createWorkdayCalendar([table2027]);

    expect(withExtra.hasData(2027)).toBe(true);
    expect(withExtra.isWorkday('2027-01-01')).toBe(false);
    expect(withExtra.isWorkday('2027-01-02')).toBe(true);
    expect(withExtra.nthWorkday('2026-12-28', 5)).toBe('2027-01-02');
    expect(withExtra.countWorkdays('2026-12-28', '2027-01-04')).toBe(6);
  });

  it('lets an extra table replace a pinned year entirely', () => {
    const withExtra = createWorkdayCalendar([
      { year: 2026, holidays: [], makeupWorkdays: [], source: '替换' },
    ]);

    expect(withExtra.isWorkday('2026-10-01')).toBe(true);
    expect(withExtra.isWorkday('2026-10-10')).toBe(false);
    expect(calendar.isWorkday('2026-10-01')).toBe(false);
  });
});

describe('validateHolidayTable', () => {
  const base: HolidayTable = { year: 2027, holidays: [], makeupWorkdays: [], source: 'x' };

  it('accepts a table of real dates of its own year', () => {
    expect(() => validateHolidayTable({ ...base, holidays: ['2027-02-28'] })).not.toThrow();
  });

  it('rejects an impossible date, a date of another year and a date listed as both', () => {
    expect(() => validateHolidayTable({ ...base, holidays: ['2027-02-29'] })).toThrow(
      '2027年节假日表 holidays[0] 不是有效日期：2027-02-29',
    );
    expect(() => validateHolidayTable({ ...base, makeupWorkdays: ['2026-12-31'] })).toThrow(
      '不属于该年',
    );
    expect(() =>
      validateHolidayTable({ ...base, holidays: ['2027-01-02'], makeupWorkdays: ['2027-01-02'] }),
    ).toThrow('同时列为放假日和调休上班日');
  });
});

describe('internal consistency', () => {
  it('counts the same as isWorkday summed over 2004–2027 year by year', () => {
    for (let year = 2004; year <= 2027; year++) {
      const start = `${year}-01-01`;
      const end = `${year}-12-31`;
      let expected = 0;
      for (let d = start; d <= end; d = addDays(d, 1)) {
        expected += calendar.isWorkday(d) ? 1 : 0;
      }
      expect(calendar.countWorkdays(start, end), String(year)).toBe(expected);
      expect(diffDays(start, end) + 1).toBe(toDayNumber(end) - toDayNumber(start) + 1);
    }
  });
});
