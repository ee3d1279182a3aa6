/**
 * `zugong term-dates --start 2021-03-01 [--years 5] [--json]`: 换届 dates from a term start —
 * term end, the 90-day reminder, the one-year delay limit (ELC-01) and the 换届 plan steps.
 */
import type { Command } from 'commander';
import { AppError } from '../../services/errors';
import { calculateTermDates } from '../../services/handbook/handbook.service';

export function registerTermDatesCommand(program: Command): void {
  program
    .command('term-dates')
    .description('换届日期：由本届任期开始日期推算届满日、提醒起始日、延期上限和换届工作计划')
    .requiredOption('--start <date>', '本届任期开始日期 YYYY-MM-DD')
    .option('--years <n>', '任期年数（村、社区党组织和村委会为 5）', '5')
    .option('--json', '输出 JSON')
    .action((o: { start: string; years: string; json?: boolean }) => {
      try {
        const v = calculateTermDates({ termStart: o.start, years: o.years });
        if (o.json === true) {
          process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
          return;
        }
        const lines = [
          `任期届满：${v.termEnd}（${v.termStart} 起 ${v.years} 年）`,
          `提醒起始：${v.reminderFrom}（届满前 90 天仍未安排选举即提醒）`,
          `经批准延期最迟：${v.latestWithApproval}（一般不超过 1 年）`,
          '换届工作计划（以届满日为选举日倒排）：',
          ...v.steps.map(
            (s) => `  ${s.dueDate} ${s.title}${s.isStatutory ? '' : '（地方口径）'} — ${s.source}`,
          ),
          ...v.ruleRefs.map((r) => `规则：${r.id} ${r.title}，${r.citations[0]?.text ?? ''}`),
          '',
        ];
        process.stdout.write(lines.join('\n'));
      } catch (e) {
        if (e instanceof AppError) {
          process.stderr.write(`错误（${e.code}）：${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
    });
}
