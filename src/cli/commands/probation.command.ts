/**
 * `zugong probation --admission 2025-07-01 [--extension 6] [--as-of 2026-11-27] [--json]`:
 * 预备期满 and 党龄, with the one allowed extension.
 */
import type { Command } from 'commander';
import { AppError } from '../../services/errors';
import { calculateMembershipAge } from '../../services/handbook/handbook.service';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function registerProbationCommand(program: Command): void {
  program
    .command('probation')
    .description('预备期满与党龄：从接收预备党员的支部大会日期推算（可含延长预备期）')
    .requiredOption('--admission <date>', '支部大会通过接收为预备党员的日期 YYYY-MM-DD')
    .option('--extension <months>', '延长预备期的月数（6—12，只能一次）')
    .option('--as-of <date>', '计算党龄的日期，默认今天')
    .option('--json', '输出 JSON')
    .action((o: { admission: string; extension?: string; asOf?: string; json?: boolean }) => {
      try {
        const v = calculateMembershipAge({
          admissionMeetingDate: o.admission,
          extensionMonths: o.extension,
          asOf: o.asOf ?? today(),
        });
        if (o.json === true) {
          process.stdout.write(`${JSON.stringify(v, null, 2)}\n`);
        } else {
          const standing =
            v.partyStanding === null
              ? `截至 ${v.asOf} 仍在预备期`
              : `截至 ${v.asOf} 党龄 ${v.partyStanding.years} 年 ${v.partyStanding.months} 个月`;
          const lines = [
            `预备期满：${v.probationEnd}${v.probationEnd === v.regularProbationEnd ? '' : `（原定 ${v.regularProbationEnd}，含延长）`}`,
            `党龄起算：${v.fullMemberSince}（转为正式党员之日）`,
            standing,
            ...v.problems.map((p) => `问题（${p.rule}）：${p.message}`),
            ...v.ruleRefs.map((r) => `规则：${r.id} ${r.title}，${r.citations[0]?.text ?? ''}`),
            '',
          ];
          process.stdout.write(lines.join('\n'));
        }
        if (v.problems.length > 0) {
          process.exitCode = 1;
        }
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
