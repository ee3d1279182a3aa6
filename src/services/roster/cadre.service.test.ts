import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/id-number';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { addReserveCadre, appointCadre, endCadrePost, removeReserveCadre } from './cadre.service';
import { getVillageProfile } from './village.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

for (const target of testDatabaseTargets()) {
  describe(`两委 posts and 后备干部 on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('ends 石桥村’s director and appoints the secretary, making it 一肩挑, with history kept', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const orgId = await w.orgIdByName('石桥村党支部');
      const before = await getVillageProfile(w.ctx, zuzhi, orgId);
      expect(before.isOneShoulder).toBe(false);
      const director = before.posts.find(
        (p) => p.body === 'villagersCommittee' && p.title === 'director',
      )!;
      const secretary = before.posts.find((p) => p.body === 'partyOrg' && p.title === 'secretary')!;
      await expectCode(
        appointCadre(w.ctx, zuzhi, {
          orgId,
          personId: secretary.personId,
          body: 'villagersCommittee',
          title: 'director',
          termStart: '2026-11-20',
          termEnd: '2031-03-15',
        }),
        'ERR_ROSTER_POST_INVALID',
      );
      await endCadrePost(w.ctx, zuzhi, director.id, { endedOn: '2026-11-19', reason: '辞职' });
      await appointCadre(w.ctx, zuzhi, {
        orgId,
        personId: secretary.personId,
        body: 'villagersCommittee',
        title: 'director',
        termStart: '2026-11-20',
        termEnd: '2031-03-15',
      });
      const after = await getVillageProfile(w.ctx, zuzhi, orgId);
      expect(after.isOneShoulder).toBe(true);
      const ended = await w.handle.db
        .selectFrom('cadrePost')
        .selectAll()
        .where('id', '=', director.id)
        .executeTakeFirstOrThrow();
      expect(ended).toMatchObject({ endedOn: '2026-11-19', endReason: '辞职' });
    });

    it('refuses a title the body does not have, a term ending before it starts, and a village secretary', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const orgId = await w.orgIdByName('河口村党委');
      const person = (await getVillageProfile(w.ctx, zuzhi, orgId)).posts[0]!.personId;
      const base = { orgId, personId: person, termStart: '2026-03-16', termEnd: '2031-03-15' };
      await expectCode(
        appointCadre(w.ctx, zuzhi, { ...base, body: 'supervisoryCommittee', title: 'secretary' }),
        'ERR_ROSTER_POST_INVALID',
      );
      await expectCode(
        appointCadre(w.ctx, zuzhi, {
          ...base,
          body: 'supervisoryCommittee',
          title: 'member',
          termEnd: '2026-03-16',
        }),
        'ERR_ROSTER_POST_INVALID',
      );
      await expectCode(
        appointCadre(w.ctx, w.actors['shuji']!, {
          ...base,
          body: 'supervisoryCommittee',
          title: 'member',
        }),
        'ERR_FORBIDDEN_ROLE',
      );
      await expectCode(
        appointCadre(w.ctx, zuzhi, {
          ...base,
          orgId: await w.orgIdByName('河口村第一党支部'),
          body: 'partyOrg',
          title: 'member',
        }),
        'ERR_ROSTER_NOT_VILLAGE',
      );
    });

    it('adds and removes a 后备干部 shown on the profile', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const orgId = await w.orgIdByName('东岭村党支部');
      const before = (await getVillageProfile(w.ctx, zuzhi, orgId)).reserves.length;
      const person = await w.handle.db
        .selectFrom('partyMembership')
        .select('personId')
        .where('orgId', '=', orgId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const { id } = await addReserveCadre(w.ctx, zuzhi, {
        orgId,
        personId: person.personId,
        readiness: 'ready',
        targetPost: '村委会主任',
        notes: '致富带头人',
      });
      const p = await getVillageProfile(w.ctx, zuzhi, orgId);
      expect(p.reserves).toHaveLength(before + 1);
      expect(p.reserves.at(-1)).toMatchObject({ readinessLabel: '成熟', targetPost: '村委会主任' });
      await removeReserveCadre(w.ctx, zuzhi, id);
      expect((await getVillageProfile(w.ctx, zuzhi, orgId)).reserves).toHaveLength(before);
    });

    it('registers a 群众 when appointing him to the 村委会, with gender and birth date from the ID number', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const orgId = await w.orgIdByName('石桥村党支部');
      const first17 = '99010219880315005';
      const idNumber = first17 + idCheckChar(first17);
      const post = {
        orgId,
        body: 'villagersCommittee' as const,
        title: 'member' as const,
        termStart: '2026-11-20',
        termEnd: '2031-11-19',
      };
      const newPerson = { name: '石 小 川', idNumber, education: '大专', phone: '13900000001' };
      // Only members sit on the Party committee.
      await expect(
        appointCadre(w.ctx, zuzhi, { ...post, body: 'partyOrg', newPerson }),
      ).rejects.toSatisfy(
        (e: unknown) =>
          e instanceof AppError &&
          e.code === 'ERR_ROSTER_POST_INVALID' &&
          e.message === '村党组织委员会的成员必须是党员：请在“人员”中选择本村党员',
      );
      // A wrong check character is refused, naming the number; nothing is written.
      const wrong = first17 + (idCheckChar(first17) === '1' ? '2' : '1');
      await expect(
        appointCadre(w.ctx, zuzhi, { ...post, newPerson: { ...newPerson, idNumber: wrong } }),
      ).rejects.toSatisfy(
        (e: unknown) =>
          e instanceof AppError &&
          e.code === 'ERR_ROSTER_ID_NUMBER_INVALID' &&
          e.message === `公民身份号码 ${wrong} 校验位不正确`,
      );
      await appointCadre(w.ctx, zuzhi, { ...post, newPerson });
      const person = await w.handle.db
        .selectFrom('person')
        .selectAll()
        .where('idNumber', '=', idNumber)
        .executeTakeFirstOrThrow();
      expect(person).toMatchObject({
        name: '石小川',
        gender: '男',
        birthDate: '1988-03-15',
        education: '大专',
        namePinyin: 'shixiaochuan',
        nameInitials: 'sxc',
      });
      const profile = await getVillageProfile(w.ctx, zuzhi, orgId);
      expect(profile.posts.find((p) => p.personId === person.id)).toMatchObject({
        name: '石小川',
        isPartyMember: false,
        body: 'villagersCommittee',
        title: 'member',
      });
      const audit = await w.handle.db
        .selectFrom('auditEntry')
        .select(['action', 'entityType'])
        .where('action', 'in', ['roster.person.create', 'roster.post.create'])
        .orderBy('seq')
        .execute();
      expect(audit).toEqual([
        { action: 'roster.person.create', entityType: 'person' },
        { action: 'roster.post.create', entityType: 'cadrePost' },
      ]);
      // The same ID number again names the person to pick instead of making a second record.
      await expect(
        appointCadre(w.ctx, zuzhi, {
          ...post,
          body: 'supervisoryCommittee',
          newPerson: { ...newPerson, name: '石晓川' },
        }),
      ).rejects.toSatisfy(
        (e: unknown) =>
          e instanceof AppError &&
          e.code === 'ERR_ROSTER_PERSON_EXISTS' &&
          e.message.endsWith('已有人员记录，登记为“石小川”：请在“人员”中选择此人'),
      );
      // Picked by id, the 群众 (no membership, a post in this village) can take a second post.
      await appointCadre(w.ctx, zuzhi, {
        ...post,
        body: 'supervisoryCommittee',
        personId: person.id,
      });
    });

    it('refuses to appoint or list a person with no tie to the caller’s township', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const orgId = await w.orgIdByName('石桥村党支部');
      const { id: stranger } = await w.handle.db
        .insertInto('person')
        .values({
          name: '外县人',
          gender: '男',
          areaCode: '990999',
          createdAt: '2026-11-01T00:00:00Z',
          namePinyin: 'waixianren',
          nameInitials: 'wxr',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const post = {
        orgId,
        personId: stranger,
        body: 'villagersCommittee' as const,
        title: 'member' as const,
        termStart: '2026-11-20',
        termEnd: null,
      };
      await expectCode(appointCadre(w.ctx, zuzhi, post), 'ERR_NOT_FOUND');
      await expectCode(
        addReserveCadre(w.ctx, zuzhi, {
          orgId,
          personId: stranger,
          readiness: 'developing',
          targetPost: null,
          notes: null,
        }),
        'ERR_NOT_FOUND',
      );
      const posts = await w.handle.db
        .selectFrom('cadrePost')
        .select('id')
        .where('personId', '=', stranger)
        .execute();
      expect(posts).toEqual([]);
    });
  });
}
