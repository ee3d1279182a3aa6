/**
 * The bytes of an import: size and signature checks, and a stream of them. No database code, so
 * the import's reading thread can load it.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError } from '../errors';

/** Upload cap: a township's roster is far below it; 100,000 rows is about 9.2 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Rows matched against the database and written together (14 columns: 14,000 parameters). */
export const IMPORT_BATCH_ROWS = 1000;
/**
 * Files from this size (about 10,000 rows) are read and checked on a worker thread while the
 * importing thread writes; below it the thread's start-up (about 0.3 s) is not worth it.
 */
export const READ_IN_WORKER_BYTES = 1024 * 1024;
/** An .xlsx in memory, or a file on disk (a CLI argument, or an upload kept for the commit). */
export type ImportSource = Buffer | { path: string };

export function tooLarge(size: number): AppError {
  return new AppError(
    'ERR_ROSTER_IMPORT_TOO_LARGE',
    `文件大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
    'file',
  );
}

/** Size and signature checks; returns the size in bytes. */
export async function checkSource(source: ImportSource): Promise<number> {
  let size: number;
  let head: Buffer;
  if (Buffer.isBuffer(source)) {
    size = source.length;
    head = source.subarray(0, 4);
  } else {
    size = (await stat(source.path)).size;
    const fh = await open(source.path, 'r');
    try {
      head = Buffer.alloc(4);
      await fh.read(head, 0, 4, 0);
    } finally {
      await fh.close();
    }
  }
  if (size > IMPORT_MAX_BYTES) {
    throw tooLarge(size);
  }
  // An .xlsx is a zip file: it starts with "PK".
  if (size < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new AppError(
      'ERR_ROSTER_IMPORT_FILE',
      '文件不是 .xlsx 格式（请用 Excel 或 WPS 另存为 .xlsx）',
      'file',
    );
  }
  return size;
}

export function openSource(source: ImportSource): Readable {
  return Buffer.isBuffer(source)
    ? Readable.from([source], { objectMode: false })
    : createReadStream(source.path, { highWaterMark: 256 * 1024 });
}
