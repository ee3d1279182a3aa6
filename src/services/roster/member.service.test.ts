import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit.service';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import {
  getMember,
  isFullMemberOn,
  listRoster,
  membershipStatusOn,
  recordMembershipEvent,
  revealIdNumber,
} from './member.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

for (const target of testDatabaseTargets()) {
  describe(`roster members on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('pages the township roster with masked ID numbers and village names', async () => {
      const page1 = await listRoster(w.ctx, w.actors['zuzhi']!, { page: 1, pageSize: 20 });
      const page2 = await listRoster(w.ctx, w.actors['zuzhi']!, { page: 2, pageSize: 20 });
      expect(page1.total).toBeGreaterThan(850);
      expect(page1.items).toHaveLength(20);
      expect(page2.items[0]!.membershipId).not.toBe(page1.items[0]!.membershipId);
      for (const row of page1.items) {
        expect(row.idNumber).toMatch(/^9901\*{10}[\dX]{4}$/);
        expect(['预备党员', '正式党员']).toContain(row.statusLabel);
        expect(row.villageName).not.toBeNull();
      }
    });

    it('finds a member by name, full pinyin and initials', async () => {
      const someone = (await listRoster(w.ctx, w.actors['zuzhi']!, { pageSize: 1 })).items[0]!;
      const keys = await w.handle.db
        .selectFrom('person')
        .select(['namePinyin', 'nameInitials'])
        .where('id', '=', someone.personId)
        .executeTakeFirstOrThrow();
      expect(keys.nameInitials.length).toBeGreaterThanOrEqual(2);
      for (const q of [someone.name, keys.namePinyin, keys.nameInitials.toUpperCase()]) {
        const found = await listRoster(w.ctx, w.actors['zuzhi']!, { q, pageSize: 200 });
        expect(found.items.map((r) => r.personId)).toContain(someone.personId);
        expect(found.total).toBeLessThan(900);
      }
      const none = await listRoster(w.ctx, w.actors['zuzhi']!, { q: '%' });
      expect(none.total).toBe(0);
    });

    it('filters by gender, age range, education, 党龄 and 流动', async () => {
      const actor = w.actors['zuzhi']!;
      const women = await listRoster(w.ctx, actor, { gender: '女', pageSize: 200 });
      expect(women.total).toBeGreaterThan(0);
      expect(women.items.every((r) => r.gender === '女')).toBe(true);
      const young = await listRoster(w.ctx, actor, { ageMin: 30, ageMax: 35, pageSize: 200 });
      expect(young.total).toBeGreaterThan(0);
      expect(young.items.every((r) => r.age! >= 30 && r.age! <= 35)).toBe(true);
      const edu = await listRoster(w.ctx, actor, { education: ['本科'], pageSize: 200 });
      expect(edu.items.every((r) => r.education === '本科')).toBe(true);
      const old = await listRoster(w.ctx, actor, { partyYearsMin: 50, pageSize: 200 });
      expect(old.items.every((r) => r.partyYears! >= 50)).toBe(true);
      const mobile = await listRoster(w.ctx, actor, { away: 'mobile', pageSize: 200 });
      expect(mobile.total).toBeGreaterThan(3);
      expect(mobile.items.every((r) => r.awayLabel === '流动党员')).toBe(true);
      const gone = await listRoster(w.ctx, actor, { away: 'transferredOut' });
      expect(gone.total).toBe(2);
      const all = await listRoster(w.ctx, actor, { away: 'all' });
      const here = await listRoster(w.ctx, actor, {});
      expect(all.total - here.total).toBe(2);
    });

    it('shows the village secretary only his subtree and refuses an org outside it', async () => {
      const mine = await listRoster(w.ctx, w.actors['shuji']!, { pageSize: 200 });
      expect(mine.total).toBeGreaterThan(100);
      expect(mine.items.every((r) => r.villageName === '河口村党委')).toBe(true);
      const shiqiao = await w.orgIdByName('石桥村党支部');
      await expectCode(
        listRoster(w.ctx, w.actors['shuji']!, { orgId: shiqiao }),
        'ERR_FORBIDDEN_SCOPE',
      );
    });

    it('reveals a full ID number to the organizer only, auditing each reveal', async () => {
      const row = (await listRoster(w.ctx, w.actors['zuzhi']!, { pageSize: 1 })).items[0]!;
      const full = await revealIdNumber(w.ctx, w.actors['zuzhi']!, row.membershipId);
      expect(full).toMatch(/^\d{17}[\dX]$/);
      expect(full!.slice(-4)).toBe(row.idNumber!.slice(-4));
      const last = await w.handle.db
        .selectFrom('auditEntry')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({
        action: 'roster.revealIdNumber',
        entityId: String(row.personId),
      });
      await expectCode(
        revealIdNumber(w.ctx, w.actors['xuncha']!, row.membershipId),
        'ERR_FORBIDDEN_ROLE',
      );
      await expectCode(
        revealIdNumber(w.ctx, w.actors['shuji']!, row.membershipId),
        'ERR_FORBIDDEN_ROLE',
      );
    });

    it('records a transfer out as an event, moves the member off the roster and keeps history', async () => {
      const actor = w.actors['zuzhi']!;
      const row = (
        await listRoster(w.ctx, actor, { statuses: ['full'], away: 'here', pageSize: 1 })
      ).items[0]!;
      const event = await recordMembershipEvent(w.ctx, actor, row.membershipId, {
        kind: 'transferOut',
        occurredOn: '2026-11-20',
        letterNumber: '青组转字〔2026〕第050号',
        place: '中共某市某区某街道工委',
        validUntil: '2026-11-26',
      });
      expect(event).toMatchObject({ kindLabel: '组织关系转出', isOverdue: true, receivedOn: null });
      const detail = await getMember(w.ctx, actor, row.membershipId);
      expect(detail.awayLabel).toBe('已转出');
      expect(detail.events.map((e) => e.kind)).toEqual(['transferOut', 'recorded']);
      const received = await recordMembershipEvent(w.ctx, actor, row.membershipId, {
        kind: 'transferReceived',
        occurredOn: '2026-11-25',
      });
      expect(received.kind).toBe('transferReceived');
      const again = await getMember(w.ctx, actor, row.membershipId);
      expect(again.events.find((e) => e.kind === 'transferOut')).toMatchObject({
        receivedOn: '2026-11-25',
        isOverdue: false,
      });
      await expectCode(
        recordMembershipEvent(w.ctx, actor, row.membershipId, {
          kind: 'transferOut',
          occurredOn: '2026-11-26',
          letterNumber: '1',
          place: 'x',
          validUntil: '2026-12-26',
        }),
        'ERR_ROSTER_EVENT_NOT_ALLOWED',
      );
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('lets the village secretary record 流动 in his village but not a transfer or another village', async () => {
      const shuji = w.actors['shuji']!;
      const row = (
        await listRoster(w.ctx, shuji, { statuses: ['full'], away: 'here', pageSize: 1 })
      ).items[0]!;
      await expectCode(
        recordMembershipEvent(w.ctx, shuji, row.membershipId, {
          kind: 'suspended',
          occurredOn: '2026-11-20',
        }),
        'ERR_FORBIDDEN_ROLE',
      );
      const ev = await recordMembershipEvent(w.ctx, shuji, row.membershipId, {
        kind: 'mobileOut',
        occurredOn: '2026-11-20',
        place: '浙江省宁波市',
        contactName: '王某',
      });
      expect(ev.place).toBe('浙江省宁波市');
      const other = (
        await listRoster(w.ctx, w.actors['zuzhi']!, {
          orgId: await w.orgIdByName('石桥村党支部'),
          away: 'here',
          pageSize: 1,
        })
      ).items[0]!;
      await expectCode(
        recordMembershipEvent(w.ctx, shuji, other.membershipId, {
          kind: 'mobileOut',
          occurredOn: '2026-11-20',
          place: 'x',
        }),
        'ERR_FORBIDDEN_SCOPE',
      );
      await expectCode(
        recordMembershipEvent(w.ctx, w.actors['xuncha']!, row.membershipId, {
          kind: 'mobileReturn',
          occurredOn: '2026-11-21',
        }),
        'ERR_FORBIDDEN_ROLE',
      );
    });

    it('tells whether a person was a 正式党员 on a day, before and after a suspension', async () => {
      const actor = w.actors['zuzhi']!;
      const row = (await listRoster(w.ctx, actor, { statuses: ['full'], pageSize: 1 })).items[0]!;
      const since = row.fullMemberSince!;
      expect(await isFullMemberOn(w.handle.db, row.personId, since)).toBe(true);
      expect(await membershipStatusOn(w.handle.db, row.personId, row.joinedOn!)).toBe(
        'probationary',
      );
      await recordMembershipEvent(w.ctx, actor, row.membershipId, {
        kind: 'suspended',
        occurredOn: '2026-10-01',
      });
      expect(await isFullMemberOn(w.handle.db, row.personId, '2026-09-30')).toBe(true);
      expect(await isFullMemberOn(w.handle.db, row.personId, '2026-10-01')).toBe(false);
      expect(await membershipStatusOn(w.handle.db, row.personId, '2026-10-01')).toBe('suspended');
    });
  });
}
