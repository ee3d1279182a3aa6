import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/demo/demo-township';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../../services/testing';
import { SESSION_COOKIE } from '../access';
import { buildServer } from '../build-server';

for (const target of testDatabaseTargets()) {
  describe(`学习培训 API on ${target.name}`, () => {
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

    it('gives the township its 轮训 plan: who is behind, hours per group, classes by quarter', async () => {
      const township = await w.orgIdByName('青山镇党委');
      const report = (
        await app.inject({
          method: 'GET',
          url: `/api/compliance?year=2026&orgId=${township}`,
          headers,
        })
      ).json() as {
        branches: {
          name: string;
          study: { name: string; state: string; totalHours: number; requiredHours: number }[];
        }[];
      };
      const behind = report.branches.flatMap((b) =>
        b.study
          .filter((p) => p.state !== 'exempt' && p.totalHours < p.requiredHours)
          .map((p) => `${b.name} ${p.name}`),
      );
      expect(behind.length).toBeGreaterThan(0);

      const res = await app.inject({
        method: 'GET',
        url: `/api/training/plan?year=2026&orgId=${township}`,
        headers,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '建议班次', '需培训人员']);
      const sum = wb.getWorksheet('汇总')!;
      expect(String(sum.getCell('A1').value)).toContain('青山镇党委2026年党员轮训计划');
      expect(sum.getCell('A4').value).toBe('书记和支部委员');
      expect(sum.getCell('B4').value).toBe(56);
      expect(sum.getCell('A5').value).toBe('党员');
      expect(sum.getCell('B5').value).toBe(32);
      const people: string[] = [];
      wb.getWorksheet('需培训人员')!.eachRow((row, i) => {
        if (i > 1) {
          people.push(`${String(row.getCell(1).value)} ${String(row.getCell(2).value)}`);
        }
      });
      for (const p of behind) {
        expect(people).toContain(p);
      }
      const classes = wb.getWorksheet('建议班次')!;
      expect(classes.rowCount).toBeGreaterThan(1);
      expect(String(classes.getCell('D2').value)).toMatch(/^2026年.季度.+轮训班$/);

      const doc = await app.inject({
        method: 'GET',
        url: `/api/training/plan/docx?year=2026&orgId=${township}`,
        headers,
      });
      expect(doc.statusCode).toBe(200);
      const xml = await (
        await JSZip.loadAsync(doc.rawPayload)
      )
        .file('word/document.xml')!
        .async('string');
      expect(xml).toContain('青山镇党委2026年党员轮训计划');
      expect(xml).toContain('建议班次');
      expect(xml).toContain('仿宋_GB2312');
    });
  });
}
