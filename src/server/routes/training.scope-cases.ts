import { expect } from 'vitest';
import { listBranchMembers } from '../../services/meetings/meetings.service';
import { createClass, recordAttendance } from '../../services/meetings/training.service';
import type { ScopeCaseFactory } from '../scope-cases';

/** The village secretary against a class the township runs for 石桥村's members. */
export const buildScopeCases: ScopeCaseFactory = async ({ world, call }) => {
  const zuzhi = world.actors['zuzhi']!;
  const township = await world.orgIdByName('青山镇党委');
  const outside = await world.orgIdByName('石桥村党支部');
  const member = (await listBranchMembers(world.ctx, zuzhi, outside)).members[0]!;
  const cls = await createClass(world.ctx, zuzhi, {
    orgId: township,
    name: '越权测试用轮训班',
    organizer: '中共青山镇委员会',
    startDate: '2026-10-10',
    endDate: '2026-10-10',
    centralized: true,
    sessions: [{ date: '2026-10-10', hours: 4, topic: '党章', teacher: '县委党校' }],
    trainees: [{ personId: member.personId, category: 'member' }],
  });
  const session = cls.sessions[0]!;
  await recordAttendance(world.ctx, zuzhi, cls.id, session.id, [{ personId: member.personId }]);
  return {
    'GET /api/training/plan': {
      attempt: () => call('GET', `/api/training/plan?year=2026&orgId=${township}`),
      expect: 'forbidden',
    },
    'GET /api/training/plan/docx': {
      attempt: () => call('GET', `/api/training/plan/docx?year=2026&orgId=${outside}`),
      expect: 'forbidden',
    },
    'POST /api/training/classes/:id/trainees/import': {
      attempt: () =>
        call('POST', `/api/training/classes/${cls.id}/trainees/import`, {
          fileName: 'x.xlsx',
          contentBase64: 'UEsDBA==',
        }),
      expect: 'forbidden',
    },
    'GET /api/training/classes': {
      attempt: () => call('GET', '/api/training/classes'),
      expect: (res) => {
        expect(res.statusCode).toBe(200);
        const ids = (res.json() as { items: { id: number }[] }).items.map((c) => c.id);
        expect(ids).not.toContain(cls.id);
      },
    },
    'POST /api/training/classes': {
      attempt: () =>
        call('POST', '/api/training/classes', {
          orgId: township,
          name: '越权',
          organizer: '越权',
          startDate: '2026-11-01',
          endDate: '2026-11-01',
          centralized: false,
          sessions: [],
          trainees: [],
        }),
      expect: 'forbidden',
    },
    'GET /api/training/classes/:id': {
      attempt: () => call('GET', `/api/training/classes/${cls.id}`),
      expect: 'forbidden',
    },
    'PUT /api/training/classes/:id/sessions/:sessionId/attendance': {
      attempt: () =>
        call('PUT', `/api/training/classes/${cls.id}/sessions/${session.id}/attendance`, {
          attendees: [],
        }),
      expect: 'forbidden',
    },
    'GET /api/training/classes/:id/certificates/:personId': {
      attempt: () => call('GET', `/api/training/classes/${cls.id}/certificates/${member.personId}`),
      expect: 'forbidden',
    },
  };
};
