import { expect } from 'vitest';
import { createMeeting, listBranchMembers } from '../../services/meetings/meetings.service';
import type { ScopeCaseFactory } from '../scope-cases';

/** The village secretary (河口村党委) against 石桥村党支部's meetings and the township's report. */
export const buildScopeCases: ScopeCaseFactory = async ({ world, call }) => {
  const outside = await world.orgIdByName('石桥村党支部');
  const zuzhi = world.actors['zuzhi']!;
  const member = (await listBranchMembers(world.ctx, zuzhi, outside)).members[0]!;
  const meeting = await createMeeting(world.ctx, zuzhi, {
    orgId: outside,
    kind: 'themeDay',
    date: '2026-11-05',
    topic: '越权测试用主题党日',
    studyHours: 2,
    attendees: [{ personId: member.personId }],
  });
  const onlyHekou = (names: string[]): void => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(name).toMatch(/^河口村/);
    }
  };
  return {
    'GET /api/meetings': {
      attempt: () => call('GET', '/api/meetings?year=2026'),
      expect: (res) => {
        expect(res.statusCode).toBe(200);
        const items = (res.json() as { items: { id: number; orgName: string }[] }).items;
        expect(items.map((m) => m.id)).not.toContain(meeting.id);
        for (const m of items) {
          expect(m.orgName).toMatch(/^河口村/);
        }
      },
    },
    'POST /api/meetings': {
      attempt: () =>
        call('POST', '/api/meetings', {
          orgId: outside,
          kind: 'themeDay',
          date: '2026-11-06',
          topic: '越权',
          studyHours: 1,
          attendees: [{ personId: member.personId }],
        }),
      expect: 'forbidden',
    },
    'GET /api/meetings/:id': {
      attempt: () => call('GET', `/api/meetings/${meeting.id}`),
      expect: 'forbidden',
    },
    'DELETE /api/meetings/:id': {
      attempt: () => call('DELETE', `/api/meetings/${meeting.id}`),
      expect: 'forbidden',
    },
    'GET /api/meetings/:id/record': {
      attempt: () => call('GET', `/api/meetings/${meeting.id}/record`),
      expect: 'forbidden',
    },
    'GET /api/meetings/branches/:id': {
      attempt: () => call('GET', `/api/meetings/branches/${outside}`),
      expect: 'forbidden',
    },
    'GET /api/meetings/branches/:id/plan': {
      attempt: () => call('GET', `/api/meetings/branches/${outside}/plan?year=2026`),
      expect: 'forbidden',
    },
    'GET /api/meetings/branches/:id/plan/docx': {
      attempt: () => call('GET', `/api/meetings/branches/${outside}/plan/docx?year=2026`),
      expect: 'forbidden',
    },
    'POST /api/study-exemptions': {
      attempt: () =>
        call('POST', '/api/study-exemptions', { personId: member.personId, reason: '越权' }),
      expect: 'forbidden',
    },
    'DELETE /api/study-exemptions/:personId': {
      attempt: () => call('DELETE', `/api/study-exemptions/${member.personId}`),
      expect: 'forbidden',
    },
    'GET /api/compliance': {
      attempt: () => call('GET', '/api/compliance?year=2026'),
      expect: (res) => {
        expect(res.statusCode).toBe(200);
        const body = res.json() as { branches: { name: string }[]; rollups: { name: string }[] };
        onlyHekou(body.branches.map((b) => b.name));
        onlyHekou(body.rollups.map((r) => r.name));
      },
    },
    'GET /api/compliance/export': {
      attempt: () => call('GET', `/api/compliance/export?year=2026&orgId=${outside}`),
      expect: 'forbidden',
    },
  };
};
