import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';

for (const target of testDatabaseTargets()) {
  describe(`migration 0002-roster on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('keeps the demo people and adds the roster columns with their defaults', async () => {
      const person = await w.handle.db
        .selectFrom('person')
        .select(['id', 'name', 'namePinyin', 'nameInitials', 'workUnit'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      expect(person.name.length).toBeGreaterThan(1);
      expect(typeof person.namePinyin).toBe('string');
      expect(person.workUnit).toBeNull();
      const here = await w.handle.db
        .selectFrom('partyMembership')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('awayKind', 'is', null)
        .executeTakeFirstOrThrow();
      expect(Number(here.n)).toBeGreaterThan(800);
    });

    it('stores an event, a 两委 post and a 后备干部 row and reads them back unchanged', async () => {
      const db = w.handle.db;
      const m = await db
        .selectFrom('partyMembership')
        .select(['id', 'personId', 'orgId', 'areaCode'])
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const at = '2026-11-27T02:00:00.000Z';
      const out = await db
        .insertInto('membershipEvent')
        .values({
          membershipId: m.id,
          personId: m.personId,
          orgId: m.orgId,
          areaCode: m.areaCode,
          kind: 'transferOut',
          occurredOn: '2026-10-08',
          statusBefore: 'full',
          statusAfter: 'full',
          letterNumber: '云组转〔2026〕017号',
          place: '中共某市某区某街道工委',
          validUntil: '2026-11-07',
          receivedOn: null,
          contactName: null,
          contactPhone: null,
          relatedEventId: null,
          note: null,
          detailJson: null,
          recordedAt: at,
          recordedById: null,
          recordedByName: '系统',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const post = await db
        .insertInto('cadrePost')
        .values({
          personId: m.personId,
          orgId: m.orgId,
          areaCode: m.areaCode,
          body: 'partyOrg',
          title: 'secretary',
          termStart: '2021-01-10',
          termEnd: '2026-01-09',
          endedOn: null,
          endReason: null,
          createdAt: at,
          updatedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const reserve = await db
        .insertInto('reserveCadre')
        .values({
          personId: m.personId,
          orgId: m.orgId,
          areaCode: m.areaCode,
          readiness: 'ready',
          targetPost: '村党组织书记',
          notes: '熟悉集体经济',
          addedOn: '2025-03-01',
          removedOn: null,
          createdAt: at,
          updatedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const event = await db
        .selectFrom('membershipEvent')
        .selectAll()
        .where('id', '=', out.id)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({
        kind: 'transferOut',
        letterNumber: '云组转〔2026〕017号',
        validUntil: '2026-11-07',
        receivedOn: null,
      });
      const postRow = await db
        .selectFrom('cadrePost')
        .selectAll()
        .where('id', '=', post.id)
        .executeTakeFirstOrThrow();
      expect(postRow).toMatchObject({
        body: 'partyOrg',
        title: 'secretary',
        termEnd: '2026-01-09',
      });
      const reserveRow = await db
        .selectFrom('reserveCadre')
        .selectAll()
        .where('id', '=', reserve.id)
        .executeTakeFirstOrThrow();
      expect(reserveRow).toMatchObject({ readiness: 'ready', removedOn: null });
    });
  });
}
