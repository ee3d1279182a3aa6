/**
 * `zugong votes --expected 20 --present 17 --seats 5 [--date 2026-11-27] [--kind 村民委员会] [--json]`:
 * the turnout, votes and candidates an election needs (ELC-04/05/07, VC-06).
 */
import type { Command } from 'commander';
import { AppError } from '../../services/errors';
import { calculateElectionThresholds } from '../../services/handbook/handbook.service';

export function registerVotesCommand(program: Command): void {
  program
    .command('votes')
    .description('选举门槛：由应到、实到、应选人数给出有效到会人数、当选所需票数和候选人数')
    .requiredOption('--expected <n>', '应到会有选举权人数（村委会：登记选民数）')
    .requiredOption('--present <n>', '实到会人数（村委会：参加投票人数）')
    .requiredOption('--seats <n>', '应选人数')
    .option('--date <date>', '选举日期（2020-07-13 前后当选标准不同），默认今天')
    .option('--kind <kind>', '党组织委员会 或 村民委员会', '党组织委员会')
    .option('--json', '输出 JSON')
    .action(
      (o: {
        expected: string;
        present: string;
        seats: string;
        date?: string;
        kind: string;
        json?: boolean;
      }) => {
        try {
          const v = calculateElectionThresholds({
            ...o,
            date: o.date ?? new Date().toISOString().slice(0, 10),
          });
          const lines =
            o.json === true
              ? [JSON.stringify(v, null, 2)]
              : [
                  ...v.explanation,
                  ...v.ruleRefs.map(
                    (r) => `规则：${r.id} ${r.title}，${r.citations[0]?.text ?? ''}`,
                  ),
                ];
          process.stdout.write(`${lines.join('\n')}\n`);
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
