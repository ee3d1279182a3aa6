/**
 * `zugong dues --income 5000.01 [--category 在职|离退休|农民|学生|困难] [--farmer-amount 0.5] [--json]`:
 * the monthly 党费 and the rule it follows.
 */
import type { Command } from 'commander';
import { AppError } from '../../services/errors';
import { calculateDuesView, type DuesView } from '../../services/handbook/handbook.service';

/**
 * The result as JSON with money as numbers written with two decimals (75.00, not 75), as the
 * 党费 tables print them; still valid JSON.
 */
export function duesJson(view: DuesView): string {
  const money = (yuan: string | null) => (yuan === null ? 'null' : yuan);
  const rest = JSON.stringify(
    {
      rule: view.rule,
      category: view.category,
      rate: view.rate,
      basis: view.basis,
      ruleTitle: view.ruleTitle,
      citation: view.citation,
      notes: view.notes,
    },
    null,
    2,
  );
  return `{\n  "monthly": ${view.monthly},\n  "income": ${money(view.income)},\n  "monthlyFen": ${view.monthlyFen},${rest.slice(1)}\n`;
}

export function formatDues(view: DuesView): string {
  return [
    `每月党费：${view.monthly} 元`,
    `依据：${view.basis}`,
    `规则：${view.rule} ${view.ruleTitle}`,
    `出处：${view.citation}`,
    ...view.notes.map((n) => `说明：${n}`),
    '',
  ].join('\n');
}

export function registerDuesCommand(program: Command): void {
  program
    .command('dues')
    .description('党费计算：按党员类别和月收入（元）给出每月党费及所依据的规则')
    .option('--income <元>', '税后月工资收入或基本离退休费，如 5000.01')
    .option('--category <类别>', '在职、离退休、农民、学生、困难', '在职')
    .option('--farmer-amount <元>', '本省农民党员每月党费标准（0.2—1 元）')
    .option('--json', '输出 JSON')
    .action(
      (opts: { income?: string; category: string; farmerAmount?: string; json?: boolean }) => {
        try {
          const view = calculateDuesView({
            income: opts.income,
            category: opts.category,
            farmerAmount: opts.farmerAmount,
          });
          process.stdout.write(opts.json === true ? duesJson(view) : formatDues(view));
        } catch (e) {
          if (e instanceof AppError) {
            process.stderr.write(`错误（${e.code}）：${e.message}\n`);
            process.exitCode = 2;
            return;
          }
          throw e;
        }
      },
    );
}
