/**
 * The roster list at scale (ADR 0015): the bounded total, search order by the matched key and
 * paging across the initials and pinyin arms, name prefix search, and the person copies on
 * `party_membership` that the triggers of migration 0008 keep for every writer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nameSearchKeys } from '../../domain/roster/pinyin';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { listRoster, listRosterAll, ROSTER_COUNT_LIMIT, type RosterRow } from './member.service';

/** Inserts `n` full members into a branch with one education value no demo member has. */
async function addMembers(w: TestWorld, orgId: number, n: number, education: string) {
  const org = await w.handle.db
    .selectFrom('org')
    .select('areaCode')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  for (let start = 0; start < n; start += 500) {
    const count = Math.min(500, n - start);
    const people = await w.handle.db
      .insertInto('person')
      .values(
        Array.from({ length: count }, (_, i) => ({
          name: `测${start + i}`,
          gender: '女' as const,
          birthDate: '1980-01-01',
          education,
          areaCode: org.areaCode,
          createdAt: '2026-11-27T00:00:00Z',
        })),
      )
      .returning('id')
      .execute();
    // No copies given: the trigger takes them from the person row.
    await w.handle.db
      .insertInto('partyMembership')
      .values(
        people.map((p) => ({
          personId: p.id,
          orgId,
          status: 'full' as const,
          joinedOn: '2000-01-01',
          fullMemberSince: '2001-01-01',
          areaCode: org.areaCode,
        })),
      )
      .execute();
  }
}

async function keysOf(w: TestWorld, rows: RosterRow[]) {
  const people = await w.handle.db
    .selectFrom('person')
    .select(['id', 'namePinyin', 'nameInitials'])
    .where(
      'id',
      'in',
      rows.map((r) => r.personId),
    )
    .execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({ ...byId.get(r.personId)!, membershipId: r.membershipId }));
}

