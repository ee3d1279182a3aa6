/**
 * `zugong plan --from 2025-03-01 [--json] [--settings local.json] [--holidays table.json]`:
 * the 推算表 — the earliest compliant date of every step from an application date.
 */
import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { createWorkdayCalendar } from '../../domain/calendar/workdays';
import { resolveSettings, SettingsError } from '../../domain/rules/settings';
import { planTimeline, type PlanRow } from '../../domain/rules/timeline';
import { HolidayFileError, loadHolidayFile } from '../../services/holiday-file';

function parseDateOption(value: string): IsoDate {
  const date = parseIsoDate(value);
  if (date === null) {
    throw new InvalidArgumentError(`不是有效日期（应写作 YYYY-MM-DD）：${value}`);
  }
  return date;
}

/** The 推算表 as readable Chinese text. */
export function formatPlan(from: IsoDate, rows: readonly PlanRow[]): string {
  const lines = [`发展党员推算表（递交入党申请书：${from}）`, ''];
  rows.forEach((r, i) => {
    const latest = r.latest === null ? '' : `，最迟 ${r.latest}`;
    const rule = r.rule === null ? '' : `［${r.rule}］`;
    lines.push(
      `${String(i + 1).padStart(2, ' ')}. ${r.title.padEnd(14, '　')} 最早 ${r.earliest ?? '—'}${latest}${rule} ${r.note}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('推算表：从递交入党申请书之日推算 25 个步骤各自最早的合规日期')
    .requiredOption('--from <date>', '递交入党申请书的日期', parseDateOption)
    .option('--json', '输出 JSON')
    .option('--settings <path>', '本地设置 JSON 文件（地方口径）')
    .option('--holidays <path>', '补充的节假日安排 JSON 文件')
    .action(
      async (opts: { from: IsoDate; json?: boolean; settings?: string; holidays?: string }) => {
        try {
          let patch: unknown = {};
          if (opts.settings !== undefined) {
            try {
              patch = JSON.parse(await readFile(opts.settings, 'utf8')) as unknown;
            } catch {
              throw new SettingsError(
                `无法读取本地设置文件（或不是有效的 JSON）：${opts.settings}`,
              );
            }
          }
          const settings = resolveSettings(patch);
          const calendar = createWorkdayCalendar(
            opts.holidays === undefined ? [] : await loadHolidayFile(opts.holidays),
          );
          const rows = planTimeline(opts.from, { settings, calendar });
          process.stdout.write(
            opts.json === true
              ? `${JSON.stringify({ from: opts.from, steps: rows }, null, 2)}\n`
              : formatPlan(opts.from, rows),
          );
        } catch (e) {
          if (e instanceof SettingsError || e instanceof HolidayFileError) {
            process.stderr.write(`错误（${e.code}）：${e.message}\n`);
            process.exitCode = 2;
            return;
          }
          throw e;
        }
      },
    );
}
