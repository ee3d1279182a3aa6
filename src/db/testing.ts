/**
 * Test harness: the same repository and service tests run on SQLite always and on
 * PostgreSQL when TEST_DATABASE_URL is set (each test database in its own schema).
 */
import { randomBytes } from 'node:crypto';
import { connectDatabase, dropTestSchema, migrateToLatest, type DatabaseHandle } from './connect';

export interface TestDatabaseTarget {
  name: string;
  open(): Promise<DatabaseHandle>;
}

export function testDatabaseTargets(): TestDatabaseTarget[] {
  // TEST_DATABASE_ONLY=postgres runs the database tests on PostgreSQL alone (CI's second pass).
  const only = process.env['TEST_DATABASE_ONLY'];
  const targets: TestDatabaseTarget[] = [
    {
      name: 'sqlite',
      open: async () => {
        const handle = await connectDatabase({ sqliteFile: ':memory:' });
        await migrateToLatest(handle);
        return handle;
      },
    },
  ];
  const url = process.env['TEST_DATABASE_URL'];
  if (url !== undefined && url !== '') {
    targets.push({
      name: 'postgres',
      open: async () => {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const handle = await connectDatabase({ databaseUrl: url, pgSchema: schema });
        await migrateToLatest(handle);
        return {
          ...handle,
          close: async () => {
            await handle.close();
            await dropTestSchema(url, schema);
          },
        };
      },
    });
  }
  return only === undefined || only === '' ? targets : targets.filter((t) => t.name === only);
}