for (const target of testDatabaseTargets()) {
  describe(`roster list at scale on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('counts exactly below the bound and says "at least" from the bound on', async () => {
      const actor = w.actors['zuzhi']!;
      const orgId = await w.orgIdByName('石桥村党支部');
      await addMembers(w, orgId, ROSTER_COUNT_LIMIT - 1, '测试学历');
      const below = await listRoster(w.ctx, actor, { education: ['测试学历'], pageSize: 20 });
      expect(below).toMatchObject({ total: ROSTER_COUNT_LIMIT - 1, totalIsLowerBound: false });
      expect(below.items).toHaveLength(20);
      await addMembers(w, orgId, 1, '测试学历');
      const at = await listRoster(w.ctx, actor, { education: ['测试学历'], pageSize: 20 });
      expect(at).toMatchObject({ total: ROSTER_COUNT_LIMIT, totalIsLowerBound: true });
      // A page past the bound still counts far enough to show the next page exists.
      const deep = await listRoster(w.ctx, actor, {
        education: ['测试学历'],
        pageSize: 20,
        page: 500,
      });
      expect(deep.items).toHaveLength(20);
      expect(deep.total).toBeGreaterThan(500 * 20);
      const last = await listRoster(w.ctx, actor, {
        education: ['测试学历'],
        pageSize: 200,
        page: 51,
      });
      // The short last page tells the exact total.
      expect(last).toMatchObject({ total: ROSTER_COUNT_LIMIT, totalIsLowerBound: false });
      expect(last.items).toHaveLength(1);
    }, 120_000);

    it('gives exact totals for a small result and for the demo township', async () => {
      const actor = w.actors['zuzhi']!;
      const all = await listRosterAll(w.ctx, actor, {});
      const page = await listRoster(w.ctx, actor, { pageSize: 20 });
      expect(page).toMatchObject({ total: all.length, totalIsLowerBound: false });
      const women = await listRosterAll(w.ctx, actor, { gender: '女' });
      const womenPage = await listRoster(w.ctx, actor, { gender: '女', pageSize: 20, page: 2 });
      expect(womenPage.total).toBe(women.length);
      expect(womenPage.items.map((r) => r.membershipId)).toEqual(
        women.slice(20, 40).map((r) => r.membershipId),
      );
    });

    it('orders a pinyin search by the initials matched, then by the full pinyin, across pages', async () => {
      const actor = w.actors['zuzhi']!;
      // A query both arms answer: initials zh… (张华) and full pinyin zh… (张明 zm).
      const q = 'zh';
      const whole = await listRoster(w.ctx, actor, { q, pageSize: 200 });
      expect(whole.totalIsLowerBound).toBe(false);
      const keys = await keysOf(w, whole.items);
      const byInitials = keys.filter((k) => k.nameInitials.startsWith(q));
      const byPinyin = keys.filter((k) => !k.nameInitials.startsWith(q));
      expect(byInitials.length).toBeGreaterThan(0);
      expect(byPinyin.length).toBeGreaterThan(0);
      expect(byPinyin.every((k) => k.namePinyin.startsWith(q))).toBe(true);
      // Initials matches first, each arm in its key's order (then membership id).
      expect(keys.slice(0, byInitials.length)).toEqual(byInitials);
      const sorted = (list: typeof keys, key: 'nameInitials' | 'namePinyin') =>
        [...list].sort((a, b) =>
          a[key] === b[key] ? a.membershipId - b.membershipId : a[key] < b[key] ? -1 : 1,
        );
      expect(byInitials).toEqual(sorted(byInitials, 'nameInitials'));
      expect(byPinyin).toEqual(sorted(byPinyin, 'namePinyin'));
      // Small pages, one of them across the arms' boundary, give the same list.
      const size = 7;
      const paged: number[] = [];
      for (let page = 1; (page - 1) * size < whole.total; page++) {
        const p = await listRoster(w.ctx, actor, { q, pageSize: size, page });
        expect(p.total).toBe(whole.total);
        paged.push(...p.items.map((r) => r.membershipId));
      }
      expect(paged).toEqual(whole.items.map((r) => r.membershipId));
      const past = await listRoster(w.ctx, actor, { q, pageSize: size, page: 1000 });
      expect(past).toMatchObject({ items: [], total: whole.total });
      const exported = await listRosterAll(w.ctx, actor, { q });
      expect(exported.map((r) => r.membershipId)).toEqual(paged);
    });

    it('finds a name by its beginning, not by a character inside it', async () => {
      const actor = w.actors['zuzhi']!;
      const someone = (await listRoster(w.ctx, actor, { pageSize: 1 })).items[0]!;
      const chars = Array.from(someone.name);
      const surname = await listRoster(w.ctx, actor, { q: chars[0]!, pageSize: 200 });
      expect(surname.items.every((r) => r.name.startsWith(chars[0]!))).toBe(true);
      expect(surname.items.map((r) => r.personId)).toContain(someone.personId);
      const names = surname.items.map((r) => r.name);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const inside = await listRoster(w.ctx, actor, { q: chars.slice(1).join(''), pageSize: 200 });
      expect(inside.items.map((r) => r.personId)).not.toContain(someone.personId);
    });

    it('keeps the person copies on the membership for every writer', async () => {
      const actor = w.actors['zuzhi']!;
      const orgId = await w.orgIdByName('石桥村党支部');
      await addMembers(w, orgId, 1, '测试学历');
      const added = await listRoster(w.ctx, actor, { education: ['测试学历'] });
      expect(added.items.map((r) => r.name)).toEqual(['测0']);
      const personId = added.items[0]!.personId;
      // An update of the person (as the Excel import and the demo data do) reaches the list.
      await w.handle.db
        .updateTable('person')
        .set({ name: '钟馗', ...nameSearchKeys('钟馗'), gender: '男', birthDate: '1990-05-01' })
        .where('id', '=', personId)
        .execute();
      const byInitials = await listRoster(w.ctx, actor, { q: 'zk', gender: '男' });
      expect(byInitials.items.map((r) => r.personId)).toContain(personId);
      const old = await listRoster(w.ctx, actor, { q: '测', education: ['测试学历'] });
      expect(old.total).toBe(0);
      const women = await listRoster(w.ctx, actor, { education: ['测试学历'], gender: '女' });
      expect(women.total).toBe(0);
      const copies = await w.handle.db
        .selectFrom('partyMembership as m')
        .innerJoin('person as p', 'p.id', 'm.personId')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([
            eb('m.personName', 'is', null),
            eb('m.personName', '<>', eb.ref('p.name')),
            eb('m.personNamePinyin', '<>', eb.ref('p.namePinyin')),
            eb('m.personNameInitials', '<>', eb.ref('p.nameInitials')),
            eb('m.personGender', '<>', eb.ref('p.gender')),
            eb('m.personBirthDate', '<>', eb.ref('p.birthDate')),
            eb('m.personEducation', '<>', eb.ref('p.education')),
          ]),
        )
        .executeTakeFirstOrThrow();
      // The demo data (written before and after migration 0008's backfill) agrees everywhere.
      expect(Number(copies.n)).toBe(0);
    });
  });
}
