/**
 * Row-by-row reading of an .xlsx sheet with exceljs's streaming `WorkbookReader`, so a large
 * roster is never held in memory as a whole workbook (docs/adr/0014-streaming-roster-import.md).
 *
 * exceljs 4.4.0 decodes each zip chunk on its own and breaks a Chinese character split across
 * two chunks (stack-notes pitfall 18). `patches/exceljs+4.4.0.patch` (applied by patch-package on
 * `npm install` / `npm ci`) keeps one StringDecoder across chunks; `assertStreamingReaderPatched`
 * refuses to read when the installed copy lacks it, and callers still reject any U+FFFD.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';

let patchChecked = false;

/** Throws unless the installed exceljs carries our StringDecoder fix of parse-sax.js. */
export function assertStreamingReaderPatched(): void {
  if (patchChecked) {
    return;
  }
  const require = createRequire(import.meta.url);
  const file = require.resolve('exceljs/lib/utils/parse-sax.js');
  if (!readFileSync(file, 'utf8').includes('zugong: one StringDecoder')) {
    throw new AppError(
      'ERR_INTERNAL',
      'exceljs 未打补丁（patches/exceljs+4.4.0.patch），流式读取会损坏汉字：请在程序目录运行 npm install 或 npm ci 后重试',
    );
  }
  patchChecked = true;
}

/**
 * The shared strings are slices of the XML text they were parsed from, which keeps every chunk of
 * that text alive for the whole read (about 15 MB of heap at 100,000 rows): copy them out.
 */
function flattenSharedStrings(reader: object): void {
  const shared = (reader as { sharedStrings?: unknown[] }).sharedStrings;
  if (shared === undefined) {
    return;
  }
  for (let i = 0; i < shared.length; i++) {
    const v = shared[i];
    if (typeof v === 'string') {
      shared[i] = Buffer.from(v, 'utf8').toString('utf8');
    }
  }
}

export interface SheetRow {
  /** Spreadsheet row number, 1-based. */
  number: number;
  /** Cell values indexed by column number (1-based; index 0 unused), as exceljs gives them. */
  values: ExcelJS.CellValue[];
}

/**
 * The rows of one sheet, in order: the sheet named `preferredSheet` when the workbook has one,
 * else the first sheet. Throws ERR_ROSTER_IMPORT_FILE when the bytes are not a workbook or it
 * has no sheet. Styles are read so that Excel date cells come back as dates.
 */
export async function* readSheetRows(
  input: Readable,
  preferredSheet: string,
): AsyncGenerator<SheetRow> {
  assertStreamingReaderPatched();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const model = reader as unknown as { model?: { sheets?: { name?: string }[] } };
  let sheets = 0;
  let chosen = false;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      const names = (model.model?.sheets ?? []).map((s) => s.name);
      const name = (sheet as unknown as { name?: string }).name;
      const wanted = names.includes(preferredSheet) ? name === preferredSheet : !chosen;
      if (chosen || !wanted) {
        // Not read: the reader drains the entry when we ask for the next one.
        continue;
      }
      chosen = true;
      flattenSharedStrings(reader);
      for await (const row of sheet) {
        yield { number: row.number, values: row.values as ExcelJS.CellValue[] };
      }
    }
  } catch (e) {
    if (e instanceof AppError) {
      throw e;
    }
    throw new AppError('ERR_ROSTER_IMPORT_FILE', '无法打开文件：不是有效的 .xlsx 工作簿', 'file');
  }
  if (sheets === 0 || !chosen) {
    throw new AppError('ERR_ROSTER_IMPORT_FILE', '工作簿中没有工作表', 'file');
  }
}
