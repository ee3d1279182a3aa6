/**
 * `zugong workdays add --from D --days N`, `count --from D --to D`, `notice --from D [--days 5]`:
 * working days with the pinned 节假日 tables, warning for a year without one.
 */
import type { Command } from 'commander';
import { AppError } from '../../services/errors';
import { calculateWorkdays, type WorkdaysView } from '../../services/handbook/handbook.service';

function print(view: WorkdaysView, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
  } else {
    const lines = [view.explanation, ...view.warnings.map((w) => `注意：${w}`)];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  for (const w of json ? view.warnings : []) {
    process.stderr.write(`注意：${w}\n`);
  }
}

function run(input: Parameters<typeof calculateWorkdays>[0], json: boolean): void {
  try {
    print(calculateWorkdays(input), json);
  } catch (e) {
    if (e instanceof AppError) {
      process.stderr.write(`错误（${e.code}）：${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}

export function registerWorkdaysCommand(program: Command): void {
  const workdays = program
    .command('workdays')
    .description('工作日计算（周末、法定节假日不计，调休上班日计入）');
  workdays
    .command('add')
    .description('从某日起的第 N 个工作日（当天是工作日则计为第 1 天）')
    .requiredOption('--from <date>', '开始日期 YYYY-MM-DD')
    .requiredOption('--days <n>', '工作日数')
    .option('--json', '输出 JSON')
    .action((o: { from: string; days: string; json?: boolean }) =>
      run({ mode: 'add', start: o.from, days: o.days }, o.json === true),
    );
  workdays
    .command('count')
    .description('两日之间（首尾都计入）的工作日数')
    .requiredOption('--from <date>', '开始日期 YYYY-MM-DD')
    .requiredOption('--to <date>', '结束日期 YYYY-MM-DD')
    .option('--json', '输出 JSON')
    .action((o: { from: string; to: string; json?: boolean }) =>
      run({ mode: 'count', start: o.from, end: o.to }, o.json === true),
    );
  workdays
    .command('notice')
    .description('公示结束日：从开始日起 N 个工作日（默认 5），及下一步骤最早日期')
    .requiredOption('--from <date>', '公示开始日期 YYYY-MM-DD')
    .option('--days <n>', '公示工作日数', '5')
    .option('--json', '输出 JSON')
    .action((o: { from: string; days: string; json?: boolean }) =>
      run({ mode: 'notice', start: o.from, days: o.days }, o.json === true),
    );
}
