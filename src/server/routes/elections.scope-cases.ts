import { expect } from 'vitest';
import type { ScopeCaseFactory } from '../scope-cases';

export const buildScopeCases: ScopeCaseFactory = async ({ world, call }) => {
  const outside = await world.orgIdByName('石桥村党支部');
  const own = await world.orgIdByName('河口村党委');
  const outsideTerm = await world.handle.db
    .selectFrom('electionTerm')
    .select('id')
    .where('orgId', '=', outside)
    .executeTakeFirstOrThrow();
  const outsidePlan = await world.handle.db
    .insertInto('electionPlan')
    .values({
      orgId: outside,
      areaCode: '990102',
      electionDate: '2027-03-20',
      bodyKinds: '村民委员会',
      progressJson: '{}',
      createdAt: '2026-11-27T00:00:00Z',
      updatedAt: '2026-11-27T00:00:00Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const outsideRound = await world.handle.db
    .insertInto('electionRound')
    .values({
      orgId: outside,
      areaCode: '990102',
      planId: null,
      code: 'SQ-X',
      kind: '村民委员会',
      roundKind: '正式选举',
      date: '2026-11-20',
      seats: 1,
      expectedVoters: 10,
      presentVoters: 8,
      ballotsIssued: 8,
      ballotsReturned: 8,
      candidatesJson: '[]',
      resultJson: '{}',
      valid: 1,
      recordedAt: '2026-11-27T00:00:00Z',
      recordedById: null,
      recordedByName: '系统',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    'GET /api/elections/rounds/:id/announcement.docx': {
      attempt: () => call('GET', `/api/elections/rounds/${outsideRound.id}/announcement.docx`),
      expect: 'forbidden',
    },
    'GET /api/elections/plans/:id/plan.xlsx': {
      attempt: () => call('GET', `/api/elections/plans/${outsidePlan.id}/plan.xlsx`),
      expect: 'forbidden',
    },
    'GET /api/elections/rounds/:id/report.docx': {
      attempt: () => call('GET', `/api/elections/rounds/${outsideRound.id}/report.docx`),
      expect: 'forbidden',
    },
    'GET /api/elections/terms': {
      attempt: () => call('GET', '/api/elections/terms'),
      expect: (res) => {
        const names = (res.json() as { items: { orgName: string }[] }).items.map((v) => v.orgName);
        expect(names).toEqual(['河口村党委']);
      },
    },
    'POST /api/elections/terms': {
      attempt: () =>
        call('POST', '/api/elections/terms', {
          orgId: outside,
          bodyKind: '村民委员会',
          termStart: '2026-01-01',
          bodySize: 5,
        }),
      expect: 'forbidden',
    },
    'POST /api/elections/terms/:id/approval': {
      attempt: () =>
        call('POST', `/api/elections/terms/${outsideTerm.id}/approval`, {
          kind: 'delay',
          approvedOn: '2026-11-01',
          until: '2027-03-01',
        }),
      expect: 'forbidden',
    },
    'POST /api/elections/plans': {
      attempt: () =>
        call('POST', '/api/elections/plans', {
          orgId: outside,
          electionDate: '2027-03-20',
          bodyKinds: ['村民委员会'],
        }),
      expect: 'forbidden',
    },
    'GET /api/elections/plans/:id': {
      attempt: () => call('GET', `/api/elections/plans/${outsidePlan.id}`),
      expect: 'forbidden',
    },
    'POST /api/elections/plans/:id/steps': {
      attempt: () =>
        call('POST', `/api/elections/plans/${outsidePlan.id}/steps`, {
          step: 'survey',
          doneOn: '2026-11-20',
        }),
      expect: 'forbidden',
    },
    'POST /api/elections/candidates/check': {
      attempt: () =>
        call('POST', '/api/elections/candidates/check', {
          orgId: outside,
          bodyKind: '村民委员会',
          date: '2027-03-20',
          seats: 5,
          candidates: [],
        }),
      expect: 'forbidden',
    },
    'POST /api/elections/candidates/checks': {
      attempt: () =>
        call('POST', '/api/elections/candidates/checks', {
          orgId: outside,
          bodyKind: '村民委员会',
          date: '2027-03-20',
          seats: 5,
          candidates: [],
        }),
      expect: 'forbidden',
    },
    'GET /api/elections/candidates/checks': {
      attempt: () => call('GET', `/api/elections/candidates/checks?orgId=${outside}`),
      expect: 'forbidden',
    },
    'GET /api/elections/rounds': {
      attempt: () => call('GET', `/api/elections/rounds?orgId=${outside}`),
      expect: 'forbidden',
    },
    'POST /api/elections/rounds': {
      // Outside his village: refused; in his own village a complete round (it would change the
      // 两委 posts) is refused too — only the township or county records it (ADR 0016).
      attempt: async () => {
        const round = {
          id: 'X',
          kind: '村民委员会',
          date: '2026-11-20',
          seats: 3,
          expectedVoters: 10,
          presentVoters: 8,
          ballotsIssued: 8,
          ballotsReturned: 8,
          candidates: [
            { name: '甲', votes: 6 },
            { name: '乙', votes: 6 },
            { name: '丙', votes: 5 },
            { name: '丁', votes: 2 },
          ],
        };
        const outsideRes = await call('POST', '/api/elections/rounds', { orgId: outside, round });
        expect(outsideRes.statusCode).toBe(403);
        return call('POST', '/api/elections/rounds', { orgId: own, round });
      },
      expect: 'forbidden',
    },
  };
};
