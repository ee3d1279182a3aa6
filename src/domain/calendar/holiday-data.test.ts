import { describe, expect, it } from 'vitest';
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { LAST_PINNED_YEAR, PINNED_HOLIDAY_TABLES } from './holiday-data';

describe('PINNED_HOLIDAY_TABLES', () => {
  it('holds exactly the holidays and 调休上班 days of the chinese-days package', () => {
    const data = chineseDaysData as { holidays: object; workdays: object };

    const pinnedHolidays = PINNED_HOLIDAY_TABLES.flatMap((t) => t.holidays).sort();
    const pinnedMakeup = PINNED_HOLIDAY_TABLES.flatMap((t) => t.makeupWorkdays).sort();

    expect(pinnedHolidays).toEqual(Object.keys(data.holidays).sort());
    expect(pinnedMakeup).toEqual(Object.keys(data.workdays).sort());
  });

  it('covers every year from 2004 to 2026 once, with a source', () => {
    const years = PINNED_HOLIDAY_TABLES.map((t) => t.year);

    expect(years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(LAST_PINNED_YEAR).toBe(2026);
    for (const t of PINNED_HOLIDAY_TABLES) {
      expect(t.source).toContain(String(t.year));
    }
  });
});
