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

    it('imports trainees from .xlsx all or nothing, naming row, column and value', async () => {
      const template = await app.inject({
        method: 'GET',
        url: '/api/training/trainee-template',
        headers,
      });
      expect(template.statusCode).toBe(200);
      const t = new ExcelJS.Workbook();
      await t.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
      expect(t.getWorksheet('学员名单')!.getRow(1).values).toEqual([
        undefined,
        '姓名',
        '公民身份号码',
        '类别',
        '所在党组织',
      ]);

      const township = await w.orgIdByName('青山镇党委');
      const branch = await w.orgIdByName('石桥村党支部');
      const created = await app.inject({
        method: 'POST',
        url: '/api/training/classes',
        headers,
        payload: {
          orgId: township,
          name: '导入测试轮训班',
          organizer: '中共青山镇委员会',
          startDate: '2026-11-01',
          endDate: '2026-11-02',
          centralized: false,
          sessions: [{ date: '2026-11-01', hours: 4, topic: '党章', teacher: '县委党校' }],
          trainees: [],
        },
      });
      expect(created.statusCode).toBe(201);
      const classId = (created.json() as { id: number }).id;
      const members = (
        await app.inject({ method: 'GET', url: `/api/meetings/branches/${branch}`, headers })
      ).json() as { members: { personId: number; name: string }[] };
      const [a, b] = members.members;
      const person = await w.ctx.db
        .selectFrom('person')
        .select(['idNumber'])
        .where('id', '=', b!.personId)
        .executeTakeFirstOrThrow();
      expect(person.idNumber).not.toBeNull();

      const upload = async (rows: (string | number)[][]) => {
        const wb = new ExcelJS.Workbook();
        const sheet = wb.addWorksheet('学员名单');
        sheet.addRow(['姓名', '公民身份号码', '类别', '所在党组织']);
        rows.forEach((r) => sheet.addRow(r));
        const buffer = Buffer.from(await wb.xlsx.writeBuffer());
        return app.inject({
          method: 'POST',
          url: `/api/training/classes/${classId}/trainees/import`,
          headers,
          payload: { fileName: '学员.xlsx', contentBase64: buffer.toString('base64') },
        });
      };
      const good = [
        [a!.name, '', '党员', '石桥村党支部'],
        [b!.name, person.idNumber!, '', ''],
      ];
      const refused = await upload([
        ...good,
        ['王五', '123', '', ''],
        ['查无此人', '', '', ''],
        ['张\uFFFD', '', '', ''],
        [a!.name, '', '村民', '石桥村党支部'],
        ['错名', person.idNumber!, '', ''],
        [a!.name, 110101199003078, '', ''],
        [a!.name, '', '', '河口村党支部'],
      ]);
      expect(refused.statusCode).toBe(422);
      const body = refused.json() as { code: string; message: string };
      expect(body.code).toBe('ERR_TRAINING_IMPORT_INVALID');
      expect(body.message).toContain('学员名单有 7 处错误，未导入任何学员');
      expect(body.message).toContain('第8行 姓名 错名：与公民身份号码不符');
      expect(body.message).toContain('被存成了数字');
      expect(body.message).toContain('第10行 所在党组织 河口村党支部');
      expect(body.message).toContain('第4行 公民身份号码 123：公民身份号码应为18位');
      expect(body.message).toContain('第5行 姓名 查无此人');
      expect(body.message).toContain('第6行 姓名 张\uFFFD：含有无法识别的字符（U+FFFD）');
      expect(body.message).toContain('第7行 类别 村民');
      const unchanged = (
        await app.inject({ method: 'GET', url: `/api/training/classes/${classId}`, headers })
      ).json() as { trainees: unknown[] };
      expect(unchanged.trainees).toHaveLength(0);

      const notXlsx = await app.inject({
        method: 'POST',
        url: `/api/training/classes/${classId}/trainees/import`,
        headers,
        payload: { fileName: 'x.xlsx', contentBase64: Buffer.from('姓名').toString('base64') },
      });
      expect(notXlsx.json()).toMatchObject({ code: 'ERR_TRAINING_IMPORT_FILE' });

      const ok = await upload(good);
      expect(ok.statusCode).toBe(200);
      const result = ok.json() as {
        added: number;
        cls: { trainees: { personId: number; category: string }[] };
      };
      expect(result.added).toBe(2);
      expect(result.cls.trainees.map((x) => x.personId)).toEqual([a!.personId, b!.personId]);

      const again = await upload([good[0]!]);
      expect((again.json() as { message: string }).message).toContain('已是本班学员');
    });
  });
}
