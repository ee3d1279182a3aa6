import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit.service';
import { AppError } from '../errors';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import {
  checkCandidates,
  listRounds,
  listTermRegister,
  markPlanStep,
  previewRound,
  recordRound,
  recordTermApproval,
  savePlan,
} from './elections.service';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

const ROUND = {
  id: 'SQ-2026-村委',
  kind: '村民委员会',
  date: '2026-11-20',
  seats: 3,
  expectedVoters: 900,
  presentVoters: 700,
  ballotsIssued: 700,
  ballotsReturned: 700,
  candidates: [
    { name: '孙强', votes: 600 },
    { name: '何敏', votes: 520 },
    { name: '郑军', votes: 400 },
    { name: '钱芳', votes: 200 },
  ],
};

for (const target of testDatabaseTargets()) {
  describe(`elections service on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('shows every demo village with both terms, the warnings and the overdue one', async () => {
      const register = await listTermRegister(w.ctx, w.actors['zuzhi']!);

      expect(register).toHaveLength(12);
      expect(register.every((v) => v.terms.length === 2)).toBe(true);
      const statuses = register.flatMap((v) => v.terms.map((t) => t.evaluation.status));
      expect(statuses).toContain('expired');
      expect(statuses).toContain('due6');
      expect(statuses).toContain('due12');
      const overdue = register.find((v) => v.orgName === '青山社区党总支')!;
      expect(overdue.terms[0]!.evaluation.findings).toEqual([
        expect.objectContaining({ rule: 'ELC-01', severity: 'error' }),
      ]);
      const hekou = register.find((v) => v.orgName === '河口村党委')!;
      expect(hekou.plan?.done).toBe(2);
      expect(hekou.plan?.steps.map((s) => s.title)).toContain('选民登记与公布');
    });

    it('limits the village secretary to his own village', async () => {
      const register = await listTermRegister(w.ctx, w.actors['shuji']!);
      const outside = await w.orgIdByName('石桥村党支部');

      expect(register.map((v) => v.orgName)).toEqual(['河口村党委']);
      await expectCode(
        savePlan(w.ctx, w.actors['shuji']!, {
          orgId: outside,
          electionDate: '2027-03-01',
          bodyKinds: ['村民委员会'],
        }),
        'ERR_FORBIDDEN_SCOPE',
      );
      await expectCode(
        recordTermApproval(w.ctx, w.actors['shuji']!, register[0]!.terms[0]!.id, {
          kind: 'delay',
          approvedOn: '2026-11-01',
          until: '2027-03-01',
        }),
        'ERR_FORBIDDEN_ROLE',
      );
    });

    it('plans from 选举日 back, marks a step done and writes audit entries', async () => {
      const org = await w.orgIdByName('石桥村党支部');

      const plan = await savePlan(w.ctx, w.actors['zuzhi']!, {
        orgId: org,
        electionDate: '2027-03-20',
        bodyKinds: ['党组织委员会', '村民委员会'],
      });
      const roll = plan.steps.find((s) => s.key === 'voterRoll')!;
      const marked = await markPlanStep(w.ctx, w.actors['zuzhi']!, plan.id, 'survey', '2026-11-25');

      expect(roll.dueDate).toBe('2027-02-28');
      expect(plan.steps.find((s) => s.key === 'handover')?.dueDate).toBe('2027-03-30');
      expect(marked.done).toBe(1);
      await expectCode(
        markPlanStep(w.ctx, w.actors['zuzhi']!, plan.id, 'survey', '2026-12-25'),
        'ERR_ELECTION_PLAN_INVALID',
      );
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('flags a voter roll published less than 20 days before the election as late', async () => {
      const org = await w.orgIdByName('桃源村党支部');
      const plan = await savePlan(w.ctx, w.actors['zuzhi']!, {
        orgId: org,
        electionDate: '2026-12-10',
        bodyKinds: ['村民委员会'],
      });

      const onTime = await markPlanStep(
        w.ctx,
        w.actors['zuzhi']!,
        plan.id,
        'voterRoll',
        '2026-11-20',
      );
      const late = await markPlanStep(
        w.ctx,
        w.actors['zuzhi']!,
        plan.id,
        'voterRoll',
        '2026-11-21',
      );

      expect(onTime.steps.find((s) => s.key === 'voterRoll')?.late).toBe(false);
      expect(late.steps.find((s) => s.key === 'voterRoll')?.late).toBe(true);
      expect(onTime.findings.map((f) => [f.rule, f.severity])).toEqual([['VC-05', 'info']]);
      expect(late.findings.map((f) => [f.rule, f.severity])).toEqual([['VC-05', 'error']]);
      expect(late.steps.find((s) => s.key === 'rollAppeals')?.dueDate).toBe('2026-11-29');
    });

    it('records a complete round and starts the new term; refuses a broken round whole', async () => {
      const org = await w.orgIdByName('石桥村党支部');
      const before = await w.handle.db.selectFrom('electionRound').select('id').execute();

      const view = await recordRound(w.ctx, w.actors['zuzhi']!, { orgId: org, round: ROUND });
      await expectCode(
        recordRound(w.ctx, w.actors['zuzhi']!, {
          orgId: org,
          round: { ...ROUND, candidates: [{ name: '孙强', votes: 701 }] },
        }),
        'ERR_ELECTION_ROUND_INVALID',
      );

      expect(view.result.elected).toEqual(['孙强', '何敏', '郑军']);
      const rounds = await listRounds(w.ctx, w.actors['zuzhi']!, org);
      expect(rounds).toHaveLength(1);
      const all = await w.handle.db.selectFrom('electionRound').select('id').execute();
      expect(all.length).toBe(before.length + 1);
      const register = await listTermRegister(w.ctx, w.actors['zuzhi']!);
      const village = register.find((v) => v.orgId === org)!;
      const term = village.terms.find((t) => t.bodyKind === '村民委员会')!;
      expect(term.termStart).toBe('2026-11-20');
      expect(term.termEnd).toBe('2031-11-20');
      expect(term.bodySize).toBe(3);
      const actions = await w.handle.db
        .selectFrom('auditEntry')
        .select('action')
        .where('action', 'like', 'elections.%')
        .execute();
      expect(actions.map((a) => a.action)).toEqual([
        'elections.recordRound',
        'elections.startTerm',
      ]);
    });

    it('the elected take their posts: the old 村委 posts end on the new term’s start', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const org = await w.orgIdByName('石桥村党支部');
      const orgRow = await w.handle.db
        .selectFrom('org')
        .selectAll()
        .where('id', '=', org)
        .executeTakeFirstOrThrow();
      const people = await w.handle.db
        .selectFrom('person')
        .select(['id', 'name'])
        .where('areaCode', '=', orgRow.areaCode)
        .orderBy('id')
        .execute();
      const unique = people.filter((p) => people.filter((q) => q.name === p.name).length === 1);
      const chosen = unique.slice(0, 3);
      const oldPosts = await w.handle.db
        .selectFrom('cadrePost')
        .select(['id', 'personId'])
        .where('orgId', '=', org)
        .where('body', '=', 'villagersCommittee')
        .where('endedOn', 'is', null)
        .execute();
      expect(oldPosts.length).toBeGreaterThan(0);
      const partyBefore = await w.handle.db
        .selectFrom('cadrePost')
        .selectAll()
        .where('orgId', '=', org)
        .where('body', '=', 'partyOrg')
        .orderBy('id')
        .execute();

      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: {
          ...ROUND,
          candidates: [
            { name: chosen[0]!.name, votes: 600 },
            { name: chosen[1]!.name, votes: 520 },
            { name: '名册中没有', votes: 400 },
            { name: chosen[2]!.name, votes: 200 },
          ],
        },
      });

      const ended = await w.handle.db
        .selectFrom('cadrePost')
        .selectAll()
        .where(
          'id',
          'in',
          oldPosts.map((p) => p.id),
        )
        .execute();
      for (const post of ended) {
        expect(post).toMatchObject({ endedOn: '2026-11-20', endReason: '换届（SQ-2026-村委）' });
      }
      const current = await w.handle.db
        .selectFrom('cadrePost')
        .selectAll()
        .where('orgId', '=', org)
        .where('body', '=', 'villagersCommittee')
        .where('endedOn', 'is', null)
        .orderBy('id')
        .execute();
      expect(current.map((p) => [p.personId, p.title, p.termStart, p.termEnd])).toEqual([
        [chosen[0]!.id, 'member', '2026-11-20', '2031-11-20'],
        [chosen[1]!.id, 'member', '2026-11-20', '2031-11-20'],
      ]);
      const partyAfter = await w.handle.db
        .selectFrom('cadrePost')
        .selectAll()
        .where('orgId', '=', org)
        .where('body', '=', 'partyOrg')
        .orderBy('id')
        .execute();
      expect(partyAfter).toEqual(partyBefore);
      const audit = await w.handle.db
        .selectFrom('auditEntry')
        .select(['action', 'afterJson'])
        .where('action', 'in', ['roster.post.end', 'roster.post.create', 'elections.startTerm'])
        .orderBy('seq')
        .execute();
      expect(audit.filter((a) => a.action === 'roster.post.end')).toHaveLength(oldPosts.length);
      expect(audit.filter((a) => a.action === 'roster.post.create')).toHaveLength(2);
      const start = audit.find((a) => a.action === 'elections.startTerm')!;
      expect(JSON.parse(start.afterJson!)).toMatchObject({ postsNotFound: ['名册中没有'] });
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('a 党组织委员会 round appoints 委员; a one-seat 书记 round makes one of them 书记', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const org = await w.orgIdByName('石桥村党支部');
      const orgRow = await w.handle.db
        .selectFrom('org')
        .selectAll()
        .where('id', '=', org)
        .executeTakeFirstOrThrow();
      const members = await w.handle.db
        .selectFrom('person')
        .innerJoin('partyMembership', 'partyMembership.personId', 'person.id')
        .select(['person.id', 'person.name'])
        .where('partyMembership.orgId', '=', org)
        .where('partyMembership.status', '=', 'full')
        .orderBy('person.id')
        .execute();
      const all = await w.handle.db
        .selectFrom('person')
        .select('name')
        .where('areaCode', '=', orgRow.areaCode)
        .execute();
      const chosen = members
        .filter((m) => all.filter((p) => p.name === m.name).length === 1)
        .slice(0, 4);
      expect(chosen).toHaveLength(4);
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: {
          id: 'SQ-2026-支委',
          kind: '党组织委员会',
          date: '2026-11-20',
          seats: 3,
          expectedVoters: 40,
          presentVoters: 38,
          ballotsIssued: 38,
          ballotsReturned: 38,
          candidates: chosen.map((c, i) => ({ name: c.name, votes: [30, 28, 25, 5][i]! })),
        },
      });
      const open = () =>
        w.handle.db
          .selectFrom('cadrePost')
          .select(['personId', 'title', 'termStart', 'termEnd'])
          .where('orgId', '=', org)
          .where('body', '=', 'partyOrg')
          .where('endedOn', 'is', null)
          .orderBy('id')
          .execute();
      expect(await open()).toEqual(
        chosen.slice(0, 3).map((c) => ({
          personId: c.id,
          title: 'member',
          termStart: '2026-11-20',
          termEnd: '2031-11-20',
        })),
      );
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: {
          id: 'SQ-2026-书记',
          kind: '党组织书记副书记',
          date: '2026-11-20',
          seats: 1,
          expectedVoters: 3,
          presentVoters: 3,
          ballotsIssued: 3,
          ballotsReturned: 3,
          candidates: [{ name: chosen[1]!.name, votes: 3 }],
        },
      });
      const after = await open();
      expect(after).toHaveLength(3);
      expect(after.find((p) => p.personId === chosen[1]!.id)).toEqual({
        personId: chosen[1]!.id,
        title: 'secretary',
        termStart: '2026-11-20',
        termEnd: '2031-11-20',
      });
      expect((await verifyAuditChain(w.handle.db)).ok).toBe(true);
    });

    it('a refused round or a void round changes no post', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const org = await w.orgIdByName('石桥村党支部');
      const before = await w.handle.db.selectFrom('cadrePost').selectAll().orderBy('id').execute();
      await expectCode(
        recordRound(w.ctx, zuzhi, {
          orgId: org,
          round: { ...ROUND, candidates: [{ name: '孙强', votes: 701 }] },
        }),
        'ERR_ELECTION_ROUND_INVALID',
      );
      await recordRound(w.ctx, zuzhi, {
        orgId: org,
        round: {
          ...ROUND,
          presentVoters: 450,
          ballotsIssued: 450,
          ballotsReturned: 450,
          candidates: [
            { name: '孙强', votes: 400 },
            { name: '何敏', votes: 300 },
          ],
        },
      });
      const after = await w.handle.db.selectFrom('cadrePost').selectAll().orderBy('id').execute();
      expect(after).toEqual(before);
    });

    it('keeps a void round without starting a term', async () => {
      const org = await w.orgIdByName('石桥村党支部');

      const view = await recordRound(w.ctx, w.actors['zuzhi']!, {
        orgId: org,
        round: {
          ...ROUND,
          ballotsReturned: 450,
          ballotsIssued: 450,
          presentVoters: 450,
          candidates: [
            { name: '孙强', votes: 400 },
            { name: '何敏', votes: 300 },
            { name: '郑军', votes: 300 },
            { name: '钱芳', votes: 200 },
          ],
        },
      });

      expect(view.result.valid).toBe(false);
      const register = await listTermRegister(w.ctx, w.actors['zuzhi']!);
      const term = register
        .find((v) => v.orgId === org)!
        .terms.find((t) => t.bodyKind === '村民委员会')!;
      expect(term.termStart).toBe('2021-11-28');
    });

    it('previews a tally without recording it', () => {
      expect(previewRound(ROUND).elected).toEqual(['孙强', '何敏', '郑军']);
      expect(() => previewRound({ ...ROUND, seats: 0 })).toThrow(AppError);
    });

    it('checks candidates from the roster: a probationary member cannot stand for the committee', async () => {
      const org = await w.orgIdByName('河口村党委');
      const people = await w.handle.db
        .selectFrom('person')
        .innerJoin('partyMembership', 'partyMembership.personId', 'person.id')
        .innerJoin('org', 'org.id', 'partyMembership.orgId')
        .select(['person.id', 'partyMembership.status'])
        .where('org.name', 'like', '河口村%')
        .execute();
      const full = people.filter((p) => p.status === 'full').slice(0, 5);
      const probationary = people.find((p) => p.status === 'probationary')!;

      const result = await checkCandidates(w.ctx, w.actors['shuji']!, {
        orgId: org,
        bodyKind: '党组织委员会',
        date: '2027-01-09',
        seats: 5,
        candidates: [...full, probationary].map((p) => ({
          personId: p.id,
          residence: null,
          negativeHits: [],
          forSecretary: false,
        })),
      });

      expect(result.slate).toEqual([]);
      expect(result.candidates.at(-1)?.findings.map((f) => f.rule)).toContain('CAND-MEMBER');
      expect(result.candidates.slice(0, 5).every((c) => c.eligible)).toBe(true);
    });
  });
}
