/** Runtime settings from the environment, read once by the composition roots. */
import { join, resolve } from 'node:path';

export interface RuntimeConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
  production: boolean;
  secureCookie: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const dataDir = resolve(env['ZUGONG_DATA_DIR'] ?? './data');
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT 必须是 1–65535 之间的整数：${env['PORT']}`);
  }
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    dataDir,
    // An empty DATABASE_URL (as `DATABASE_URL= zugong …` leaves it) means none: SQLite.
    databaseUrl: env['DATABASE_URL'] === '' ? undefined : env['DATABASE_URL'],
    sqliteFile: join(dataDir, 'zugong.db'),
    production: env['NODE_ENV'] === 'production',
    secureCookie: env['ZUGONG_SECURE_COOKIE'] === '1',
  };
}
