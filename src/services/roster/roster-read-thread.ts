/**
 * Runs the reading and checking of a large roster import on a worker thread
 * (roster-read.worker.ts), so that on a machine with a free core the file is read while the
 * importing thread writes the previous batches (docs/adr/0014-streaming-roster-import.md).
 * Yields the same batches as `checkedBatches`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IsoDate } from '../../domain/calendar/date';
import type { OrgRow } from '../../db/schema';
import { AppError, type ErrorCode } from '../errors';
import type { CheckedBatch, CheckedRow } from './roster-rows';
import type { ImportSource } from './roster-source';
import type { PackedRow, ReadWorkerData, ReadWorkerMessage } from './roster-read.worker';

/** Batches read ahead of the writing thread: bounds the memory held in the queue. */
const MAX_QUEUED_BATCHES = 4;
/**
 * The reader's heap. Left to V8, a second heap let garbage grow to 200 MB and the process to
 * 460–520 MB (target 400). Capping the old generation alone made V8 also shrink the young one, and
 * the reader spent 1–2 s more in GC; with a large young generation most garbage dies there, and
 * the old generation (live set about 70 MB: shared strings, ID numbers seen) stays small.
 */
const READER_OLD_GENERATION_MB = 256;
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
    keys: { namePinyin: p[14], nameInitials: p[15] },
  };
}

export async function* checkedBatchesInWorker(
  source: ImportSource,
  scopeOrgs: OrgRow[],
  asOf: IsoDate,
  batchRows: number,
): AsyncGenerator<CheckedBatch> {
  const orgs = new Map(scopeOrgs.map((o) => [o.id, o]));
  const data: ReadWorkerData = {
    source,
    scopeOrgs,
    asOf,
    batchRows,
    maxQueued: MAX_QUEUED_BATCHES,
  };
  const worker = new Worker(workerSource(), {
    eval: true,
    workerData: data,
    resourceLimits: {
      maxOldGenerationSizeMb: READER_OLD_GENERATION_MB,
      maxYoungGenerationSizeMb: READER_YOUNG_GENERATION_MB,
    },
  });
  const queue: (ReadWorkerMessage | { kind: 'failed'; error: unknown })[] = [];
  let wake: (() => void) | null = null;
  const push = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ReadWorkerMessage) => push(m));
  worker.on('error', (error) => push({ kind: 'failed', error }));
  worker.on('exit', (code) =>
    push({ kind: 'failed', error: new Error(`花名册读取线程已退出（${code}）`) }),
  );
  try {
    for (;;) {
      let m = queue.shift();
      while (m === undefined) {
        await new Promise<void>((resolve) => {
          wake = resolve;
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
      worker.postMessage('next');
      yield { fileRows: m.fileRows, rows, problems: m.problems };
    }
  } finally {
    await worker.terminate();
  }
}
