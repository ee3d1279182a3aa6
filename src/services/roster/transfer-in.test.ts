import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/id-number';
import { verifyAuditChain } from '../audit.service';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { getMember, listRoster, transferInNewMember, type TransferInInput } from './member.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

const first17 = '11010519900315123';
const ID = first17 + idCheckChar(first17);

function input(orgId: number, changes: Partial<TransferInInput> = {}): TransferInInput {
  return {
    orgId,
    person: { name: '方晓东', gender: '男', idNumber: ID, education: '本科', phone: '10012345678' },
    status: 'full',
    joinedOn: '2014-06-30',
    fullMemberSince: '2015-06-30',
    occurredOn: '2026-11-20',
    letterNumber: '甬组转字〔2026〕第112号',
    fromOrg: '中共宁波市北仑区新碶街道工作委员会',
    validUntil: '2026-12-19',
    ...changes,
  };
}

for (const target of testDatabaseTargets()) {
  describe(`组织关系转入（新党员） on ${target.name}`, () => {
    let w: TestWorld;
    let branchId: number;
    beforeEach(async () => {
      w = await openTestWorld(target);
      branchId = await w.orgIdByName('河口村第一党支部');
    });
    afterEach(async () => {
      await w.close();
    });

    it('creates the person, the membership and the transferIn event with its audit', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const ids = await transferInNewMember(w.ctx, zuzhi, input(branchId));
      const m = await getMember(w.ctx, zuzhi, ids.membershipId);
      expect(m).toMatchObject({
        name: '方晓东',
        birthDate: '1990-03-15',
        status: 'full',
        joinedOn: '2014-06-30',
        fullMemberSince: '2015-06-30',
        orgId: branchId,
        awayKind: null,
      });
      expect(m.events).toHaveLength(1);
      expect(m.events[0]).toMatchObject({
        kind: 'transferIn',
        occurredOn: '2026-11-20',
        letterNumber: '甬组转字〔2026〕第112号',
        place: '中共宁波市北仑区新碶街道工作委员会',
        validUntil: '2026-12-19',
        statusBefore: null,
        statusAfter: '正式党员',
      });
      const person = await w.handle.db
        .selectFrom('person')
        .select(['namePinyin', 'nameInitials'])
        .where('id', '=', ids.personId)
        .executeTakeFirstOrThrow();
      expect(person).toEqual({ namePinyin: 'fangxiaodong', nameInitials: 'fxd' });
      const found = await listRoster(w.ctx, zuzhi, { q: 'fxd' });
      expect(found.items.map((r) => r.personId)).toContain(ids.personId);
      const audit = await w.handle.db
        .selectFrom('auditEntry')
        .select(['action'])
        .where('entityType', '=', 'partyMembership')
        .where('entityId', '=', String(ids.membershipId))
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['roster.event.transferIn']);
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('refuses an expired letter, a wrong ID number and a second arrival, writing nothing', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const count = async () =>
        Number(
          (
            await w.handle.db
              .selectFrom('person')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      await expectCode(
        transferInNewMember(w.ctx, zuzhi, input(branchId, { validUntil: '2026-11-19' })),
        'ERR_ROSTER_EVENT_INVALID',
      );
      await expectCode(
        transferInNewMember(
          w.ctx,
          zuzhi,
          input(branchId, { person: { name: '方晓东', gender: '女', idNumber: ID } }),
        ),
        'ERR_ROSTER_ID_NUMBER_INVALID',
      );
      await expectCode(
        transferInNewMember(
          w.ctx,
          zuzhi,
          input(branchId, { person: { name: '方晓东', gender: '男', idNumber: `${first17}0` } }),
        ),
        'ERR_ROSTER_ID_NUMBER_INVALID',
      );
      await expectCode(
        transferInNewMember(w.ctx, zuzhi, input(await w.orgIdByName('青山镇党委'))),
        'ERR_ROSTER_EVENT_INVALID',
      );
      expect(await count()).toBe(before);
      await transferInNewMember(w.ctx, zuzhi, input(branchId, { validUntil: '2026-11-20' }));
      await expectCode(
        transferInNewMember(w.ctx, zuzhi, input(branchId)),
        'ERR_ROSTER_PERSON_EXISTS',
      );
      expect(await count()).toBe(before + 1);
    });

    it('is for the township and county: the village secretary is refused', async () => {
      await expectCode(
        transferInNewMember(w.ctx, w.actors['shuji']!, input(branchId)),
        'ERR_FORBIDDEN_ROLE',
      );
    });
  });
}
