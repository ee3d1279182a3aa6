import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit.service';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { listTermRegister, recordRound } from './elections.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

interface Person {
  id: number;
  name: string;
  gender: '男' | '女';
}

/** A round whose first `seats` candidates are elected with a clear majority, the rest get 1 vote. */
function round(
  id: string,
  kind: '党组织委员会' | '党组织书记副书记' | '村民委员会',
  seats: number,
  names: string[],
) {
  const voters = kind === '党组织书记副书记' ? 5 : 40;
  return {
    id,
    kind,
    date: '2026-11-20',
    seats,
    expectedVoters: voters,
    presentVoters: voters,
    ballotsIssued: voters,
    ballotsReturned: voters,
    candidates: names.map((name, i) => ({ name, votes: i < seats ? voters - 1 - i : 1 })),
  };
}

for (const target of testDatabaseTargets()) {
  describe(`posts after an election on ${target.name}`, () => {
    let w: TestWorld;
    let org: number;
    /** Full members of 石桥村党支部 whose names are unique in the county. */
    let members: Person[];

    const open = (body: 'partyOrg' | 'villagersCommittee') =>
      w.handle.db
        .selectFrom('cadrePost')
        .select(['personId', 'title', 'termStart', 'endReason'])
        .where('orgId', '=', org)
        .where('body', '=', body)
        .where('endedOn', 'is', null)
        .orderBy('id')
        .execute();

    beforeEach(async () => {
      w = await openTestWorld(target);
      org = await w.orgIdByName('石桥村党支部');
      const people = await w.handle.db
        .selectFrom('person')
        .innerJoin('partyMembership', 'partyMembership.personId', 'person.id')
        .innerJoin('org', 'org.id', 'partyMembership.orgId')
        .select(['person.id', 'person.name', 'person.gender', 'org.path'])
        .where('partyMembership.status', '=', 'full')
        .orderBy('person.id')
        .execute();
      const orgRow = await w.handle.db
        .selectFrom('org')
        .select(['path', 'areaCode'])
        .where('id', '=', org)
        .executeTakeFirstOrThrow();
      const names = await w.handle.db
        .selectFrom('person')
        .select('name')
        .where('areaCode', '=', orgRow.areaCode)
        .execute();
      members = people
        .filter((p) => p.path.startsWith(orgRow.path))
        .filter((p) => names.filter((n) => n.name === p.name).length === 1)
        .map(({ id, name, gender }) => ({ id, name, gender }));
      expect(members.length).toBeGreaterThanOrEqual(6);
    });
    afterEach(async () => {
      await w.close();
    });

    it('a 主任 round appoints 主任, a later 委员 round the same day adds 委员 and the 职数', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const [a, b, c, d] = members;
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-主任', '村民委员会', 1, [a!.name, b!.name]),
        post: '主任',
      });
      expect(await open('villagersCommittee')).toEqual([
        { personId: a!.id, title: 'director', termStart: '2026-11-20', endReason: null },
      ]);
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-委员', '村民委员会', 2, [b!.name, c!.name, d!.name]),
      });
      expect((await open('villagersCommittee')).map((p) => [p.personId, p.title])).toEqual([
        [a!.id, 'director'],
        [b!.id, 'member'],
        [c!.id, 'member'],
      ]);
      const term = (await listTermRegister(w.ctx, zuzhi))
        .find((v) => v.orgId === org)!
        .terms.find((t) => t.bodyKind === '村民委员会')!;
      expect([term.termStart, term.bodySize]).toEqual(['2026-11-20', 3]);
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('一肩挑: the 书记 elected 主任 holds both posts', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const [a, b, c, d] = members;
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-支委', '党组织委员会', 3, [a!.name, b!.name, c!.name, d!.name]),
      });
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-书记', '党组织书记副书记', 1, [a!.name]),
      });
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-主任', '村民委员会', 1, [a!.name, d!.name]),
        post: '主任',
      });
      expect((await open('partyOrg')).find((p) => p.personId === a!.id)?.title).toBe('secretary');
      expect((await open('villagersCommittee')).find((p) => p.personId === a!.id)?.title).toBe(
        'director',
      );
    });

    it('a 副书记 round appoints 副书记 and ends the earlier 副书记 and his own 委员 post', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const [a, b, c, d] = members;
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-支委', '党组织委员会', 3, [a!.name, b!.name, c!.name, d!.name]),
      });
      const orgRow = await w.handle.db
        .selectFrom('org')
        .selectAll()
        .where('id', '=', org)
        .executeTakeFirstOrThrow();
      // An earlier 副书记 (previous term) still registered: he ends.
      const { id: oldDeputy } = await w.handle.db
        .insertInto('cadrePost')
        .values({
          personId: members[5]!.id,
          orgId: org,
          areaCode: orgRow.areaCode,
          body: 'partyOrg',
          title: 'deputySecretary',
          termStart: '2021-11-28',
          termEnd: '2026-11-28',
          endedOn: null,
          endReason: null,
          createdAt: '2021-11-28T00:00:00Z',
          updatedAt: '2021-11-28T00:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-副书记', '党组织书记副书记', 1, [b!.name]),
        post: '副书记',
      });
      const after = await open('partyOrg');
      expect(after.find((p) => p.personId === b!.id)?.title).toBe('deputySecretary');
      expect(after.filter((p) => p.personId === b!.id)).toHaveLength(1);
      const ended = await w.handle.db
        .selectFrom('cadrePost')
        .select(['endedOn', 'endReason'])
        .where('id', '=', oldDeputy)
        .executeTakeFirstOrThrow();
      expect(ended).toEqual({ endedOn: '2026-11-20', endReason: '换届（SQ-副书记）' });
    });

    it('a two-seat 书记副书记 round with a post per candidate appoints both', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const [a, b, c, d] = members;
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-支委', '党组织委员会', 3, [a!.name, b!.name, c!.name, d!.name]),
      });
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-书记副书记', '党组织书记副书记', 2, [c!.name, a!.name]),
        candidatePosts: { [c!.name]: '书记', [a!.name]: '副书记' },
      });
      expect((await open('partyOrg')).map((p) => [p.personId, p.title])).toEqual([
        [b!.id, 'member'],
        [c!.id, 'secretary'],
        [a!.id, 'deputySecretary'],
      ]);
    });

    it('a two-seat round without posts changes no post; impossible posts are refused whole', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const [a, b] = members;
      const before = await open('partyOrg');
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round('SQ-书记副书记', '党组织书记副书记', 2, [a!.name, b!.name]),
      });
      expect(await open('partyOrg')).toEqual(before);
      const count = async () =>
        (await w.handle.db.selectFrom('electionRound').select('id').execute()).length;
      const n = await count();
      await expectCode(
        recordRound(w.ctx, zuzhi, {
          orgId: org,
          round: round('X', '村民委员会', 1, [a!.name, b!.name]),
          post: '书记',
        }),
        'ERR_ELECTION_POST_INVALID',
      );
      await expectCode(
        recordRound(w.ctx, zuzhi, {
          orgId: org,
          round: round('X', '党组织书记副书记', 2, [a!.name, b!.name]),
          post: '书记',
        }),
        'ERR_ELECTION_POST_INVALID',
      );
      expect(await count()).toBe(n);
    });

    it('VC-01 on the result: all men elected → warning; a woman elected → none', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const men = members.filter((m) => m.gender === '男');
      const woman = members.find((m) => m.gender === '女');
      expect(men.length).toBeGreaterThanOrEqual(4);
      expect(woman).toBeDefined();
      const allMen = await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: round(
          'SQ-村委-男',
          '村民委员会',
          3,
          men.slice(0, 4).map((m) => m.name),
        ),
      });
      expect(
        allMen.result.findings.filter((f) => f.rule === 'VC-01').map((f) => f.severity),
      ).toEqual(['warning']);
      w.clock.now = new Date('2026-11-28T02:00:00Z');
      const withWoman = await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: {
          ...round('SQ-村委-女', '村民委员会', 3, [
            woman!.name,
            ...men.slice(0, 3).map((m) => m.name),
          ]),
          date: '2026-11-27',
        },
      });
      expect(withWoman.result.findings.filter((f) => f.rule === 'VC-01')).toEqual([]);
    });

    it('a village secretary records a round that changes no post, not one that does', async () => {
      const shuji = w.actors['shuji']!;
      const own = await w.orgIdByName('河口村党委');
      const people = await w.handle.db
        .selectFrom('person')
        .innerJoin('partyMembership', 'partyMembership.personId', 'person.id')
        .innerJoin('org', 'org.id', 'partyMembership.orgId')
        .select(['person.name'])
        .where('org.name', 'like', '河口村%')
        .where('partyMembership.status', '=', 'full')
        .limit(4)
        .execute();
      const names = people.map((p) => p.name);
      const before = await w.handle.db.selectFrom('cadrePost').selectAll().orderBy('id').execute();
      await expectCode(
        recordRound(w.ctx, shuji, {
          orgId: own,
          round: round('HK-支委', '党组织委员会', 3, names),
        }),
        'ERR_FORBIDDEN_ROLE',
      );
      await expectCode(
        recordRound(w.ctx, shuji, {
          orgId: own,
          round: round('HK-书记', '党组织书记副书记', 1, [names[0]!]),
        }),
        'ERR_FORBIDDEN_ROLE',
      );
      // A void round (quorum not reached) changes nothing: he may record it.
      const view = await recordRound(w.ctx, shuji, {
        orgId: own,
        round: { ...round('HK-支委-1', '党组织委员会', 3, names), presentVoters: 30 },
      });
      expect(view.result.valid).toBe(false);
      expect(await w.handle.db.selectFrom('cadrePost').selectAll().orderBy('id').execute()).toEqual(
        before,
      );
    });
  });
}
