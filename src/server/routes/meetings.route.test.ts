import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/demo/demo-township';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../../services/testing';
import { SESSION_COOKIE } from '../access';
import { buildServer } from '../build-server';

for (const target of testDatabaseTargets()) {
  describe(`组织生活 API on ${target.name}`, () => {
    let w: TestWorld;
    let app: FastifyInstance;
    let headers: Record<string, string>;
    beforeAll(async () => {
      w = await openTestWorld(target);
      app = (await buildServer({ ctx: w.ctx })).app;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'zuzhi', password: DEMO_PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      headers = {
        cookie: `${SESSION_COOKIE}=${cookie?.value ?? ''}`,
        'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken,
      };
    });
    afterAll(async () => {
      await app.close();
      await w.close();
    });

    it('records a meeting and gives its record as a Word document naming the attendees', async () => {
      const branch = await w.orgIdByName('石桥村党支部');
      const members = (
        await app.inject({ method: 'GET', url: `/api/meetings/branches/${branch}`, headers })
      ).json() as { members: { personId: number; name: string }[]; groups: { id: number }[] };
      const [a, b] = members.members;
      const created = await app.inject({
        method: 'POST',
        url: '/api/meetings',
        headers,
        payload: {
          orgId: branch,
          kind: 'groupMeeting',
          groupOrgId: members.groups[0]!.id,
          date: '2026-11-26',
          topic: '学习党章',
          studyHours: 1,
          attendees: [{ personId: a!.personId }],
          absentees: [{ personId: b!.personId, reason: '病假' }],
        },
      });
      expect(created.statusCode).toBe(201);
      const id = (created.json() as { id: number }).id;

      const doc = await app.inject({ method: 'GET', url: `/api/meetings/${id}/record`, headers });
      expect(doc.statusCode).toBe(200);
      expect(doc.headers['content-type']).toContain('wordprocessingml');
      const zip = await JSZip.loadAsync(doc.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('党小组会记录');
      expect(xml).toContain(a!.name);
      expect(xml).toContain(`${b!.name}（病假）`);
    });

    it('refuses a meeting in the future with a Chinese message and the field', async () => {
      const branch = await w.orgIdByName('石桥村党支部');
      const res = await app.inject({
        method: 'POST',
        url: '/api/meetings',
        headers,
        payload: {
          orgId: branch,
          kind: 'themeDay',
          date: '2026-12-01',
          topic: 'x',
          studyHours: 1,
          attendees: [],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'ERR_MEETING_DATE_FUTURE', field: 'date' });
      expect((res.json() as { message: string }).message).toContain('晚于今天');
    });

    it('exports the compliance workbook with its sheets', async () => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/compliance/export?year=2026',
        headers,
      });
      expect(res.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const book = await zip.file('xl/workbook.xml')!.async('string');
      for (const sheet of ['落实情况', '汇总', '学时', '待核查', '设置与出处']) {
        expect(book).toContain(sheet);
      }
    });

    it('gives a branch its year plan with every 主题党日 and the committee months', async () => {
      const branch = await w.orgIdByName('石桥村党支部');
      const res = await app.inject({
        method: 'GET',
        url: `/api/meetings/branches/${branch}/plan?year=2026`,
        headers,
      });
      expect(res.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
      expect(strings).toContain('石桥村党支部2026年三会一课和主题党日计划');
      expect(strings).toContain('主题党日');
      expect(strings).toContain('支部工作条例');
      const township = await w.orgIdByName('青山镇党委');
      const refused = await app.inject({
        method: 'GET',
        url: `/api/meetings/branches/${township}/plan?year=2026`,
        headers,
      });
      expect(refused.json()).toMatchObject({ code: 'ERR_MEETING_NOT_BRANCH' });
    });

    it('gives the year plan as a Word document naming the branch and a due date', async () => {
      const branch = await w.orgIdByName('石桥村党支部');
      const res = await app.inject({
        method: 'GET',
        url: `/api/meetings/branches/${branch}/plan/docx?year=2026`,
        headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('石桥村党支部2026年三会一课和主题党日计划');
      expect(xml).toContain('2026年3月31日');
      expect(xml).toContain('2026年12月31日');
      expect(xml).toContain('仿宋_GB2312');
      expect(xml).toContain('方正小标宋简体');
      const township = await w.orgIdByName('青山镇党委');
      const refused = await app.inject({
        method: 'GET',
        url: `/api/meetings/branches/${township}/plan/docx?year=2026`,
        headers,
      });
      expect(refused.json()).toMatchObject({ code: 'ERR_MEETING_NOT_BRANCH' });
    });

    it('registers and lifts an exemption: the member is then not held to 32 hours', async () => {
      const branch = await w.orgIdByName('石桥村党支部');
      const studyOf = async (personId: number) => {
        const report = (
          await app.inject({
            method: 'GET',
            url: `/api/compliance?year=2026&orgId=${branch}`,
            headers,
          })
        ).json() as {
          branches: { study: { personId: number; state: string; requiredHours: number }[] }[];
        };
        return report.branches[0]!.study.find((p) => p.personId === personId)!;
      };
      const members = (
        await app.inject({ method: 'GET', url: `/api/meetings/branches/${branch}`, headers })
      ).json() as { members: { personId: number }[] };
      const candidates = await Promise.all(
        members.members.slice(0, 8).map((m) => studyOf(m.personId)),
      );
      const person = candidates.find((p) => p.state !== 'exempt' && p.requiredHours === 32)!;

      const created = await app.inject({
        method: 'POST',
        url: '/api/study-exemptions',
        headers,
        payload: { personId: person.personId, reason: '年老体弱、行动不便' },
      });
      expect(created.statusCode).toBe(201);
      expect(await studyOf(person.personId)).toMatchObject({ state: 'exempt', requiredHours: 0 });

      const removed = await app.inject({
        method: 'DELETE',
        url: `/api/study-exemptions/${person.personId}`,
        headers,
      });
      expect(removed.statusCode).toBe(200);
      expect((await studyOf(person.personId)).requiredHours).toBe(32);
    });

    it('gives a certificate only to a trainee who attended every session', async () => {
      const classes = (
        await app.inject({ method: 'GET', url: '/api/training/classes?year=2026', headers })
      ).json() as { items: { id: number; name: string }[] };
      const big = classes.items.find((c) => c.name.includes('轮训班'))!;
      const detail = (
        await app.inject({ method: 'GET', url: `/api/training/classes/${big.id}`, headers })
      ).json() as { trainees: { personId: number; name: string; completed: boolean }[] };
      const done = detail.trainees.find((t) => t.completed)!;
      const notDone = detail.trainees.find((t) => !t.completed)!;

      const ok = await app.inject({
        method: 'GET',
        url: `/api/training/classes/${big.id}/certificates/${done.personId}`,
        headers,
      });
      expect(ok.statusCode).toBe(200);
      const xml = await (
        await JSZip.loadAsync(ok.rawPayload)
      )
        .file('word/document.xml')!
        .async('string');
      expect(xml).toContain(done.name);
      expect(xml).toContain('准予结业');

      const refused = await app.inject({
        method: 'GET',
        url: `/api/training/classes/${big.id}/certificates/${notDone.personId}`,
        headers,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'ERR_TRAINING_TRAINEE_INVALID' });
    });
  });
}
