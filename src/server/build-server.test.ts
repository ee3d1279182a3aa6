/// <reference types="vite/client" />
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../services/errors';
import { DEMO_PASSWORD } from '../services/demo/demo-township';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../services/testing';
import { SESSION_COOKIE } from './access';
import { buildServer, type BuiltServer } from './build-server';
import type { ScopeCaseFactory, ScopeCases, ScopeEnv } from './scope-cases';

const scopeCaseModules = import.meta.glob<{ buildScopeCases: ScopeCaseFactory }>(
  './routes/*.scope-cases.ts',
  { eager: true },
);

interface Session {
  cookie: string;
  csrf: string;
}

async function loginAs(app: FastifyInstance, username: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return {
    cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}`,
    csrf: (res.json() as { csrfToken: string }).csrfToken,
  };
}

function call(
  app: FastifyInstance,
  s: Session,
  method: string,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

for (const target of testDatabaseTargets()) {
  describe(`HTTP API on ${target.name}`, () => {
    let w: TestWorld;
    let built: BuiltServer;
    let app: FastifyInstance;
    beforeAll(async () => {
      w = await openTestWorld(target);
      built = await buildServer({ ctx: w.ctx });
      app = built.app;
    });
    afterAll(async () => {
      await app.close();
      await w.close();
    });

    it('answers the health check without a session', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/health' });

      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok' });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    });

    it('declares access on every route', () => {
      const apiRoutes = built.routeTable.filter((r) => r.url.startsWith('/api/'));

      expect(apiRoutes.length).toBeGreaterThan(10);
      for (const route of apiRoutes) {
        expect(route.access, `${route.method} ${route.url}`).toBeDefined();
      }
    });

    it('sets an HttpOnly SameSite=Strict session cookie on login', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'xuncha', password: DEMO_PASSWORD },
      });

      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Strict');
    });

    it('refuses requests without a session, and mutations without the CSRF token', async () => {
      const s = await loginAs(app, 'zuzhi');
      const townshipId = await w.orgIdByName('青山镇党委');

      expect((await app.inject({ method: 'GET', url: '/api/orgs' })).json()).toMatchObject({
        code: 'ERR_AUTH_REQUIRED',
      });
      const noToken = await app.inject({
        method: 'POST',
        url: '/api/orgs',
        headers: { cookie: s.cookie },
        payload: { parentId: townshipId, name: '无令牌党支部', kind: 'branch' },
      });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json()).toMatchObject({ code: 'ERR_CSRF' });
    });

    it('answers a malformed body with a Chinese message naming the field, never a stack trace', async () => {
      const s = await loginAs(app, 'zuzhi');

      const res = await call(app, s, 'POST', '/api/orgs', {
        parentId: 'abc',
        name: '某党支部',
        kind: 'branch',
      });

      expect(res.statusCode).toBe(400);
      const body = res.json() as { code: string; message: string; field: string };
      expect(body.code).toBe('ERR_VALIDATION');
      expect(body.field).toBe('parentId');
      expect(body.message).toMatch(/parentId.*[\u4e00-\u9fa5]/);
      expect(res.body).not.toContain('at ');
    });

    it('creates, renames, moves and dissolves an org through the API as the township organizer', async () => {
      const s = await loginAs(app, 'zuzhi');
      const townshipId = await w.orgIdByName('青山镇党委');
      const hekou = await w.orgIdByName('河口村党委');

      const created = await call(app, s, 'POST', '/api/orgs', {
        parentId: townshipId,
        name: '接口测试党支部',
        kind: 'branch',
      });
      expect(created.statusCode).toBe(201);
      const id = (created.json() as { id: number }).id;
      expect(
        (await call(app, s, 'PATCH', `/api/orgs/${id}`, { name: '接口测试二党支部' })).json(),
      ).toMatchObject({ name: '接口测试二党支部' });
      expect(
        (await call(app, s, 'POST', `/api/orgs/${id}/move`, { parentId: hekou })).json(),
      ).toMatchObject({ parentId: hekou });
      expect((await call(app, s, 'DELETE', `/api/orgs/${id}`)).json()).toEqual({ ok: true });
      const audit = (await call(app, s, 'GET', '/api/audit?pageSize=5')).json() as {
        items: { action: string }[];
      };
      expect(audit.items.map((i) => i.action).slice(0, 4)).toEqual([
        'org.dissolve',
        'org.move',
        'org.rename',
        'org.create',
      ]);
    });

    it('blocks everything but the password change while a forced change is pending', async () => {
      await w.handle.db
        .updateTable('account')
        .set({ mustChangePassword: 1 })
        .where('username', '=', 'xianji')
        .execute();
      const s = await loginAs(app, 'xianji');

      expect((await call(app, s, 'GET', '/api/orgs')).json()).toMatchObject({
        code: 'ERR_AUTH_PASSWORD_CHANGE_REQUIRED',
      });
      expect((await call(app, s, 'GET', '/api/auth/me')).statusCode).toBe(200);
      expect(
        (
          await call(app, s, 'POST', '/api/auth/password', {
            currentPassword: DEMO_PASSWORD,
            newPassword: 'County2026x',
          })
        ).statusCode,
      ).toBe(200);
      expect((await call(app, s, 'GET', '/api/orgs')).statusCode).toBe(200);
    });

    it('keeps a village secretary out of everything beyond his subtree, route by route', async () => {
      const session = await loginAs(app, 'shuji');
      const env: ScopeEnv = {
        app,
        world: w,
        session,
        call: (method, url, payload) => call(app, session, method, url, payload),
      };
      const cases: ScopeCases = {};
      for (const module of Object.values(scopeCaseModules)) {
        Object.assign(cases, await module.buildScopeCases(env));
      }
      const scoped = built.routeTable.filter(
        (r) => r.access !== undefined && 'scope' in r.access && r.access.scope === 'caller',
      );

      expect(scoped.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(cases).sort());
      for (const [route, scopeCase] of Object.entries(cases)) {
        const res = await scopeCase.attempt();
        if (scopeCase.expect === 'forbidden') {
          expect(res.statusCode, route).toBe(403);
          expect(['ERR_FORBIDDEN_ROLE', 'ERR_FORBIDDEN_SCOPE'], route).toContain(
            (res.json() as { code: string }).code,
          );
        } else {
          expect(res.statusCode, route).toBe(200);
          await scopeCase.expect(res);
        }
      }
      const after = await w.handle.db
        .selectFrom('org')
        .select('name')
        .where('name', '=', '石桥村党支部')
        .executeTakeFirst();
      expect(after?.name).toBe('石桥村党支部');
    });

    it('offers a township organizer only the roles he may grant', async () => {
      const s = await loginAs(app, 'zuzhi');

      const roles = (await call(app, s, 'GET', '/api/roles')).json() as {
        items: { role: string; grantable: boolean }[];
      };

      expect(roles.items.filter((r) => r.grantable).map((r) => r.role)).toEqual([
        'townshipOrganizer',
        'branchSecretary',
        'inspector',
      ]);
    });

    it('uses only codes that the error catalogue knows', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });

      expect(res.statusCode).toBe(404);
      expect(Object.keys(ERROR_CATALOGUE)).toContain((res.json() as { code: string }).code);
    });
  });
}
