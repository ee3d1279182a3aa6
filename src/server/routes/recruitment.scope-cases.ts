import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ScopeCaseFactory } from '../scope-cases';

export const buildScopeCases: ScopeCaseFactory = async ({ world, call }) => {
  const outsideBranch = await world.orgIdByName('石桥村党支部');
  const outside = await world.handle.db
    .selectFrom('recruitmentDossier')
    .select('id')
    .where('orgId', '=', outsideBranch)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const own = (names: string[]): void => {
    for (const name of names) {
      expect(name.startsWith('河口村')).toBe(true);
    }
  };
  return {
    'GET /api/recruitment/pipeline': {
      attempt: () => call('GET', '/api/recruitment/pipeline'),
      expect: (res) => {
        const body = res.json() as {
          items: { orgName: string }[];
          branches: { orgName: string }[];
        };
        expect(body.items.length).toBeGreaterThan(0);
        own(body.items.map((i) => i.orgName));
        own(body.branches.map((b) => b.orgName));
      },
    },
    'POST /api/recruitment/dossiers': {
      attempt: () =>
        call('POST', '/api/recruitment/dossiers', {
          orgId: outsideBranch,
          person: { name: '越权', gender: '男', birthDate: '2000-01-01' },
        }),
      expect: 'forbidden',
    },
    'GET /api/recruitment/dossiers/:id': {
      attempt: () => call('GET', `/api/recruitment/dossiers/${outside.id}`),
      expect: 'forbidden',
    },
    'GET /api/recruitment/dossiers/:id/history': {
      attempt: () => call('GET', `/api/recruitment/dossiers/${outside.id}/history`),
      expect: 'forbidden',
    },
    'POST /api/recruitment/dossiers/:id/preview': {
      attempt: () =>
        call('POST', `/api/recruitment/dossiers/${outside.id}/preview`, {
          stepKey: 'applicationTalk',
          record: { date: '2026-11-01' },
        }),
      expect: 'forbidden',
    },
    'PUT /api/recruitment/dossiers/:id/steps/:stepKey': {
      attempt: () =>
        call('PUT', `/api/recruitment/dossiers/${outside.id}/steps/applicationTalk`, {
          record: { date: '2026-11-01' },
        }),
      expect: 'forbidden',
    },
    'DELETE /api/recruitment/dossiers/:id/steps/:stepKey': {
      attempt: () => call('DELETE', `/api/recruitment/dossiers/${outside.id}/steps/application`),
      expect: 'forbidden',
    },
    'GET /api/recruitment/dossiers/:id/documents/:kind': {
      attempt: () => call('GET', `/api/recruitment/dossiers/${outside.id}/documents/notice`),
      expect: 'forbidden',
    },
    'GET /api/recruitment/members': {
      attempt: () => call('GET', '/api/recruitment/members'),
      expect: (res) => {
        const body = res.json() as { items: { orgName: string }[] };
        expect(body.items.length).toBeGreaterThan(0);
        own(body.items.map((i) => i.orgName));
      },
    },
    'GET /api/recruitment/calendar': {
      attempt: () => call('GET', '/api/recruitment/calendar?days=90'),
      expect: (res) => {
        const body = res.json() as { items: { orgName: string }[] };
        expect(body.items.length).toBeGreaterThan(0);
        own(body.items.map((i) => i.orgName));
      },
    },
    'GET /api/recruitment/backdating': {
      attempt: () => call('GET', '/api/recruitment/backdating'),
      expect: (res) => {
        const body = res.json() as { branches: { orgName: string }[] };
        own(body.branches.map((b) => b.orgName));
      },
    },
    'GET /api/recruitment/calendar.xlsx': {
      attempt: () => call('GET', '/api/recruitment/calendar.xlsx?days=90'),
      expect: async (res) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
        const orgs: string[] = [];
        workbook.worksheets[0]?.eachRow((row, n) => {
          if (n > 1) {
            orgs.push(String(row.getCell(7).value));
          }
        });
        expect(orgs.length).toBeGreaterThan(0);
        own(orgs);
      },
    },
    'GET /api/recruitment/export.xlsx': {
      attempt: () => call('GET', '/api/recruitment/export.xlsx'),
      expect: async (res) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
        const sheet = workbook.worksheets[0];
        const header = (sheet?.getRow(1).values as unknown[]).map(String);
        const col = header.indexOf('所在党支部');
        const orgs: string[] = [];
        sheet?.eachRow((row, n) => {
          if (n > 1) {
            orgs.push(String(row.getCell(col).value));
          }
        });
        expect(orgs.length).toBeGreaterThan(0);
        own(orgs);
      },
    },
    'POST /api/recruitment/import': {
      attempt: async () => {
        const exported = await world.handle.db
          .selectFrom('recruitmentDossier')
          .select('code')
          .where('orgId', '=', outsideBranch)
          .executeTakeFirstOrThrow();
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('发展党员档案');
        sheet.addRow(['档案编号', '姓名', '出生日期', '所在党支部', '递交入党申请书日期']);
        sheet.addRow([exported.code, '越权', '2000-01-01', '石桥村党支部', '2026-11-01']);
        const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
        return call('POST', '/api/recruitment/import', {
          filename: 'x.xlsx',
          contentBase64: content,
          apply: false,
        });
      },
      expect: (res) => {
        const body = res.json() as { problems: string[]; rows: unknown[] };
        expect(body.rows).toEqual([]);
        expect(body.problems.join('')).toContain('石桥村党支部');
      },
    },
    'GET /api/recruitment/plan': {
      attempt: () => call('GET', '/api/recruitment/plan?year=2026'),
      expect: (res) => {
        const body = res.json() as { branches: { orgName: string }[] };
        expect(body.branches.length).toBeGreaterThan(0);
        own(body.branches.map((b) => b.orgName));
      },
    },
    'PUT /api/recruitment/plan/:orgId/:year': {
      attempt: () => call('PUT', `/api/recruitment/plan/${outsideBranch}/2026`, { quota: 9 }),
      expect: 'forbidden',
    },
  };
};
