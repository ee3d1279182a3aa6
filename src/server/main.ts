/**
 * Starts the workbench: connects, migrates, seeds the demo township into an empty database,
 * serves the API and the web app, and prints how to log in.
 */
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { connectDatabase, migrateToLatest } from '../db/connect';
import type { ServiceContext } from '../services/context';
import { isDatabaseEmpty, seedDemo } from '../services/demo/seed';
import { DEMO_AREA_CODE, DEMO_PASSWORD, DEMO_USERNAMES } from '../services/demo/demo-township';
import { ROLE_LABELS } from '../domain/access';
import { buildServer } from './build-server';
import { readConfig } from './config';

export const WEB_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export async function startServer(options: { seedDemo: boolean }): Promise<void> {
  const config = readConfig();
  const handle = await connectDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
  });
  await migrateToLatest(handle);
  const ctx: ServiceContext = { db: handle.db, now: () => new Date() };
  if (options.seedDemo && (await isDatabaseEmpty(handle.db))) {
    const seeded = await seedDemo(ctx, { mustChangePassword: config.production });
    console.log(`已生成演示数据：云岭县青山镇，组织 ${seeded.orgs} 个，人员 ${seeded.people} 名。`);
  }
  const demoAccounts = await handle.db
    .selectFrom('account')
    .select(['username', 'role', 'displayName'])
    .where('areaCode', '=', DEMO_AREA_CODE)
    .where('username', 'in', DEMO_USERNAMES)
    .orderBy('id')
    .execute();
  if (demoAccounts.length > 0) {
    const note = config.production ? '，首次登录须修改' : '';
    console.log(`演示账号（初始密码均为 ${DEMO_PASSWORD}${note}）：`);
    for (const account of demoAccounts) {
      console.log(
        `  ${account.username.padEnd(8)} ${ROLE_LABELS[account.role]}（${account.displayName}）`,
      );
    }
  }
  const { app } = await buildServer({
    ctx,
    webRoot: WEB_ROOT,
    secureCookie: config.secureCookie,
    logger: false,
    uploadDir: join(config.dataDir, 'tmp'),
  });
  const close = async (): Promise<void> => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen({ port: config.port, host: config.host });
  console.log(`数据库：${handle.location}`);
  console.log(`组工通已启动：http://localhost:${config.port}`);
}
