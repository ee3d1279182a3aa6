/**
 * `zugong check FILE [--as-of D] [--json] [--settings local.json] [--holidays table.json]`
 * (dossier-format.md §4): checks every dossier of a file against the 发展党员 rules.
 * Exit status: 0 nothing at error level and every line read; 1 an error finding or an
 * unreadable line; 2 the input as a whole is unusable.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidArgumentError, type Command } from 'commander';
import { formatDate, parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { createWorkdayCalendar, type HolidayTable } from '../../domain/calendar/workdays';
import { DEVELOPMENT_CATALOGUE } from '../../domain/rules/catalogue';
import { resolveSettings, SettingsError, type Settings } from '../../domain/rules/settings';
import {
  detectFormat,
  DossierFileError,
  fileSize,
  readDossierFile,
  readJsonLineChunks,
} from '../../services/dossier-stream';
import { HolidayFileError, loadHolidayFile } from '../../services/holiday-file';
import { ItemChecker, Summary, type SummaryData } from './check-batch';
import type { CheckWorkerData, CheckWorkerResult, CheckWorkerTask } from './check.worker';

export { formatDossierReport } from './check-batch';

export interface CheckOptions {
  file: string;
  asOf: IsoDate;
  json: boolean;
  settingsPath?: string;
  holidaysPath?: string;
  /**
   * Worker threads for `.jsonl` input (docs/adr/0013-check-throughput.md); 0 checks on this
   * thread. Absent: `defaultWorkers()` for files of at least 16 MiB, else 0.
   */
  workers?: number;
  /** For tests: wait until the workers have started, so that they take chunks from the first. */
  awaitWorkers?: boolean;
}

export interface CheckIo {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  /** Milliseconds clock for the progress bar; absent = no progress bar. */
  now?: () => number;
}

/** Collects output and writes it in large pieces, waiting when the stream asks to. */
class BatchedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(
    private readonly stream: Writable,
    private readonly limit = 1 << 16,
  ) {}

  push(text: string): Promise<void> | null {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= this.limit ? this.flush() : null;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) {
      return;
    }
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(text)) {
      await once(this.stream, 'drain');
    }
  }

  /** Writes ready UTF-8 output after whatever text is collected. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    if (bytes.length > 0 && !this.stream.write(bytes)) {
      await once(this.stream, 'drain');
    }
  }
}

function formatSummary(summary: Summary): string {
  const lines = [
    '',
    `共检查 ${summary.dossiers} 份档案：有错误 ${summary.withErrors} 份，仅有提醒 ${summary.warningsOnly} 份，未发现问题 ${summary.clean} 份，无法读取 ${summary.unreadable} 份。`,
  ];
  if (summary.byRule.size > 0) {
    lines.push('按规则汇总：');
    for (const { rule } of DEVELOPMENT_CATALOGUE.compiled) {
      const t = summary.byRule.get(rule.id);
      if (t !== undefined) {
        lines.push(`  ${rule.id.padEnd(13)}${rule.title}：错误 ${t.error}，提醒 ${t.warning}`);
      }
    }
  }
  if (summary.byCode.size > 0) {
    lines.push('无法读取的原因：');
    for (const [code, n] of summary.byCode) {
      lines.push(`  ${code}：${n} 行`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function progressLine(bytes: number, total: number, dossiers: number): string {
  const share = total === 0 ? 1 : Math.min(1, bytes / total);
  const width = 30;
  const done = Math.round(share * width);
  return `\r检查中 [${'#'.repeat(done)}${'-'.repeat(width - done)}] ${(share * 100).toFixed(1)}%  ${dossiers} 份`;
}

async function loadSettings(path: string | undefined): Promise<Settings> {
  if (path === undefined) {
    return resolveSettings({});
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new SettingsError(`找不到或无法读取本地设置文件：${path}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new SettingsError(`本地设置文件不是有效的 JSON：${path}`);
  }
  return resolveSettings(value);
}

async function loadHolidayTables(path: string | undefined): Promise<HolidayTable[]> {
  return path === undefined ? [] : await loadHolidayFile(path);
}

/** Large files get a progress bar on a terminal. */
const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

