/**
 * A worker thread of `zugong check --workers N` (docs/adr/0013-check-throughput.md): it receives
 * chunks of whole JSON lines in bytes, and answers each with the UTF-8 output of its dossiers,
 * whether any failed, and the chunk's summary tallies. The main thread keeps the input order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createWorkdayCalendar, type HolidayTable } from '../../domain/calendar/workdays';
import type { IsoDate } from '../../domain/calendar/date';
import type { Settings } from '../../domain/rules/settings';
import { ItemChecker, Summary, type SummaryData } from './check-batch';

export interface CheckWorkerData {
  asOf: IsoDate;
  json: boolean;
  settings: Settings;
  holidayTables: HolidayTable[];
}

export interface CheckWorkerTask {
  bytes: Uint8Array;
  firstLine: number;
}

export interface CheckWorkerResult {
  out: Uint8Array;
  failed: boolean;
  summary: SummaryData;
}

const data = workerData as CheckWorkerData;
const checker = new ItemChecker(
  data.json,
  {
    asOf: data.asOf,
    settings: data.settings,
    calendar: createWorkdayCalendar(data.holidayTables),
  },
  new Summary(),
);
const encoder = new TextEncoder();
const port = parentPort;

port?.on('message', (task: CheckWorkerTask) => {
  const { text, failed, summary } = checker.checkChunk(task.bytes, task.firstLine);
  const out = encoder.encode(text);
  const result: CheckWorkerResult = { out, failed, summary };
  port.postMessage(result, [out.buffer]);
});
// Until this arrives the main thread checks every chunk itself (worker start-up takes a while).
port?.postMessage('ready');
