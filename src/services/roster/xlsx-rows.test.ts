import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../gen/rng';
import { inventName } from '../gen/names';
import { AppError } from '../errors';
import { cellText } from '../xlsx-cell';
import { readSheetRows } from './xlsx-rows';

const ROWS = 30_000;

describe('streaming sheet reader', () => {
  let dir: string;
  let file: string;
  const expected: string[][] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zugong-xlsx-rows-'));
    file = join(dir, 'names.xlsx');
    // Written with shared strings, as Excel and WPS do: the strings part alone is ~1 MB of
    // 3-byte characters, so the zip's inflated chunks end inside characters many times.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
    });
    const notes = writer.addWorksheet('填写说明');
    notes.addRow(['说明']).commit();
    await notes.commit();
    const sheet = writer.addWorksheet('党员花名册');
    sheet.addRow(['姓名', '工作单位及职务', '备注']).commit();
    const rng = createRng('xlsx-rows-chinese');
    for (let i = 0; i < ROWS; i++) {
      const row = [
        inventName(rng, rng.chance(0.5) ? '男' : '女') + ['', '·阿依古丽', '欧阳', '琪'][i % 4],
        `青山镇${inventName(rng, '男')}村股份经济合作社第${i}组`,
        '𠀀'.repeat(i % 3) + '党员之家',
      ];
      expected.push(row);
      sheet.addRow(row).commit();
    }
    await sheet.commit();
    await writer.commit();
  }, 120_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`reads ${ROWS} rows of Chinese text back intact, from the sheet asked for`, async () => {
    const got: string[][] = [];
    let header: string[] = [];
    for await (const row of readSheetRows(createReadStream(file), '党员花名册')) {
      const texts = [1, 2, 3].map((c) => cellText(row.values[c]).text);
      if (row.number === 1) {
        header = texts;
      } else {
        got.push(texts);
      }
    }
    expect(header).toEqual(['姓名', '工作单位及职务', '备注']);
    expect(got.length).toBe(ROWS);
    const broken = got.filter((r) => r.some((t) => t.includes('\uFFFD')));
    expect(broken).toEqual([]);
    const wrong = got.findIndex((r, i) => r.join('|') !== expected[i]?.join('|'));
    expect(wrong).toBe(-1);
  }, 120_000);

  it('falls back to the first sheet when none has the name asked for', async () => {
    const rows: number[] = [];
    for await (const row of readSheetRows(createReadStream(file), '没有这张表')) {
      rows.push(row.number);
    }
    expect(rows).toEqual([1]);
  });

  it('refuses bytes that are not a workbook', async () => {
    const notZip = Readable.from([Buffer.from('PK\u0003\u0004 not really a zip file at all')]);
    await expect(
      (async () => {
        let rows = 0;
        for await (const row of readSheetRows(notZip, '党员花名册')) {
          rows += row.number;
        }
        return rows;
      })(),
    ).rejects.toSatisfy(
      (e: unknown) => e instanceof AppError && e.code === 'ERR_ROSTER_IMPORT_FILE',
    );
  });
});