/** Input this small is checked on the main thread: starting workers would cost more. */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Worker threads by default: one per core but one, since the main thread checks chunks too
 * whenever the workers' queues are full (measured in docs/benchmarks.md).
 */
export function defaultWorkers(): number {
  return Math.max(0, Math.min(availableParallelism() - 1, 8));
}

/** Runs the check and returns the exit status. */
export async function runCheck(options: CheckOptions, io: CheckIo): Promise<number> {
  let settings: Settings;
  let holidayTables: HolidayTable[];
  let total: number;
  try {
    settings = await loadSettings(options.settingsPath);
    holidayTables = await loadHolidayTables(options.holidaysPath);
    total = await fileSize(options.file);
  } catch (e) {
    return reportFatal(e, io);
  }
  const out = new BatchedWriter(io.stdout);
  const summary = new Summary();
  const now = io.now;
  const showProgress = now !== undefined && io.stderr.isTTY === true && total >= PROGRESS_MIN_BYTES;
  let lastDraw = 0;
  let bytesRead = 0;
  const onBytes = showProgress
    ? (bytes: number): void => {
        bytesRead = bytes;
        const t = now();
        if (t - lastDraw >= 200) {
          lastDraw = t;
          io.stderr.write(progressLine(bytesRead, total, summary.dossiers));
        }
      }
    : undefined;
  const workers = options.workers ?? (total >= WORKER_MIN_BYTES ? defaultWorkers() : 0);
  let failed: boolean;
  try {
    if (workers > 0 && detectFormat(options.file) === 'jsonl') {
      const data: CheckWorkerData = {
        asOf: options.asOf,
        json: options.json,
        settings,
        holidayTables,
      };
      failed = await checkInWorkers(
        options.file,
        workers,
        data,
        out,
        summary,
        onBytes,
        options.awaitWorkers === true,
      );
    } else {
      const calendar = createWorkdayCalendar(holidayTables);
      const checker = new ItemChecker(
        options.json,
        { asOf: options.asOf, settings, calendar },
        summary,
      );
      for await (const batch of readDossierFile(options.file, onBytes)) {
        for (const item of batch) {
          const pending = out.push(checker.check(item));
          if (pending !== null) {
            await pending;
          }
        }
      }
      failed = checker.failed;
    }
  } catch (e) {
    await out.flush();
    return reportFatal(e, io);
  }
  if (showProgress) {
    io.stderr.write(`${progressLine(total, total, summary.dossiers)}\n`);
  }
  if (!options.json) {
    await out.push(formatSummary(summary));
  }
  await out.flush();
  return failed ? 1 : 0;
}

/**
 * Code run by each worker thread: tsx's require hook (in-thread, unlike its ESM hooks, which
 * would start one more thread per worker), then check.worker.ts.
 */
function workerSource(): string {
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/cjs/api');
  const entry = fileURLToPath(new URL('./check.worker.ts', import.meta.url));
  return `require(${JSON.stringify(tsx)}).register();\nrequire(${JSON.stringify(entry)});\n`;
}

