/**
 * Test fixture: a migrated database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set)
 * holding the demo township, with a movable clock and the demo accounts as actors.
 */
import type { DatabaseHandle } from '../db/connect';
import { testDatabaseTargets, type TestDatabaseTarget } from '../db/testing';
import { actorFor } from './account.service';
import type { Actor, ServiceContext } from './context';
import { seedDemo } from './demo/seed';

export interface TestWorld {
  handle: DatabaseHandle;
  ctx: ServiceContext;
  clock: { now: Date };
  /** Demo accounts by username: xianji, zuzhi, shuji, xuncha. */
  actors: Record<string, Actor>;
  orgIdByName(name: string): Promise<number>;
  close(): Promise<void>;
}

export { testDatabaseTargets, type TestDatabaseTarget };

export async function openTestWorld(target: TestDatabaseTarget): Promise<TestWorld> {
  const handle = await target.open();
  const clock = { now: new Date('2026-11-27T02:00:00Z') };
  const ctx: ServiceContext = { db: handle.db, now: () => clock.now };
  await seedDemo(ctx, { mustChangePassword: false });
  const rows = await handle.db
    .selectFrom('account')
    .innerJoin('org', 'org.id', 'account.scopeOrgId')
    .selectAll('account')
    .select(['org.name as scopeOrgName', 'org.path as scopePath'])
    .execute();
  const actors = Object.fromEntries(rows.map((r) => [r.username, actorFor(r)]));
  return {
    handle,
    ctx,
    clock,
    actors,
    orgIdByName: async (name) => {
      const row = await handle.db
        .selectFrom('org')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return row.id;
    },
    close: () => handle.close(),
  };
}
