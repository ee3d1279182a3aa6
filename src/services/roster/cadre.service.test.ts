import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  });
}
