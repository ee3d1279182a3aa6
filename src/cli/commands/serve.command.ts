import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      '启动组工通网页服务（PORT 指定端口，ZUGONG_DATA_DIR 指定数据目录，DATABASE_URL 切换 PostgreSQL）',
    )
    .option('--no-demo', '空数据库时不生成演示数据')
    .action(async (options: { demo: boolean }) => {
      // Loaded on demand so that other commands do not pay for the web server's start-up.
      const { startServer } = await import('../../server/main');
      await startServer({ seedDemo: options.demo });
    });
}
