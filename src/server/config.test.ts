import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('readConfig', () => {
  it('uses SQLite in ZUGONG_DATA_DIR when DATABASE_URL is unset or empty', () => {
    for (const env of [
      { ZUGONG_DATA_DIR: '/tmp/x' },
      { ZUGONG_DATA_DIR: '/tmp/x', DATABASE_URL: '' },
    ]) {
      const config = readConfig(env);
      expect(config.databaseUrl).toBeUndefined();
      expect(config.sqliteFile).toBe(join(resolve('/tmp/x'), 'zugong.db'));
    }
    expect(readConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
  });

  it('refuses a port outside 1–65535, naming it', () => {
    expect(() => readConfig({ PORT: '70000' })).toThrow('PORT 必须是 1–65535 之间的整数：70000');
    expect(readConfig({ PORT: '65535' }).port).toBe(65535);
  });
});
