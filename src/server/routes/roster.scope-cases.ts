import { expect } from 'vitest';
import type { ScopeCaseFactory } from '../scope-cases';

export const buildScopeCases: ScopeCaseFactory = async ({ world, call }) => {
  const outside = await world.orgIdByName('石桥村党支部');
  const outsideMember = await world.handle.db
    .selectFrom('partyMembership')
    .select('id')
    .where('orgId', '=', outside)
    .where('status', '=', 'full')
    .where('awayKind', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return {
    'GET /api/roster/members': {
      attempt: () => call('GET', '/api/roster/members?pageSize=200&away=all'),
      expect: (res) => {
        const body = res.json() as { items: { villageName: string }[]; total: number };
        expect(body.total).toBeGreaterThan(100);
        expect(body.items.every((r) => r.villageName === '河口村党委')).toBe(true);
      },
    },
    'GET /api/roster/members/:id': {
      attempt: () => call('GET', `/api/roster/members/${outsideMember.id}`),
      expect: 'forbidden',
    },
    'POST /api/roster/members/:id/reveal-id-number': {
      attempt: () => call('POST', `/api/roster/members/${outsideMember.id}/reveal-id-number`),
      expect: 'forbidden',
    },
    'POST /api/roster/members/:id/events': {
      attempt: () =>
        call('POST', `/api/roster/members/${outsideMember.id}/events`, {
          kind: 'mobileOut',
          occurredOn: '2026-11-20',
          place: '越权登记',
        }),
      expect: 'forbidden',
    },
    'POST /api/roster/members/transfer-in': {
      attempt: () =>
        call('POST', '/api/roster/members/transfer-in', {
          orgId: outside,
          person: { name: '越权转入', gender: '男', idNumber: '11010519491231002X' },
          status: 'full',
          joinedOn: '2010-07-01',
          fullMemberSince: '2011-07-01',
          occurredOn: '2026-11-20',
          letterNumber: '越权',
          fromOrg: '越权',
          validUntil: '2026-12-20',
        }),
      expect: 'forbidden',
    },
    'GET /api/roster/villages': {
      attempt: () => call('GET', '/api/roster/villages'),
      expect: (res) => {
        const names = (res.json() as { items: { name: string }[] }).items.map((v) => v.name);
        expect(names).toEqual(['河口村党委']);
      },
    },
    'GET /api/roster/villages/:id': {
      attempt: () => call('GET', `/api/roster/villages/${outside}`),
      expect: 'forbidden',
    },
    'GET /api/roster/export': {
      attempt: () => call('GET', `/api/roster/export?orgId=${outside}`),
      expect: 'forbidden',
    },
    'POST /api/roster/import/preview': {
      attempt: () =>
        call('POST', '/api/roster/import/preview', {
          fileName: 'x.xlsx',
          contentBase64: 'UEsDBA==',
        }),
      expect: 'forbidden',
    },
    'POST /api/roster/import': {
      attempt: () =>
        call('POST', '/api/roster/import', { fileName: 'x.xlsx', contentBase64: 'UEsDBA==' }),
      expect: 'forbidden',
    },
    'POST /api/roster/posts': {
      attempt: () =>
        call('POST', '/api/roster/posts', {
          orgId: outside,
          personId: 1,
          body: 'partyOrg',
          title: 'member',
          termStart: '2026-03-16',
          termEnd: null,
        }),
      expect: 'forbidden',
    },
    'POST /api/roster/posts/:id/end': {
      attempt: () =>
        call('POST', '/api/roster/posts/1/end', { endedOn: '2026-11-01', reason: '越权' }),
      expect: 'forbidden',
    },
    'POST /api/roster/reserves': {
      attempt: () =>
        call('POST', '/api/roster/reserves', {
          orgId: outside,
          personId: 1,
          readiness: 'ready',
          targetPost: null,
          notes: null,
        }),
      expect: 'forbidden',
    },
    'DELETE /api/roster/reserves/:id': {
      attempt: () => call('DELETE', '/api/roster/reserves/1'),
      expect: 'forbidden',
    },
    'GET /api/roster/checks': {
      attempt: () => call('GET', '/api/roster/checks'),
      expect: (res) => {
        const body = res.json() as { scopeName: string; findings: { orgName: string }[] };
        expect(body.scopeName).toBe('河口村党委');
        expect(body.findings.length).toBeGreaterThan(0);
        expect(body.findings.every((f) => f.orgName.startsWith('河口村'))).toBe(true);
      },
    },
    'GET /api/roster/checks/export': {
      attempt: () => call('GET', `/api/roster/checks/export?orgId=${outside}`),
      expect: 'forbidden',
    },
    'GET /api/roster/statistics': {
      attempt: () => call('GET', `/api/roster/statistics?orgId=${outside}`),
      expect: 'forbidden',
    },
  };
};
