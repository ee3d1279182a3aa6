import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/demo/demo-township';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../../services/testing';
import { SESSION_COOKIE } from '../access';
import { buildServer } from '../build-server';

async function login(app: FastifyInstance, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return (method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({
      method,
      url,
      headers: { cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}`, 'x-csrf-token': csrf },
      ...(payload === undefined ? {} : { payload }),
    });
}

interface Page {
  items: { membershipId: number; name: string; idNumber: string; gender: string }[];
  total: number;
}

for (const target of testDatabaseTargets()) {
  describe(`roster HTTP API on ${target.name}`, () => {
    let w: TestWorld;
    let app: FastifyInstance;
    beforeAll(async () => {
      w = await openTestWorld(target);
      app = (await buildServer({ ctx: w.ctx })).app;
    });
    afterAll(async () => {
      await app.close();
      await w.close();
    });

    it('pages, filters and searches by initials with masked ID numbers', async () => {
      const zuzhi = await login(app, 'zuzhi');
      const first = (await zuzhi('GET', '/api/roster/members?pageSize=5&gender=女')).json() as Page;
      expect(first.items).toHaveLength(5);
      expect(first.items.every((r) => r.gender === '女' && /\*{10}/.test(r.idNumber))).toBe(true);
      const person = await w.handle.db
        .selectFrom('person')
        .select(['name', 'nameInitials'])
        .where('name', '=', first.items[0]!.name)
        .executeTakeFirstOrThrow();
      const found = (
        await zuzhi('GET', `/api/roster/members?q=${person.nameInitials}&pageSize=200`)
      ).json() as Page;
      expect(found.items.map((r) => r.name)).toContain(person.name);
      const bad = await zuzhi('GET', '/api/roster/members?status=member');
      expect(bad.statusCode).toBe(400);
    });

    it('reveals a full ID number to the organizer, never to the inspector', async () => {
      const zuzhi = await login(app, 'zuzhi');
      const row = ((await zuzhi('GET', '/api/roster/members?pageSize=1')).json() as Page).items[0]!;
      const shown = await zuzhi('POST', `/api/roster/members/${row.membershipId}/reveal-id-number`);
      expect(shown.statusCode).toBe(200);
      expect((shown.json() as { idNumber: string }).idNumber).toMatch(/^\d{17}[\dX]$/);
      const xuncha = await login(app, 'xuncha');
      const refused = await xuncha(
        'POST',
        `/api/roster/members/${row.membershipId}/reveal-id-number`,
      );
      expect(refused.statusCode).toBe(403);
      const audit = (await zuzhi('GET', '/api/audit?pageSize=5')).json() as {
        items: { action: string }[];
      };
      expect(audit.items.map((a) => a.action)).toContain('roster.revealIdNumber');
    });

    it('records a 流动 event and answers a bad one with the field named', async () => {
      const zuzhi = await login(app, 'zuzhi');
      const row = (
        (await zuzhi('GET', '/api/roster/members?pageSize=1&status=full&away=here')).json() as Page
      ).items[0]!;
      const missing = await zuzhi('POST', `/api/roster/members/${row.membershipId}/events`, {
        kind: 'mobileOut',
        occurredOn: '2026-11-01',
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'ERR_ROSTER_EVENT_INVALID', field: 'place' });
      const ok = await zuzhi('POST', `/api/roster/members/${row.membershipId}/events`, {
        kind: 'mobileOut',
        occurredOn: '2026-11-01',
        place: '江苏省苏州市',
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ kindLabel: '外出流动', place: '江苏省苏州市' });
    });
  });
}

describe('roster .xlsx over HTTP', () => {
  it('downloads the template and previews an upload sent as base64', async () => {
    const target = testDatabaseTargets()[0]!;
    const w = await openTestWorld(target);
    const app = (await buildServer({ ctx: w.ctx })).app;
    try {
      const zuzhi = await login(app, 'zuzhi');
      const template = await zuzhi('GET', '/api/roster/template');
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-type']).toContain('spreadsheetml');
      const preview = await zuzhi('POST', '/api/roster/import/preview', {
        fileName: '模板.xlsx',
        contentBase64: template.rawPayload.toString('base64'),
      });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        fileRows: 0,
        problems: [{ row: 0, message: '工作表中没有数据行' }],
      });
      const notXlsx = await zuzhi('POST', '/api/roster/import', {
        fileName: 'a.csv',
        contentBase64: Buffer.from('姓名,性别').toString('base64'),
      });
      expect(notXlsx.statusCode).toBe(400);
      expect(notXlsx.json()).toMatchObject({ code: 'ERR_ROSTER_IMPORT_FILE' });
      const exported = await zuzhi('GET', '/api/roster/export?gender=女');
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toContain('%E5%85%9A');
    } finally {
      await app.close();
      await w.close();
    }
  });
});
