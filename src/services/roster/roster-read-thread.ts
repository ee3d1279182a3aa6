/**
 * Runs the reading and checking of a large roster import on a worker thread
 * (roster-read.worker.ts), so that on a machine with a free core the file is read while the
 * importing thread writes the previous batches (docs/adr/0014-streaming-roster-import.md).
 * Yields the same batches as `checkedBatches`.
 *
 * The CLI starts the thread before it loads the import's modules and opens the database
 * (`startRosterReaderEarly`, from bin/zugong.mjs): exceljs's opening of the file (about 1.4 s at
 * 100,000 rows) then overlaps the process's own start. The thread gets the scope to check rows
 * against when the import asks for the batches. This module loads no database code.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OrgRow } from '../../db/schema';
import { AppError, type ErrorCode } from '../errors';
import type { CheckedBatch, CheckedRow, RowScope } from './roster-rows';
import {
  IMPORT_BATCH_ROWS,
  IMPORT_MAX_BYTES,
  READ_IN_WORKER_BYTES,
  type ImportSource,
} from './roster-source';
import type {
  PackedRow,
  ReadWorkerData,
  ReadWorkerMessage,
  ReadWorkerRequest,
} from './roster-read.worker';

/** Batches read ahead of the writing thread: bounds the memory held in the queue. */
const MAX_QUEUED_BATCHES = 4;
/**
 * The reader's heap. Left to V8, a second heap let garbage grow to 200 MB and the process to
 * 460–520 MB (target 400). Capping the old generation alone made V8 also shrink the young one, and
 * the reader spent 1–2 s more in GC; with a large young generation most garbage dies there, and
 * the old generation (live set about 70 MB: shared strings, ID numbers seen) stays small.
 * Since the thread starts while the importing thread is still loading (startRosterReaderEarly),
 * both heaps grow at once: with 256 MB for the old generation the process reached 406–429 MB,
 * with 128 MB 360–402 MB at the same speed (docs/benchmarks.md).
 */
const READER_OLD_GENERATION_MB = 128;
const READER_YOUNG_GENERATION_MB = 64;

/**
 * Code run by the worker: tsx's require hook (in-thread, unlike its ESM hooks, which would start
 * one more thread), then the worker module. Same as `zugong check`'s workers (ADR 0013).
 */
function workerSource(): string {
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./roster-read.worker.ts', import.meta.url));
  return `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});\n`;
}

function unpackRow(p: PackedRow, orgs: Map<number, OrgRow>): CheckedRow {
  const org = orgs.get(p[10]);
  if (org === undefined) {
    throw new AppError('ERR_INTERNAL', `读取线程给出了范围以外的党组织 ${p[10]}`);
  }
  return {
    row: p[0],
    name: p[1],
    gender: p[2],
    ethnicity: p[3],
    birthDate: p[4],
    idNumber: p[5],
    education: p[6],
    phone: p[7],
    occupation: p[8],
    workUnit: p[9],
    org,
    status: p[11],
    joinedOn: p[12],
    fullMemberSince: p[13],
  };
}

type Queued = ReadWorkerMessage | { kind: 'failed'; error: unknown };

/** A running reading thread and the messages it sent that nobody has taken yet. */
interface Reader {
  /** The file's absolute path; null for bytes in memory. */
  path: string | null;
  batchRows: number;
  worker: Worker;
  queue: Queued[];
  wake: (() => void) | null;
}

function startReader(source: ImportSource, batchRows: number): Reader {
  const data: ReadWorkerData = { source, batchRows, maxQueued: MAX_QUEUED_BATCHES };
  const worker = new Worker(workerSource(), {
    eval: true,
    workerData: data,
    resourceLimits: {
      maxOldGenerationSizeMb: READER_OLD_GENERATION_MB,
      maxYoungGenerationSizeMb: READER_YOUNG_GENERATION_MB,
    },
  });
  const reader: Reader = {
    path: Buffer.isBuffer(source) ? null : resolve(source.path),
    batchRows,
    worker,
    queue: [],
    wake: null,
  };
  // Listening from the start: what the thread posts before the import asks is queued here.
  const push = (m: Queued) => {
    reader.queue.push(m);
    reader.wake?.();
    reader.wake = null;
  };
  worker.on('message', (m: ReadWorkerMessage) => push(m));
  worker.on('error', (error) => push({ kind: 'failed', error }));
  worker.on('exit', (code) =>
    push({ kind: 'failed', error: new Error(`花名册读取线程已退出（${code}）`) }),
  );
  return reader;
}

/** A thread started by `startRosterReaderEarly` and not yet taken by an import. */
let early: Reader | null = null;

/**
 * Starts reading FILE on a thread now, if it is large enough to be read on one
 * (READ_IN_WORKER_BYTES) and not over the cap; the next `checkedBatchesInWorker` for the same
 * file takes it. A thread nobody takes does not keep the process alive. Never throws: whatever is
 * wrong with the file is reported by the import itself.
 */
export function startRosterReaderEarly(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (early !== null || size < READ_IN_WORKER_BYTES || size > IMPORT_MAX_BYTES) {
    return;
  }
  early = startReader({ path: file }, IMPORT_BATCH_ROWS);
  early.worker.unref();
}

function takeEarly(source: ImportSource, batchRows: number): Reader | null {
  const r = early;
  if (
    r === null ||
    Buffer.isBuffer(source) ||
    r.path !== resolve(source.path) ||
    r.batchRows !== batchRows
  ) {
    return null;
  }
  early = null;
  r.worker.ref();
  return r;
}

export async function* checkedBatchesInWorker(
  source: ImportSource,
  scope: RowScope,
  batchRows: number,
): AsyncGenerator<CheckedBatch> {
  const orgs = new Map(scope.scopeOrgs.map((o) => [o.id, o]));
  const reader = takeEarly(source, batchRows) ?? startReader(source, batchRows);
  const { worker, queue } = reader;
  const request = (r: ReadWorkerRequest) => worker.postMessage(r);
  request({ kind: 'scope', scopeOrgs: [...scope.scopeOrgs], asOf: scope.asOf });
  try {
    for (;;) {
      let m = queue.shift();
      while (m === undefined) {
        await new Promise<void>((wake) => {
          reader.wake = wake;
        });
        m = queue.shift();
      }
      if (m.kind === 'done') {
        return;
      }
      if (m.kind === 'failed') {
        throw m.error;
      }
      if (m.kind === 'error') {
        throw m.code === null
          ? new Error(m.message)
          : new AppError(m.code as ErrorCode, m.message, m.field);
      }
      const rows = m.rows.map((p) => unpackRow(p, orgs));
      request({ kind: 'next' });
      yield { fileRows: m.fileRows, rows, problems: m.problems };
    }
  } finally {
    await worker.terminate();
  }
}
