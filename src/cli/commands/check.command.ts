/**
 * `zugong check FILE [--as-of D] [--json] [--settings local.json] [--holidays table.json]`
 * (dossier-format.md §4): checks every dossier of a file against the 发展党员 rules.
 * Exit status: 0 nothing at error level and every line read; 1 an error finding or an
 * unreadable line; 2 the input as a whole is unusable.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import { formatDate, parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { createWorkdayCalendar, type WorkdayCalendar } from '../../domain/calendar/workdays';
import { readDossier } from '../../domain/dossier/read-dossier';
import { STEP_TITLES, type Dossier, type InputError } from '../../domain/dossier/types';
import { DEVELOPMENT_CATALOGUE, evaluate } from '../../domain/rules/catalogue';
import type { Evaluation, Finding, Severity } from '../../domain/rules/engine';
import { resolveSettings, SettingsError, type Settings } from '../../domain/rules/settings';
import { DossierFileError, fileSize, readDossierFile } from '../../services/dossier-stream';
import { DossierXlsxError } from '../../services/dossier-xlsx';
import { HolidayFileError, loadHolidayFile } from '../../services/holiday-file';

export interface CheckOptions {
  file: string;
  asOf: IsoDate;
  json: boolean;
  settingsPath?: string;
  holidaysPath?: string;
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
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '提醒', info: '提示' };

interface RuleTally {
  error: number;
  warning: number;
  info: number;
}

class Summary {
  dossiers = 0;
  unreadable = 0;
  withErrors = 0;
  warningsOnly = 0;
  clean = 0;
  readonly byRule = new Map<string, RuleTally>();
  readonly byCode = new Map<string, number>();

  add(findings: readonly Finding[]): void {
    this.dossiers += 1;
    let hasError = false;
    for (const f of findings) {
      let tally = this.byRule.get(f.rule);
      if (tally === undefined) {
        tally = { error: 0, warning: 0, info: 0 };
        this.byRule.set(f.rule, tally);
      }
      tally[f.severity] += 1;
      if (f.severity === 'error') {
        hasError = true;
      }
    }
    if (hasError) {
      this.withErrors += 1;
    } else if (findings.length > 0) {
      this.warningsOnly += 1;
    } else {
      this.clean += 1;
    }
  }

  addUnreadable(code: string): void {
    this.dossiers += 1;
    this.unreadable += 1;
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }
}

/** One dossier in the readable Chinese report. */
export function formatDossierReport(dossier: Dossier, result: Evaluation): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const head = `【${dossier.id} ${dossier.name}（${dossier.branch}）】`;
  const lines: string[] = [];
  lines.push(
    result.findings.length === 0
      ? `${head}未发现问题`
      : `${head}${errors} 项错误，${warnings} 项提醒`,
  );
  for (const f of result.findings) {
    const step = f.step === null ? '' : `［${STEP_TITLES[f.step]}］`;
    lines.push(
      `  ${f.severity === 'error' ? '✗' : '!'} ${SEVERITY_LABEL[f.severity]} ${f.rule}${step}${f.message}`,
    );
    lines.push(`      依据：${f.citation}`);
  }
  if (result.next.length > 0) {
    const parts = result.next.map((n) => {
      const range: string[] = [];
      if (n.earliest !== null) {
        range.push(`最早 ${n.earliest}`);
      }
      if (n.latest !== null) {
        range.push(`最迟 ${n.latest}`);
      }
      return `${STEP_TITLES[n.step]}${range.length > 0 ? `（${range.join('，')}）` : ''}`;
    });
    lines.push(`  下一步：${parts.join('；')}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatUnreadable(line: number, id: string | null, error: InputError): string {
  return `【第${line}行${id === null ? '' : ` ${id}`}】无法读取（${error.code}）：${error.message}\n`;
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

async function loadCalendar(path: string | undefined): Promise<WorkdayCalendar> {
  return createWorkdayCalendar(path === undefined ? [] : await loadHolidayFile(path));
}

/** Large files get a progress bar on a terminal. */
const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;

/** Runs the check and returns the exit status. */
export async function runCheck(options: CheckOptions, io: CheckIo): Promise<number> {
  let settings: Settings;
  let calendar: WorkdayCalendar;
  let total: number;
  try {
    settings = await loadSettings(options.settingsPath);
    calendar = await loadCalendar(options.holidaysPath);
    total = await fileSize(options.file);
  } catch (e) {
    return reportFatal(e, io);
  }
  const out = new BatchedWriter(io.stdout);
  const summary = new Summary();
  const evalOptions = { asOf: options.asOf, settings, calendar };
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
  let failed = false;
  try {
    for await (const batch of readDossierFile(options.file, onBytes)) {
      for (const item of batch) {
        let text: string;
        if (item.error !== undefined) {
          summary.addUnreadable(item.error.code);
          failed = true;
          text = options.json
            ? `${JSON.stringify({ line: item.line, id: null, error: item.error })}\n`
            : formatUnreadable(item.line, null, item.error);
        } else {
          const read = readDossier(item.raw, item.line);
          if (!read.ok) {
            summary.addUnreadable(read.error.code);
            failed = true;
            text = options.json
              ? `${JSON.stringify({ line: item.line, id: read.id, error: read.error })}\n`
              : formatUnreadable(item.line, read.id, read.error);
          } else {
            const result = evaluate(read.dossier, evalOptions);
            summary.add(result.findings);
            for (const f of result.findings) {
              if (f.severity === 'error') {
                failed = true;
              }
            }
            text = options.json
              ? `{"id":${JSON.stringify(read.dossier.id)},"findings":${JSON.stringify(result.findings)},"next":${JSON.stringify(result.next)}}\n`
              : formatDossierReport(read.dossier, result);
          }
        }
        const pending = out.push(text);
        if (pending !== null) {
          await pending;
        }
      }
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

function reportFatal(e: unknown, io: CheckIo): number {
  if (
    e instanceof DossierFileError ||
    e instanceof SettingsError ||
    e instanceof HolidayFileError ||
    e instanceof DossierXlsxError
  ) {
    io.stderr.write(`错误（${e.code}）：${e.message}\n`);
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
    .action(
      async (
        file: string,
        opts: { asOf?: IsoDate; json?: boolean; settings?: string; holidays?: string },
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
        process.exitCode = await runCheck(options, {
          stdout: process.stdout,
          stderr: process.stderr,
          now: () => performance.now(),
        });
      },
    );
}
