import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/id-number';
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

for (const target of testDatabaseTargets()) {
  describe(`组织设置检查 and 组织关系转入 over HTTP on ${target.name}`, () => {
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

    it('answers the report as JSON and as an .xlsx download named after the township', async () => {
      const zuzhi = await login(app, 'zuzhi');
      const json = await zuzhi('GET', '/api/roster/checks');
      expect(json.statusCode).toBe(200);
      const body = json.json() as { findings: { ruleId: string; facts: object }[] };
      expect(body.findings.some((f) => f.ruleId === 'BR-04')).toBe(true);
      const file = await zuzhi('GET', '/api/roster/checks/export');
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      expect(String(file.headers['content-disposition'])).toContain(
        encodeURIComponent('青山镇党委组织设置检查.xlsx'),
      );
      expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('registers a transfer-in with 201 and refuses the same ID number with 409', async () => {
      const zuzhi = await login(app, 'zuzhi');
      const first17 = '11010519791105202';
      const payload = {
        orgId: await w.orgIdByName('石桥村党支部'),
        person: { name: '祁红梅', gender: '女', idNumber: first17 + idCheckChar(first17) },
        status: 'probationary',
        joinedOn: '2026-03-01',
        occurredOn: '2026-11-02',
        letterNumber: '东组转字〔2026〕第9号',
        fromOrg: '中共东莞市长安镇委员会',
        validUntil: '2026-12-01',
      };
      const res = await zuzhi('POST', '/api/roster/members/transfer-in', payload);
      expect(res.statusCode).toBe(201);
      const { membershipId } = res.json() as { membershipId: number };
      const member = (await zuzhi('GET', `/api/roster/members/${membershipId}`)).json() as {
        statusLabel: string;
        events: { kindLabel: string; letterNumber: string }[];
      };
      expect(member.statusLabel).toBe('预备党员');
      expect(member.events[0]).toMatchObject({
        kindLabel: '组织关系转入',
        letterNumber: '东组转字〔2026〕第9号',
      });
      const again = await zuzhi('POST', '/api/roster/members/transfer-in', payload);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'ERR_ROSTER_PERSON_EXISTS',
        field: 'person.idNumber',
      });
      expect((again.json() as { message: string }).message).toContain('祁红梅（石桥村党支部）');
    });
  });
}
