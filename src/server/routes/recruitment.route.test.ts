import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/demo/demo-township';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../../services/testing';
import { SESSION_COOKIE } from '../access';
import { buildServer } from '../build-server';

for (const target of testDatabaseTargets()) {
  describe(`发展党员 API on ${target.name}`, () => {
    let w: TestWorld;
    let app: FastifyInstance;
    const sessions: Record<string, Record<string, string>> = {};

    async function login(username: string): Promise<Record<string, string>> {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      return {
        cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}`,
        'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
      };
    }

    beforeAll(async () => {
      w = await openTestWorld(target);
      app = (await buildServer({ ctx: w.ctx })).app;
      for (const name of ['zuzhi', 'shuji', 'xuncha']) {
        sessions[name] = await login(name);
      }
    });
    afterAll(async () => {
      await app.close();
      await w.close();
    });

    it('creates an applicant, refuses an unflagged error, saves it flagged, then clears it', async () => {
      const headers = sessions['zuzhi']!;
      const created = await app.inject({
        method: 'POST',
        url: '/api/recruitment/dossiers',
        headers,
        payload: {
          orgId: await w.orgIdByName('河口村第二党支部'),
          person: { name: '接口甲', gender: '女', idNumber: '11010519491231002X' },
        },
      });
      expect(created.statusCode).toBe(201);
      const dossier = created.json() as { id: number; birthDate: string; idNumberMasked: string };
      expect(dossier.birthDate).toBe('1949-12-31');
      expect(dossier.idNumberMasked).toBe('1101**********002X');
      const url = `/api/recruitment/dossiers/${dossier.id}`;

      const put = (stepKey: string, payload: Record<string, unknown>) =>
        app.inject({ method: 'PUT', url: `${url}/steps/${stepKey}`, headers, payload });
      expect((await put('application', { record: { date: '2026-11-20' } })).statusCode).toBe(200);
      const refused = await put('applicationTalk', { record: { date: '2026-11-19' } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'ERR_RECRUITMENT_FINDING_UNFLAGGED' });
      expect((refused.json() as { message: string }).message).toMatch(/《[^》]+》/);
      const flagged = await put('applicationTalk', {
        record: { date: '2026-11-19' },
        flagReason: '谈话记录日期待核实',
      });
      expect(flagged.statusCode).toBe(200);
      const fixed = await put('applicationTalk', { record: { date: '2026-11-25' } });
      const body = fixed.json() as {
        findings: { severity: string }[];
        steps: { step: string; entry: { flagReason: string | null } | null }[];
      };
      expect(body.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(body.steps.find((s) => s.step === 'applicationTalk')?.entry?.flagReason).toBeNull();

      const future = await put('applicationTalk', { record: { date: '2099-01-01' } });
      expect(future.json()).toMatchObject({ code: 'ERR_RECRUITMENT_DATE_FUTURE' });
      const badVote = await put('admissionMeeting', {
        record: { date: '2026-11-25', expectedVoters: 5, presentVoters: 6, votesFor: 4 },
      });
      expect(badVote.json()).toMatchObject({ code: 'ERR_RECRUITMENT_STEP_INVALID' });
    });

    it('keeps township steps from the village secretary and every write from the inspector', async () => {
      const p = (
        await app.inject({
          method: 'GET',
          url: '/api/recruitment/pipeline?stage=activist',
          headers: sessions['shuji']!,
        })
      ).json() as { items: { id: number }[] };
      const id = p.items[0]!.id;
      const township = await app.inject({
        method: 'PUT',
        url: `/api/recruitment/dossiers/${id}/steps/activistFiling`,
        headers: sessions['shuji']!,
        payload: { record: { date: '2026-11-20' } },
      });
      expect(township.statusCode).toBe(403);
      expect(township.json()).toMatchObject({ code: 'ERR_RECRUITMENT_TOWNSHIP_STEP' });
      const inspector = await app.inject({
        method: 'PUT',
        url: `/api/recruitment/dossiers/${id}/steps/mentors`,
        headers: sessions['xuncha']!,
        payload: { record: { date: '2026-11-20', people: [] } },
      });
      expect(inspector.json()).toMatchObject({ code: 'ERR_FORBIDDEN_ROLE' });
      const read = await app.inject({
        method: 'GET',
        url: `/api/recruitment/dossiers/${id}`,
        headers: sessions['xuncha']!,
      });
      expect(read.statusCode).toBe(200);
    });

    it('serves the 公示 as a Word file with a Chinese file name', async () => {
      const p = (
        await app.inject({
          method: 'GET',
          url: '/api/recruitment/pipeline?stage=candidate',
          headers: sessions['zuzhi']!,
        })
      ).json() as { items: { id: number; name: string }[] };
      const one = p.items[0]!;
      const res = await app.inject({
        method: 'GET',
        url: `/api/recruitment/dossiers/${one.id}/documents/notice?start=2026-12-28`,
        headers: sessions['zuzhi']!,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      expect(res.headers['content-disposition']).toContain(
        encodeURIComponent(`${one.name}-发展对象公示.docx`),
      );
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      // 2026-12-28 Mon … 12-31 Thu, 2027-01-01 is beyond the pinned holiday data: counted Mon–Fri.
      expect(xml).toContain('公示时间：2026年12月28日至2027年1月1日（共5个工作日）');
      expect(xml).toContain('按周一至周五计算');
    });
  });
}
