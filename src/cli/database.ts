/** The database a command works on: the same settings as the server (DATABASE_URL, ZUGONG_DATA_DIR). */
import { existsSync } from 'node:fs';
import { connectDatabase, migrateToLatest, type DatabaseHandle } from '../db/connect';
import { readConfig } from '../server/config';

export async function openCliDatabase(): Promise<DatabaseHandle> {
  const config = readConfig();
  if (config.databaseUrl === undefined && !existsSync(config.sqliteFile)) {
    throw new Error(
      `找不到数据库文件：${config.sqliteFile}（请先运行 npm start，或设置 ZUGONG_DATA_DIR / DATABASE_URL）`,
    );
  }
  const handle = await connectDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: config.sqliteFile,
  });
  await migrateToLatest(handle);
  return handle;
}
