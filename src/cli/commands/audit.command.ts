import type { Command } from 'commander';
import { verifyAuditChain } from '../../services/audit.service';
import { openCliDatabase } from '../database';

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('重新计算审计日志的哈希链，指出第一条被改动、删除或插入的记录')
    .option('--json', '以 JSON 输出结果')
    .action(async (options: { json?: boolean }) => {
      const handle = await openCliDatabase();
      try {
        const result = await verifyAuditChain(handle.db);
        if (options.json === true) {
          process.stdout.write(`${JSON.stringify(result)}\n`);
        } else if (result.ok) {
          process.stdout.write(`审计日志完整：共核验 ${result.checked} 条，哈希链无断点。\n`);
        } else {
          process.stdout.write(
            `审计日志被改动：第 ${result.broken?.seq ?? '?'} 条核验失败——${result.broken?.reason ?? ''}（此前 ${result.checked} 条完好）。\n`,
          );
        }
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await handle.close();
      }
    });
}
