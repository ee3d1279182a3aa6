import { expect } from 'vitest';
import type { ScopeCaseFactory } from '../scope-cases';

export const buildScopeCases: ScopeCaseFactory = async ({ world, call }) => {
  const outside = await world.orgIdByName('石桥村党支部');
  const township = await world.orgIdByName('青山镇党委');
  const zuzhiId = (
    await world.handle.db
      .selectFrom('account')
      .select('id')
      .where('username', '=', 'zuzhi')
      .executeTakeFirstOrThrow()
  ).id;
  return {
    'GET /api/orgs': {
      attempt: () => call('GET', '/api/orgs'),
      expect: (res) => {
        const names = (res.json() as { items: { name: string }[] }).items.map((o) => o.name);
        expect(names).toContain('河口村第一党支部');
        expect(names).not.toContain('石桥村党支部');
        expect(names).not.toContain('青山镇党委');
      },
    },
    'POST /api/orgs': {
      attempt: () =>
        call('POST', '/api/orgs', { parentId: township, name: '越权党支部', kind: 'branch' }),
      expect: 'forbidden',
    },
    'PATCH /api/orgs/:id': {
      attempt: () => call('PATCH', `/api/orgs/${outside}`, { name: '越权改名' }),
      expect: 'forbidden',
    },
    'POST /api/orgs/:id/move': {
      attempt: () => call('POST', `/api/orgs/${outside}/move`, { parentId: township }),
      expect: 'forbidden',
    },
    'DELETE /api/orgs/:id': {
      attempt: () => call('DELETE', `/api/orgs/${outside}`),
      expect: 'forbidden',
    },
    'GET /api/accounts': { attempt: () => call('GET', '/api/accounts'), expect: 'forbidden' },
    'POST /api/accounts': {
      attempt: () =>
        call('POST', '/api/accounts', {
          username: 'evil',
          displayName: '越权',
          role: 'inspector',
          scopeOrgId: outside,
          password: 'Evil20260',
        }),
      expect: 'forbidden',
    },
    'PATCH /api/accounts/:id': {
      attempt: () => call('PATCH', `/api/accounts/${zuzhiId}`, { disabled: true }),
      expect: 'forbidden',
    },
    'POST /api/accounts/:id/reset-password': {
      attempt: () =>
        call('POST', `/api/accounts/${zuzhiId}/reset-password`, { password: 'Evil20260' }),
      expect: 'forbidden',
    },
    'GET /api/audit': { attempt: () => call('GET', '/api/audit'), expect: 'forbidden' },
  };
};