/** One worker thread; it answers tasks in the order they were sent. */
class CheckWorker {
  private readonly worker: Worker;
  private readonly waiting: {
    resolve: (r: CheckWorkerResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private failure: unknown = null;
  /** The worker has loaded its modules and takes chunks. */
  ready = false;
  private readonly started: Promise<void>;
  private onStarted: () => void = () => undefined;

  /** Chunks sent and not yet answered. */
  get queued(): number {
    return this.waiting.length;
  }

  constructor(data: CheckWorkerData) {
    this.started = new Promise((resolve) => {
      this.onStarted = resolve;
    });
    this.worker = new Worker(workerSource(), {
      eval: true,
      workerData: data,
      // A dossier's objects die young and a chunk's are not kept (forEachJsonLine), so a small
      // young generation costs little time and keeps the second heap small (RSS target).
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (r: CheckWorkerResult | 'ready') => {
      if (r === 'ready') {
        this.ready = true;
        this.onStarted();
      } else {
        this.waiting.shift()?.resolve(r);
      }
    });
    this.worker.on('error', (e) => {
      this.fail(e);
    });
    this.worker.on('exit', (code) => {
      this.fail(new Error(`检查工作线程已退出（${code}）`));
    });
  }

  /** Resolves when the worker is ready, rejects when it failed first. */
  async whenStarted(): Promise<void> {
    if (this.ready) {
      return;
    }
    if (this.failure !== null) {
      throw this.failure;
    }
    await Promise.race([
      this.started,
      new Promise<void>((_resolve, reject) => {
        this.onFailure = reject;
      }),
    ]);
  }

  private onFailure: (e: unknown) => void = () => undefined;

  private fail(e: unknown): void {
    this.failure ??= e;
    this.onFailure(this.failure);
    for (const w of this.waiting.splice(0)) {
      w.reject(this.failure);
    }
  }

  run(task: CheckWorkerTask): Promise<CheckWorkerResult> {
    if (this.failure !== null) {
      return Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(task, [task.bytes.buffer as ArrayBuffer]);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** A chunk's result: output (text from this thread, UTF-8 from a worker) and its tallies. */
interface ChunkResult {
  out: Uint8Array | string;
  failed: boolean;
  summary: SummaryData;
}

/** Chunks queued per worker before the main thread checks the next chunk itself. */
const WORKER_QUEUE = 4;

/** Young generation of each worker's heap, in MB (V8's default grows to about 48). */
const WORKER_YOUNG_GENERATION_MB = 8;

/** A chunk handed out, and its result once it is there. */
interface Pending {
  promise: Promise<ChunkResult>;
  result: ChunkResult | null;
}

/**
 * The main thread reads and splits the file into chunks of whole lines. Each chunk goes to the
 * ready worker with the shortest queue, or, when every worker already has WORKER_QUEUE chunks
 * waiting or none has started yet, is checked on the main thread, so the main thread is one more
 * worker and the queues balance themselves. Results are written in input order as soon as they
 * are next in line; at most `workers × WORKER_QUEUE × 2 + 2` chunks are in flight (the main
 * thread then waits for the oldest), so memory stays flat whatever the file size. Returns whether
 * any dossier failed.
 */
async function checkInWorkers(
  file: string,
  count: number,
  data: CheckWorkerData,
  out: BatchedWriter,
  summary: Summary,
  onBytes: ((bytes: number) => void) | undefined,
  awaitWorkers: boolean,
): Promise<boolean> {
  const pool = Array.from({ length: count }, () => new CheckWorker(data));
  const local = new ItemChecker(
    data.json,
    {
      asOf: data.asOf,
      settings: data.settings,
      calendar: createWorkdayCalendar(data.holidayTables),
    },
    new Summary(),
  );
  const inFlight: Pending[] = [];
  const limit = count * WORKER_QUEUE * 2 + 2;
  let failed = false;
  const write = async (result: ChunkResult): Promise<void> => {
    summary.merge(result.summary);
    if (result.failed) {
      failed = true;
    }
    if (typeof result.out === 'string') {
      const pending = out.push(result.out);
      if (pending !== null) {
        await pending;
      }
    } else {
      await out.writeBytes(result.out);
    }
  };
  /** Writes the results that are next in line; with `wait`, waits for the oldest first. */
  const settle = async (wait: boolean): Promise<void> => {
    if (wait && inFlight.length > 0) {
      await (inFlight[0] as Pending).promise;
    }
    while (inFlight.length > 0 && (inFlight[0] as Pending).result !== null) {
      await write((inFlight.shift() as Pending).result as ChunkResult);
    }
  };
  try {
    if (awaitWorkers) {
      await Promise.all(pool.map((w) => w.whenStarted()));
    }
    for await (const chunk of readJsonLineChunks(file, onBytes, true)) {
      let worker: CheckWorker | null = null;
      for (const w of pool) {
        if (w.ready && (worker === null || w.queued < worker.queued)) {
          worker = w;
        }
      }
      if (worker !== null && worker.queued < WORKER_QUEUE) {
        // A copy of its own, so the chunk can move to the worker without a second copy.
        const bytes = new Uint8Array(chunk.bytes.length);
        bytes.set(chunk.bytes);
        const entry: Pending = {
          promise: worker.run({ bytes, firstLine: chunk.firstLine }),
          result: null,
        };
        // Awaited in order by settle(); the catch only keeps a worker crash from being an
        // unhandled rejection before then.
        entry.promise.then(
          (r) => {
            entry.result = r;
          },
          () => undefined,
        );
        inFlight.push(entry);
      } else {
        const {
          text,
          failed: chunkFailed,
          summary: tallies,
        } = local.checkChunk(chunk.bytes, chunk.firstLine);
        const result: ChunkResult = { out: text, failed: chunkFailed, summary: tallies };
        inFlight.push({ promise: Promise.resolve(result), result });
      }
      await settle(inFlight.length >= limit);
    }
    while (inFlight.length > 0) {
      await settle(true);
    }
  } finally {
    await Promise.all(pool.map((w) => w.stop()));
  }
  return failed;
}

function reportFatal(e: unknown, io: CheckIo): number {
  if (
    e instanceof DossierFileError ||
    e instanceof SettingsError ||
    e instanceof HolidayFileError ||
    // services/dossier-xlsx.ts (and exceljs) load only for .xlsx input, so match it by name.
    (e instanceof Error && e.name === 'DossierXlsxError' && 'code' in e)
  ) {
    io.stderr.write(`错误（${String(e.code)}）：${e.message}\n`);
    return 2;
  }
  throw e;
}

function parseDateOption(value: string): IsoDate {
  const date = parseIsoDate(value);
  if (date === null) {
    throw new InvalidArgumentError(`不是有效日期（应写作 YYYY-MM-DD）：${value}`);
  }
  return date;
}

function parseWorkersOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 64) {
    throw new InvalidArgumentError(`工作线程数应为 0 到 64 的整数：${value}`);
  }
  return n;
}

/** Today's calendar date where the command runs (the CLI may read the clock; the domain may not). */
export function today(): IsoDate {
  const d = new Date();
  return formatDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description('检查发展党员档案（.json、.jsonl 或 .xlsx）是否符合发展党员工作细则')
    .argument('<file>', '档案文件')
    .option('--as-of <date>', '检查日期（默认今天）：晚于各期限仍缺的步骤按违规计', parseDateOption)
    .option('--json', '每份档案输出一行 JSON（按输入顺序）')
    .option('--settings <path>', '本地设置 JSON 文件（地方口径）')
    .option('--holidays <path>', '补充的节假日安排 JSON 文件')
    .option(
      '--workers <n>',
      '.jsonl 输入另开的工作线程数，主线程也参与检查（0 = 不另开；默认：16 MB 以上的文件为 CPU 核数减一）',
      parseWorkersOption,
    )
    .action(
      async (
        file: string,
        opts: {
          asOf?: IsoDate;
          json?: boolean;
          settings?: string;
          holidays?: string;
          workers?: number;
        },
      ) => {
        const options: CheckOptions = {
          file,
          asOf: opts.asOf ?? today(),
          json: opts.json === true,
        };
        if (opts.settings !== undefined) {
          options.settingsPath = opts.settings;
        }
        if (opts.holidays !== undefined) {
          options.holidaysPath = opts.holidays;
        }
        if (opts.workers !== undefined) {
          options.workers = opts.workers;
        }
        process.exitCode = await runCheck(options, {
          stdout: process.stdout,
          stderr: process.stderr,
          now: () => performance.now(),
        });
      },
    );
}
