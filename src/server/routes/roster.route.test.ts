import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

    it('appoints a new 群众 to the 村务监督委员会, and wants a person or a new one, not both', async () => {
      const zuzhi = await login(app, 'zuzhi');
      const orgId = await w.orgIdByName('河口村党委');
      const post = {
        orgId,
        body: 'supervisoryCommittee',
        title: 'member',
        termStart: '2026-11-20',
        termEnd: null,
      };
      const neither = await zuzhi('POST', '/api/roster/posts', post);
      expect(neither.statusCode).toBe(400);
      expect(neither.json()).toMatchObject({
        code: 'ERR_VALIDATION',
        message: '请选择人员，或登记一位非党员（群众），二者选一',
        field: 'personId',
      });
      const newPerson = {
        name: '监委新人',
        idNumber: '11010519491231002X',
        education: null,
        phone: null,
      };
      const both = await zuzhi('POST', '/api/roster/posts', { ...post, personId: 1, newPerson });
      expect(both.statusCode).toBe(400);
      const ok = await zuzhi('POST', '/api/roster/posts', { ...post, newPerson });
      expect(ok.statusCode).toBe(201);
      const profile = (await zuzhi('GET', `/api/roster/villages/${orgId}`)).json() as {
        posts: { name: string; isPartyMember: boolean; body: string }[];
      };
      expect(profile.posts).toContainEqual(
        expect.objectContaining({
          name: '监委新人',
          isPartyMember: false,
          body: 'supervisoryCommittee',
        }),
      );
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

describe('roster import over HTTP: the previewed file waits on disk for its commit', () => {
  it('commits by token once, only for the uploader, refuses an expired token and an oversized body', async () => {
    const target = testDatabaseTargets()[0]!;
    const w = await openTestWorld(target);
    const uploadDir = await mkdtemp(join(tmpdir(), 'zugong-uploads-test-'));
    let now = new Date('2026-11-20T02:00:00Z');
    const ctx = { ...w.ctx, now: () => now };
    const app = (await buildServer({ ctx, uploadDir })).app;
    try {
      const zuzhi = await login(app, 'zuzhi');
      const xianji = await login(app, 'xianji');
      const exported = await zuzhi('GET', '/api/roster/export?revealIdNumbers=true');
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
      wb.worksheets[0]!.getRow(2).getCell(6).value = '研究生';
      const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
      const preview = await zuzhi('POST', '/api/roster/import/preview', {
        fileName: '花名册.xlsx',
        contentBase64: file,
      });
      expect(preview.statusCode).toBe(200);
      const body = preview.json() as { updated: number; problemCount: number; token: string };
      expect(body).toMatchObject({ updated: 1, problemCount: 0 });
      expect(body.token).toMatch(/^[0-9a-f]{44}$/);
      expect(await readdir(uploadDir)).toHaveLength(1);
      // Another account cannot use the token; a malformed one is refused the same way.
      const other = await xianji('POST', '/api/roster/import', { token: body.token });
      expect(other.json()).toMatchObject({ code: 'ERR_ROSTER_IMPORT_EXPIRED' });
      expect((await zuzhi('POST', '/api/roster/import', { token: '../x' })).statusCode).toBe(410);
      // 30 minutes is the limit: one minute past it the file is gone.
      now = new Date(now.getTime() + 31 * 60_000);
      const late = await zuzhi('POST', '/api/roster/import', { token: body.token });
      expect(late.statusCode).toBe(410);
      expect(await readdir(uploadDir)).toHaveLength(0);
      // Preview again, commit within the limit: written once, the file removed.
      const again = (
        await zuzhi('POST', '/api/roster/import/preview', {
          fileName: 'a.xlsx',
          contentBase64: file,
        })
      ).json() as { token: string };
      now = new Date(now.getTime() + 29 * 60_000);
      const done = await zuzhi('POST', '/api/roster/import', { token: again.token });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ created: 0, updated: 1 });
      expect(await readdir(uploadDir)).toHaveLength(0);
      expect((await zuzhi('POST', '/api/roster/import', { token: again.token })).statusCode).toBe(
        410,
      );
      // A body over the route's limit is refused before it is read, naming the cap.
      const huge = await zuzhi('POST', '/api/roster/import/preview', {
        fileName: 'big.xlsx',
        contentBase64: 'A'.repeat(29 * 1024 * 1024),
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.json()).toMatchObject({
        code: 'ERR_ROSTER_IMPORT_TOO_LARGE',
        message: '上传的文件超过上限 20 MB',
      });
      // Just under the body limit but over 20 MB once decoded: refused with the size named.
      const over = await zuzhi('POST', '/api/roster/import/preview', {
        fileName: 'big.xlsx',
        contentBase64: 'A'.repeat(27 * 1024 * 1024),
      });
      expect(over.statusCode).toBe(413);
      expect(over.json()).toMatchObject({ message: '文件大小 20.3 MB，超过上限 20 MB' });
    } finally {
      await app.close();
      await w.close();
      await rm(uploadDir, { recursive: true, force: true });
    }
  }, 60_000);
});
