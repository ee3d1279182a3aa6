import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deferIndexes, type DatabaseHandle } from './connect';
import type { Database } from './schema';
import { testDatabaseTargets } from './testing';

/** Every index of `person` with its definition, as the dialect stores it. */
async function personIndexes(handle: DatabaseHandle): Promise<string[]> {
  const rows =
    handle.kind === 'sqlite'
      ? await sql<{ d: string }>`
          select name || ': ' || sql as d from sqlite_master
          where type = 'index' and tbl_name = 'person' and sql is not null`.execute(handle.db)
      : await sql<{ d: string }>`
          select indexname || ': ' || indexdef as d from pg_indexes
          where tablename = 'person' and schemaname = current_schema()`.execute(handle.db);
  return rows.rows.map((r) => r.d).sort();
}

async function addPeople(db: Kysely<Database>, from: number, count: number): Promise<void> {
  const rows = Array.from({ length: count }, (_, k) => ({
    name: `批量${from + k}`,
    gender: '男' as const,
    idNumber: `99010219800101${String(from + k).padStart(4, '0')}`,
    areaCode: '990102',
    createdAt: '2026-11-27T00:00:00Z',
    namePinyin: `piliang${from + k}`,
    nameInitials: 'pl',
  }));
  await db.insertInto('person').values(rows).execute();
}

for (const target of testDatabaseTargets()) {
  describe(`deferIndexes on ${target.name}`, () => {
    let handle: DatabaseHandle;
    beforeEach(async () => {
      handle = await target.open();
    });
    afterEach(async () => {
      await handle.close();
    });

    it('drops the secondary indexes for a bulk load and builds the same ones again (SQLite only)', async () => {
      const before = await personIndexes(handle);
      expect(before.some((d) => d.startsWith('person_pinyin_idx'))).toBe(true);
      let during: string[] = [];
      await handle.db.transaction().execute(async (trx) => {
        const rebuild = await deferIndexes(trx, ['person'], ['person_id_number_idx']);
        await addPeople(trx, 0, 500);
        during = await personIndexes({ ...handle, db: trx });
        if (handle.kind === 'sqlite') {
          expect(rebuild).not.toBeNull();
          await rebuild?.();
        } else {
          // PostgreSQL: DROP INDEX would lock out every reader until the commit; nothing done.
          expect(rebuild).toBeNull();
        }
      });
      if (handle.kind === 'sqlite') {
        expect(during.map((d) => d.split(':')[0])).toEqual(['person_id_number_idx']);
        const check = await sql<{ integrityCheck: string }>`pragma integrity_check`.execute(
          handle.db,
        );
        expect(check.rows).toEqual([{ integrityCheck: 'ok' }]);
      } else {
        expect(during).toEqual(before);
      }
      expect(await personIndexes(handle)).toEqual(before);
      const found = await handle.db
        .selectFrom('person')
        .select('name')
        .where('namePinyin', '=', 'piliang321')
        .execute();
      expect(found).toEqual([{ name: '批量321' }]);
    });

    it('brings the indexes back with a rollback', async () => {
      const before = await personIndexes(handle);
      await expect(
        handle.db.transaction().execute(async (trx) => {
          await deferIndexes(trx, ['person'], []);
          await addPeople(trx, 0, 10);
          throw new Error('第10行有错误');
        }),
      ).rejects.toThrow('第10行有错误');
      expect(await personIndexes(handle)).toEqual(before);
      const count = await handle.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
    });
  });
}
