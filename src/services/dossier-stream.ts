/**
 * Reads dossiers from a file, in input order, in batches: `.jsonl` is streamed with a manual
 * Buffer line splitter (flat memory whatever the file size; readline is slower and heavier,
 * design/stack-notes.md §5), `.json` holds one dossier or an array, `.xlsx` is read row by row
 * by services/dossier-xlsx.ts. Each item is either parsed JSON or the line's input error.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { jsonInputError } from '../domain/dossier/read-dossier';
import type { InputError } from '../domain/dossier/types';

export type DossierFileFormat = 'json' | 'jsonl' | 'xlsx';

/** One input dossier: its line (row, or array position) and the parsed value or why it failed. */
export interface SourceItem {
  line: number;
  raw: unknown;
  /** Set when the text is not JSON; `raw` is then undefined. */
  error?: InputError;
}

export type DossierFileErrorCode = 'ERR_CHECK_FILE' | 'ERR_CHECK_FORMAT';

/** The input as a whole is unusable (exit status 2). */
export class DossierFileError extends Error {
  constructor(
    readonly code: DossierFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierFileError';
  }
}

export function detectFormat(path: string): DossierFileFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    return 'jsonl';
  }
  if (ext === '.json') {
    return 'json';
  }
  if (ext === '.xlsx') {
    return 'xlsx';
  }
  return null;
}

/** Size in bytes, or a DossierFileError naming the file. */
export async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) {
      throw new DossierFileError('ERR_CHECK_FILE', `不是文件：${path}`);
    }
    return s.size;
  } catch (e) {
    if (e instanceof DossierFileError) {
      throw e;
    }
    throw new DossierFileError('ERR_CHECK_FILE', `找不到或无法读取文件：${path}`);
  }
}

function snippet(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** Parses one line; blank lines give null. */
export function parseLine(text: string, line: number): SourceItem | null {
  let s = text;
  if (s.length > 0 && s.charCodeAt(s.length - 1) === 13) {
    s = s.slice(0, -1);
  }
  if (line === 1 && s.charCodeAt(0) === 0xfeff) {
    s = s.slice(1);
  }
  if (s.trim().length === 0) {
    return null;
  }
  try {
    return { line, raw: JSON.parse(s) as unknown };
  } catch {
    return { line, raw: undefined, error: jsonInputError(line, snippet(s)) };
  }
}

/**
 * The lines of one read of a JSON Lines file: `bytes` ends before a newline (or at the end of the
 * file) and its first line is number `firstLine`. `lines` is how many lines it holds.
 */
export interface JsonLineChunk {
  bytes: Buffer;
  firstLine: number;
  lines: number;
  /** The unterminated last line of the file. */
  final: boolean;
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  let i = buf.indexOf(10);
  while (i >= 0 && i < end) {
    n += 1;
    i = buf.indexOf(10, i + 1);
  }
  return n;
}

/**
 * Streams a JSON Lines file as chunks of whole lines, 1 MiB reads split at the last newline byte.
 * `countLines` numbers the chunks (a scan for newline bytes); without it `firstLine` and `lines`
 * are 0 and the caller numbers the lines as it splits them.
 */
export async function* readJsonLineChunks(
  path: string,
  onBytes?: (bytes: number) => void,
  countLines = false,
): AsyncGenerator<JsonLineChunk> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let carry: Buffer | null = null;
  let line = 0;
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const buf: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    const lastNewline = buf.lastIndexOf(10);
    if (lastNewline < 0) {
      carry = buf;
      continue;
    }
    carry = lastNewline + 1 < buf.length ? Buffer.from(buf.subarray(lastNewline + 1)) : null;
    const lines = countLines ? countNewlines(buf, lastNewline) + 1 : 0;
    onBytes?.(bytes);
    yield { bytes: buf.subarray(0, lastNewline), firstLine: line + 1, lines, final: false };
    line += lines;
  }
  if (carry !== null) {
    yield { bytes: carry, firstLine: line + 1, lines: 1, final: true };
  }
}

/**
 * Splits the lines of one chunk, numbering them from `firstLine`, and hands each parsed line to
 * `visit` as soon as it is parsed (blank lines are left out), so only one line's value is alive
 * at a time. Returns the number of the last line.
 */
export function forEachJsonLine(
  bytes: Uint8Array,
  firstLine: number,
  visit: (item: SourceItem) => void,
): number {
  // A newline byte never occurs inside a multi-byte UTF-8 character, so decoding up to it is safe.
  const buf = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('utf8');
  let line = firstLine - 1;
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    line += 1;
    const item = parseLine(text.slice(start, end), line);
    if (item !== null) {
      visit(item);
    }
    if (nl < 0) {
      break;
    }
    start = nl + 1;
  }
  return line;
}

/**
 * Splits and parses the lines of one chunk, numbering them from `firstLine`; blank lines are
 * left out. Returns the items and the number of the last line.
 */
export function parseJsonLineChunk(
  bytes: Uint8Array,
  firstLine: number,
): { items: SourceItem[]; lastLine: number } {
  const items: SourceItem[] = [];
  const lastLine = forEachJsonLine(bytes, firstLine, (item) => {
    items.push(item);
  });
  return { items, lastLine };
}

/**
 * Streams a JSON Lines file; each batch holds the lines of one read chunk.
 * `onBytes` is told how many bytes have been read so far (for a progress bar).
 */
export async function* readJsonLines(
  path: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SourceItem[]> {
  let line = 0;
  for await (const chunk of readJsonLineChunks(path, onBytes)) {
    const { items, lastLine } = parseJsonLineChunk(chunk.bytes, line + 1);
    line = lastLine;
    if (!chunk.final || items.length > 0) {
      yield items;
    }
  }
}

/** A `.json` file: one dossier (line 1) or an array (position 1, 2, … as the line). */
export async function* readJsonFile(path: string): AsyncGenerator<SourceItem[]> {
  const text = await readFile(path, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    yield [{ line: 1, raw: undefined, error: jsonInputError(1, snippet(text.trim())) }];
    return;
  }
  if (!Array.isArray(value)) {
    yield [{ line: 1, raw: value }];
    return;
  }
  const batch = 1000;
  for (let i = 0; i < value.length; i += batch) {
    yield value.slice(i, i + batch).map((raw: unknown, j) => ({ line: i + j + 1, raw }));
  }
}

/** Dossiers of a file in input order, in batches; throws DossierFileError when unusable. */
export async function* readDossierFile(
  path: string,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SourceItem[]> {
  const format = detectFormat(path);
  if (format === null) {
    throw new DossierFileError(
      'ERR_CHECK_FORMAT',
      `无法识别的文件格式（应为 .json、.jsonl 或 .xlsx）：${path}`,
    );
  }
  await fileSize(path);
  if (format === 'jsonl') {
    yield* readJsonLines(path, onBytes);
  } else if (format === 'json') {
    yield* readJsonFile(path);
  } else {
    yield* readXlsx(path);
  }
}

async function* readXlsx(path: string): AsyncGenerator<SourceItem[]> {
  let batch: SourceItem[] = [];
  // exceljs is heavy to load; only .xlsx input needs it.
  const { readDossierWorkbook } = await import('./dossier-xlsx');
  for await (const { row, raw } of readDossierWorkbook(path)) {
    batch.push({ line: row, raw });
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    yield batch;
  }
}
