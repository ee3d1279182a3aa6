import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit.service';
import { followRecruitmentIn } from '../roster/member.service';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { createDossier, saveStep } from './dossier.service';

/** 发展党员 moves a person's membership only through the roster's membership events. */
for (const target of testDatabaseTargets()) {
  describe(`发展党员 writes membership events on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    const eventsOf = (personId: number) =>
      w.handle.db
        .selectFrom('membershipEvent')
        .select(['kind', 'occurredOn', 'statusBefore', 'statusAfter', 'note'])
        .where('personId', '=', personId)
        .orderBy('id')
        .execute();
    const membershipOf = (personId: number) =>
      w.handle.db
        .selectFrom('partyMembership')
        .select(['status', 'joinedOn', 'fullMemberSince', 'statusSince'])
        .where('personId', '=', personId)
        .executeTakeFirstOrThrow();

    it('a new dossier starts the history with 建档; becoming an activist is a 更正 naming the dossier, and deleting the step another', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const id = await createDossier(w.ctx, zuzhi, {
        orgId: await w.orgIdByName('河口村第一党支部'),
        person: { name: '测试乙', gender: '男', birthDate: '1999-02-03' },
      });
      const d = await saveStep(w.ctx, zuzhi, id, {
        stepKey: 'activistSelection',
        record: { date: '2026-11-20', method: '党员推荐', decidedBy: '支部委员会' },
        flagReason: '测试',
      });
      const personId = (
        await w.handle.db
          .selectFrom('recruitmentDossier')
          .select('personId')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).personId;
      expect(await membershipOf(personId)).toMatchObject({
        status: 'activist',
        statusSince: '2026-11-20',
      });
      expect(await eventsOf(personId)).toEqual([
        {
          kind: 'recorded',
          occurredOn: '2026-11-27',
          statusBefore: null,
          statusAfter: 'applicant',
          note: '建立发展党员档案（入党申请人）',
        },
        {
          kind: 'corrected',
          occurredOn: '2026-11-20',
          statusBefore: 'applicant',
          statusAfter: 'activist',
          note: `发展党员档案 ${d.code}：列为入党积极分子`,
        },
      ]);
      await saveStep(w.ctx, zuzhi, id, { stepKey: 'activistSelection', record: null });
      const events = await eventsOf(personId);
      expect(events).toHaveLength(3);
      expect(events[2]).toMatchObject({ statusBefore: 'activist', statusAfter: 'applicant' });
      expect((await membershipOf(personId)).status).toBe('applicant');
      // Saving a step that leaves the stage alone writes no event.
      await saveStep(w.ctx, zuzhi, id, { stepKey: 'application', record: { date: '2026-11-02' } });
      expect(await eventsOf(personId)).toHaveLength(3);
    });

    it('every demo membership, the 发展党员 applicants included, has a history', async () => {
      const bare = await w.handle.db
        .selectFrom('partyMembership as m')
        .select('m.id')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('membershipEvent as e')
                .select('e.id')
                .whereRef('e.membershipId', '=', 'm.id'),
            ),
          ),
        )
        .execute();
      expect(bare).toEqual([]);
    });

    it('admission and 转正 are admitted and confirmed events on their own days, audited', async () => {
      const candidate = await w.handle.db
        .selectFrom('partyMembership')
        .select(['personId'])
        .where('status', '=', 'candidate')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const zuzhi = w.actors['zuzhi']!;
      const before = await eventsOf(candidate.personId);
      await w.handle.db
        .transaction()
        .execute((trx) =>
          followRecruitmentIn(
            trx,
            zuzhi,
            '2026-11-27T02:00:00.000Z',
            '2026-11-27',
            candidate.personId,
            { status: 'probationary', joinedOn: '2025-11-10', fullMemberSince: null, since: null },
            '发展党员档案 T-1：接收为预备党员',
          ),
        );
      await w.handle.db.transaction().execute((trx) =>
        followRecruitmentIn(
          trx,
          zuzhi,
          '2026-11-27T02:00:00.000Z',
          '2026-11-27',
          candidate.personId,
          {
            status: 'full',
            joinedOn: '2025-11-10',
            fullMemberSince: '2026-11-10',
            since: '2026-11-10',
          },
          '发展党员档案 T-1：转为正式党员',
        ),
      );
      const added = (await eventsOf(candidate.personId)).slice(before.length);
      expect(added.map((e) => [e.kind, e.occurredOn, e.statusAfter])).toEqual([
        ['admitted', '2025-11-10', 'probationary'],
        ['confirmed', '2026-11-10', 'full'],
      ]);
      expect(await membershipOf(candidate.personId)).toEqual({
        status: 'full',
        joinedOn: '2025-11-10',
        fullMemberSince: '2026-11-10',
        statusSince: '2026-11-10',
      });
      const audit = await w.handle.db
        .selectFrom('auditEntry')
        .select('action')
        .where('action', 'in', ['roster.event.admitted', 'roster.event.confirmed'])
        .execute();
      expect(audit).toHaveLength(2);
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('a 转正 dated before the 入党日期 is not a confirmed event but a 更正 keeping the dossier’s dates', async () => {
      const candidate = await w.handle.db
        .selectFrom('partyMembership')
        .select(['personId'])
        .where('status', '=', 'candidate')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await w.handle.db.transaction().execute((trx) =>
        followRecruitmentIn(
          trx,
          w.actors['zuzhi']!,
          '2026-11-27T02:00:00.000Z',
          '2026-11-27',
          candidate.personId,
          {
            status: 'full',
            joinedOn: '2025-11-10',
            fullMemberSince: '2025-11-09',
            since: '2025-11-09',
          },
          '发展党员档案 T-2：转为正式党员',
        ),
      );
      const events = await eventsOf(candidate.personId);
      expect(events.slice(-2).map((e) => e.kind)).toEqual(['admitted', 'corrected']);
      expect((await membershipOf(candidate.personId)).fullMemberSince).toBe('2025-11-09');
    });
  });
}
