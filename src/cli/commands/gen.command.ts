import { InvalidArgumentError, type Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar/date';
import { DEFAULT_GEN_AS_OF, writeDossierLines } from '../../services/gen/dossiers';

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 100_000_000) {
    throw new InvalidArgumentError(`份数应为 0 到 100000000 之间的整数：${value}`);
  }
  return n;
}

function parseShare(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError(`比例应为 0 到 1 之间的小数：${value}`);
  }
  return n;
}

function parseDate(value: string): string {
  const date = parseIsoDate(value);
  if (date === null) {
    throw new InvalidArgumentError(`不是有效日期（应写作 YYYY-MM-DD）：${value}`);
  }
  return date;
}

export function registerGenCommand(program: Command): void {
  const gen = program.command('gen').description('生成测试用的虚构数据');
  gen
    .command('dossiers')
    .description(
      '生成虚构的发展党员档案（JSON Lines，输出到标准输出）：多数合规，约15%各含一处已知问题，' +
        '以 injectedFlaw 字段标明规则编号；同一种子输出相同',
    )
    .option('--count <n>', '档案份数', parseCount, 1000)
    .option('--seed <s>', '随机种子（相同种子生成相同数据）', '1')
    .option('--as-of <date>', '截止日期：晚于此日的步骤不生成', parseDate, DEFAULT_GEN_AS_OF)
    .option('--flaw-share <p>', '含问题档案的比例', parseShare, 0.15)
    .action(async (options: { count: number; seed: string; asOf: string; flawShare: number }) => {
      await writeDossierLines(
        {
          count: options.count,
          seed: options.seed,
          asOf: options.asOf,
          flawShare: options.flawShare,
        },
        process.stdout,
      );
    });
}
