import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../domain/calendar/workdays';
import { HolidayFileError, loadHolidayFile, parseHolidayTables } from './holiday-file';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zugong-holiday-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeJson(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content), 'utf8');
  return path;
}

const valid2027 = {
  year: 2027,
  holidays: ['2027-01-01'],
  makeupWorkdays: ['2027-01-02'],
  source: '示例通知',
};

describe('loadHolidayFile', () => {
  it('loads a valid file and the calendar then has data for 2027', async () => {
    const path = await writeJson('ok.json', [valid2027]);

    const tables = await loadHolidayFile(path);

    expect(tables).toEqual([valid2027]);
    const calendar = createWorkdayCalendar(tables);
    expect(calendar.hasData(2027)).toBe(true);
    expect(calendar.isWorkday('2027-01-01')).toBe(false);
  });

  it('loads the illustrative example file in docs/examples', async () => {
    const tables = await loadHolidayFile('docs/examples/holidays-2027.example.json');

    expect(tables.map((t) => t.year)).toEqual([2027]);
    expect(tables[0]?.source).toContain('示例');
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const path = await writeJson('bom.json', `\uFEFF${JSON.stringify([valid2027])}`);

    await expect(loadHolidayFile(path)).resolves.toHaveLength(1);
  });

  it('names the entry, field and value of an impossible date', async () => {
    const path = await writeJson('bad-date.json', [
      { year: 2028, holidays: [], makeupWorkdays: [], source: '示例' },
      { ...valid2027, holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-30'] },
    ]);

    const error = await loadHolidayFile(path).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(HolidayFileError);
    expect((error as HolidayFileError).code).toBe('ERR_HOLIDAY_FILE_INVALID');
    expect((error as HolidayFileError).problems).toEqual([
      '第2项 holidays[3] 不是有效日期：2027-02-30',
    ]);
  });

  it('reports a missing file with ERR_HOLIDAY_FILE_READ', async () => {
    await expect(loadHolidayFile(join(dir, 'missing.json'))).rejects.toMatchObject({
      code: 'ERR_HOLIDAY_FILE_READ',
    });
  });

  it('reports broken JSON with ERR_HOLIDAY_FILE_JSON', async () => {
    const path = await writeJson('broken.json', '[{"year": 2027,');

    await expect(loadHolidayFile(path)).rejects.toMatchObject({ code: 'ERR_HOLIDAY_FILE_JSON' });
  });
});

describe('parseHolidayTables', () => {
  it('accepts an empty array', () => {
    expect(parseHolidayTables([])).toEqual({ ok: true, tables: [] });
  });

  it('rejects a file that is not an array', () => {
    expect(parseHolidayTables({ year: 2027 })).toEqual({
      ok: false,
      problems: ['文件内容应为节假日表数组'],
    });
  });

  it('rejects a date of another year, naming it', () => {
    const result = parseHolidayTables([{ ...valid2027, makeupWorkdays: ['2026-12-31'] }]);

    expect(result).toEqual({
      ok: false,
      problems: ['第1项 makeupWorkdays[0] 不属于 2027 年：2026-12-31'],
    });
  });

  it('rejects a day listed both as holiday and as 调休上班', () => {
    const result = parseHolidayTables([{ ...valid2027, makeupWorkdays: ['2027-01-01'] }]);

    expect(result).toEqual({
      ok: false,
      problems: ['第1项 makeupWorkdays[0] 同时列为放假日：2027-01-01'],
    });
  });

  it('rejects a repeated year', () => {
    const result = parseHolidayTables([valid2027, valid2027]);

    expect(result).toEqual({ ok: false, problems: ['第2项 year 与第1项年份重复：2027'] });
  });

  it('accepts the boundary years 2000 and 2100 and rejects 1999 and 2101', () => {
    const table = (year: number) => ({ year, holidays: [], makeupWorkdays: [], source: 'x' });

    expect(parseHolidayTables([table(2000), table(2100)]).ok).toBe(true);
    expect(parseHolidayTables([table(1999)])).toEqual({
      ok: false,
      problems: ['第1项 year 年份应在 2000–2100 之间：1999'],
    });
    expect(parseHolidayTables([table(2101)]).ok).toBe(false);
  });

  it('rejects a missing source, a wrong type and a non-string date', () => {
    const result = parseHolidayTables([
      { year: '2027', holidays: [20270101], makeupWorkdays: [], source: '' },
    ]);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      '第1项 year 应为年份数字："2027"',
      '第1项 holidays[0] 应为 YYYY-MM-DD 日期字符串：20270101',
      '第1项 source 不能为空：请写明通知名称和文号：',
    ]);
  });

  it('keeps the example file in step with the schema', async () => {
    const json: unknown = JSON.parse(
      await readFile('docs/examples/holidays-2027.example.json', 'utf8'),
    );

    expect(parseHolidayTables(json).ok).toBe(true);
  });
});
