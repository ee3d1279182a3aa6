/**
 * The reading thread of a large roster import (docs/adr/0014-streaming-roster-import.md): it
 * reads the .xlsx with the streaming reader and checks every row (roster-rows.ts, no database
 * code), and posts each batch of checked rows as compact arrays to the importing thread, which
 * only matches and writes. At most `maxQueued` batches are in flight: the worker waits for an
 * acknowledgement before reading further, so a slow database does not pile rows up in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IsoDate } from '../../domain/calendar/date';
import type { OrgRow } from '../../db/schema';
import { AppError } from '../errors';
import { checkedBatches, type CheckedRow, type ImportProblem, type RowScope } from './roster-rows';
import { openSource, type ImportSource } from './roster-source';

export interface ReadWorkerData {
  source: ImportSource;
  batchRows: number;
  maxQueued: number;
}

/**
 * From the importing thread: the scope to check rows against (once, possibly after the reading
 * started), and `next` each time it takes a batch.
 */
export type ReadWorkerRequest =
  { kind: 'scope'; scopeOrgs: OrgRow[]; asOf: IsoDate } | { kind: 'next' };

/** A checked row as an array, in this order (org by id); see packRow / unpackRow. */
export type PackedRow = [
  row: number,
  name: string,
  gender: '男' | '女',
  ethnicity: string | null,
  birthDate: IsoDate,
  idNumber: string,
  education: string | null,
  phone: string | null,
  occupation: string | null,
  workUnit: string | null,
  orgId: number,
  status: CheckedRow['status'],
  joinedOn: IsoDate | null,
  fullMemberSince: IsoDate | null,
];

export type ReadWorkerMessage =
  | { kind: 'batch'; fileRows: number; rows: PackedRow[]; problems: ImportProblem[] }
  | { kind: 'done' }
  | { kind: 'error'; code: string | null; message: string; field: string | undefined };

export function packRow(p: CheckedRow): PackedRow {
  return [
    p.row,
    p.name,
    p.gender,
    p.ethnicity,
    p.birthDate,
    p.idNumber,
    p.education,
    p.phone,
    p.occupation,
    p.workUnit,
    p.org.id,
    p.status,
    p.joinedOn,
    p.fullMemberSince,
  ];
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) {
    return;
  }
  const data = workerData as ReadWorkerData;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let scopeArrived: (scope: RowScope) => void = () => undefined;
  const scope = new Promise<RowScope>((resolve) => {
    scopeArrived = resolve;
  });
  port.on('message', (r: ReadWorkerRequest) => {
    if (r.kind === 'scope') {
      scopeArrived({ scopeOrgs: r.scopeOrgs, asOf: r.asOf });
      return;
    }
    inFlight -= 1;
    wake?.();
    wake = null;
  });
  const post = (m: ReadWorkerMessage) => port.postMessage(m);
  // A Buffer arrives as a plain Uint8Array.
  const source = data.source instanceof Uint8Array ? Buffer.from(data.source) : data.source;
  try {
    for await (const b of checkedBatches(openSource(source), scope, data.batchRows)) {
      while (inFlight >= data.maxQueued) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      inFlight += 1;
      post({
        kind: 'batch',
        fileRows: b.fileRows,
        rows: b.rows.map(packRow),
        problems: b.problems,
      });
    }
    post({ kind: 'done' });
  } catch (e) {
    post(
      e instanceof AppError
        ? { kind: 'error', code: e.code, message: e.message, field: e.field }
        : { kind: 'error', code: null, message: String(e), field: undefined },
    );
  }
  port.unref();
}

void main();
