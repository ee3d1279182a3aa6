import type { Command } from 'commander';
import { connectDatabase, migrateToLatest } from '../../db/connect';
import { ROLE_LABELS } from '../../domain/access';
import { readConfig } from '../../server/config';
import { isDatabaseEmpty, seedDemo } from '../../services/demo/seed';

/** `zugong gen demo`: writes the demo township into an empty database. */
export function registerGenDemoCommand(gen: Command): void {
  gen
    .command('demo')
    .description(
      '向空数据库写入演示乡镇（虚构的云岭县青山镇：12 个村和社区、约 900 名人员、各角色演示账号）',
    )
    .option('--seed <s>', '随机种子（相同种子生成相同数据）', '2026')
    .action(async (options: { seed: string }) => {
      const config = readConfig();
      const handle = await connectDatabase({
        databaseUrl: config.databaseUrl,
        sqliteFile: config.sqliteFile,
      });
      try {
        await migrateToLatest(handle);
        if (!(await isDatabaseEmpty(handle.db))) {
          process.stderr.write(`数据库已有组织数据，未写入演示数据：${handle.location}\n`);
          process.exitCode = 1;
          return;
        }
        const seed = /^\d+$/.test(options.seed) ? Number(options.seed) : options.seed;
        const result = await seedDemo(
          { db: handle.db, now: () => new Date() },
          { seed, mustChangePassword: config.production },
        );
        process.stdout.write(
          `已写入演示乡镇：组织 ${result.orgs} 个，人员 ${result.people} 名（${handle.location}）。\n`,
        );
        for (const account of result.accounts) {
          process.stdout.write(
            `  ${account.username.padEnd(8)} ${ROLE_LABELS[account.role]}，密码 ${result.password}\n`,
          );
        }
      } finally {
        await handle.close();
      }
    });
}
