import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/id-number';
import { AppError } from '../errors';
import { createRng } from '../gen/rng';
import { inventName } from '../gen/names';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { listRoster } from './member.service';
import {
  commitRosterImport,
  IMPORT_MAX_BYTES,
  previewRosterImport,
  runRosterImport,
} from './roster-import';
import { exportRosterXlsx, ROSTER_COLUMNS, rosterTemplateXlsx } from './roster-xlsx';

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

function id(birth: string, seq: number): string {
  const first17 = `990102${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A roster workbook in the template's columns from plain rows (all cells text). */
async function workbook(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('党员花名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (const r of rows) {
    sheet.addRow(ROSTER_COLUMNS.map((c) => r[c.header] ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const GOOD = {
  姓名: '测试甲',
  性别: '男',
  民族: '汉族',
  出生日期: '1980-05-06',
  公民身份号码: id('1980-05-06', 901),
  学历: '高中',
  所在党组织: '石桥村党支部',
  党籍状态: '正式党员',
  入党日期: '2005-07-01',
  转正日期: '2006-07-01',
};

for (const target of testDatabaseTargets()) {
  describe(`roster .xlsx on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('round-trips the demo roster: an export with full ID numbers imports back unchanged', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const exported = await exportRosterXlsx(
        w.ctx,
        zuzhi,
        { away: 'all' },
        { revealIdNumbers: true },
      );
      expect(exported.rows).toBeGreaterThan(850);
      const preview = await previewRosterImport(w.ctx, zuzhi, exported.buffer);
      expect(preview.problems).toEqual([]);
      expect(preview).toMatchObject({ created: 0, updated: 0, unchanged: exported.rows });
      const result = await commitRosterImport(w.ctx, zuzhi, exported.buffer);
      expect(result).toEqual({ created: 0, updated: 0, unchanged: exported.rows });
    });

    it('masks ID numbers in an export unless asked, and refuses the inspector full numbers', async () => {
      const masked = await exportRosterXlsx(
        w.ctx,
        w.actors['shuji']!,
        {},
        { revealIdNumbers: false },
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(masked.buffer as unknown as ArrayBuffer);
      const cell = String(wb.worksheets[0]!.getRow(2).getCell(5).value);
      expect(cell).toMatch(/^9901\*{10}[\dX]{4}$/);
      await expectCode(
        exportRosterXlsx(w.ctx, w.actors['xuncha']!, {}, { revealIdNumbers: true }),
        'ERR_FORBIDDEN_ROLE',
      );
    });

    it('reports every bad row by row, column and value and writes nothing', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const before = await listRoster(w.ctx, zuzhi, { away: 'all' });
      const file = await workbook([
        GOOD,
        {
          ...GOOD,
          姓名: '校验位错',
          公民身份号码: `${id('1980-05-06', 903).slice(0, 17)}0`.replace(
            /0$/,
            id('1980-05-06', 903).endsWith('0') ? '1' : '0',
          ),
        },
        { ...GOOD, 姓名: '生日不符', 公民身份号码: id('1980-05-07', 905) },
        {
          ...GOOD,
          姓名: '无此组织',
          公民身份号码: id('1981-01-01', 907),
          出生日期: '',
          所在党组织: '火星村党支部',
        },
        { ...GOOD, 姓名: '重复号码' },
        {
          ...GOOD,
          姓名: '转正早了',
          公民身份号码: id('1982-02-02', 909),
          出生日期: '',
          转正日期: '2005-06-30',
        },
        { ...GOOD, 姓名: '数字号码', 公民身份号码: 990102198001010000, 出生日期: '' },
      ]);
      const preview = await previewRosterImport(w.ctx, zuzhi, file);
      const brief = preview.problems.map((p) => `${p.row}|${p.column}|${p.message}`);
      expect(brief).toEqual([
        '3|公民身份号码|公民身份号码校验位不正确',
        '4|出生日期|与公民身份号码中的出生日期 1980-05-07 不一致',
        '5|所在党组织|管辖范围内没有这个党组织',
        '6|公民身份号码|与第2行的公民身份号码重复',
        '7|转正日期|转正日期早于入党日期 2005-07-01',
        '8|公民身份号码|公民身份号码被存成了数字，末几位可能已丢失：请把这一列设为文本后重新填写',
      ]);
      expect(preview.problems[2]!.value).toBe('火星村党支部');
      await expectCode(commitRosterImport(w.ctx, zuzhi, file), 'ERR_ROSTER_IMPORT_INVALID');
      expect((await listRoster(w.ctx, zuzhi, { away: 'all' })).total).toBe(before.total);
    });

    it('previews 新增 and 更新, then commits them with events and one audit entry', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const exported = await exportRosterXlsx(
        w.ctx,
        zuzhi,
        { orgId: await w.orgIdByName('东岭村党支部') },
        { revealIdNumbers: true },
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.buffer as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      sheet.getRow(2).getCell(6).value = '本科';
      const existingName = String(sheet.getRow(2).getCell(1).value);
      sheet.addRow(ROSTER_COLUMNS.map((c) => (GOOD as Record<string, string>)[c.header] ?? ''));
      const file = Buffer.from(await wb.xlsx.writeBuffer());
      const preview = await previewRosterImport(w.ctx, zuzhi, file);
      expect(preview).toMatchObject({ created: 1, updated: 1, unchanged: exported.rows - 1 });
      expect(preview.rows.find((r) => r.action === 'update')).toMatchObject({
        name: existingName,
        changes: ['学历'],
      });
      await commitRosterImport(w.ctx, zuzhi, file);
      const found = await listRoster(w.ctx, zuzhi, { q: '测试甲' });
      expect(found.items[0]).toMatchObject({
        name: '测试甲',
        orgName: '石桥村党支部',
        statusLabel: '正式党员',
      });
      const pinyin = await listRoster(w.ctx, zuzhi, { q: 'csj' });
      expect(pinyin.items.map((r) => r.name)).toContain('测试甲');
      const last = await w.handle.db
        .selectFrom('auditEntry')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last.action).toBe('roster.import');
      expect(JSON.parse(last.afterJson!)).toMatchObject({ created: 1, updated: 1 });
    });

    it('refuses a file that is not .xlsx, one without the required headers, and one over the cap', async () => {
      const zuzhi = w.actors['zuzhi']!;
      await expectCode(
        previewRosterImport(w.ctx, zuzhi, Buffer.from('姓名,性别\n张三,男')),
        'ERR_ROSTER_IMPORT_FILE',
      );
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['姓名', '性别']);
      const noHeaders = Buffer.from(await wb.xlsx.writeBuffer());
      await expect(previewRosterImport(w.ctx, zuzhi, noHeaders)).rejects.toThrow(
        '第1行缺少表头：公民身份号码、所在党组织、党籍状态、入党日期',
      );
      await expect(
        previewRosterImport(w.ctx, zuzhi, Buffer.alloc(IMPORT_MAX_BYTES + 1)),
      ).rejects.toThrow('超过上限 20 MB');
      await expectCode(
        previewRosterImport(w.ctx, w.actors['xuncha']!, noHeaders),
        'ERR_FORBIDDEN_ROLE',
      );
    });

    it('writes nothing when a row after the first written batch is bad, and finds duplicates across batches', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const before = await listRoster(w.ctx, zuzhi, { away: 'all' });
      const rows: Record<string, string>[] = [];
      for (let i = 0; i < 1500; i++) {
        const birth = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
        rows.push({
          ...GOOD,
          姓名: `批量${i}`,
          出生日期: '',
          公民身份号码:
            id(birth, 100 + (i % 400) * 2 + 1).slice(0, 6) +
            id(birth, 101 + Math.floor(i / 400) * 2).slice(6),
        });
      }
      const unique = [...new Map(rows.map((r) => [r['公民身份号码']!, r])).values()];
      expect(unique.length).toBeGreaterThan(1200);
      // Row 1302 repeats row 2's ID number in lower case; row 1303's 转正 is before its 入党.
      unique[1300] = { ...unique[1300]!, 公民身份号码: unique[0]!['公民身份号码']!.toLowerCase() };
      unique[1301] = { ...unique[1301]!, 转正日期: '2005-06-30' };
      const file = await workbook(unique);
      const report = await runRosterImport(w.ctx, zuzhi, file, { commit: true });
      expect(report.committed).toBe(false);
      expect(report.problems.map((p) => `${p.row}|${p.column}|${p.message}`)).toEqual([
        '1302|公民身份号码|与第2行的公民身份号码重复',
        '1303|转正日期|转正日期早于入党日期 2005-07-01',
      ]);
      // The first 1,000 rows were inserted inside the transaction before row 1302 was read.
      expect((await listRoster(w.ctx, zuzhi, { away: 'all' })).total).toBe(before.total);
      const audit = await w.handle.db
        .selectFrom('auditEntry')
        .select('action')
        .where('action', '=', 'roster.import')
        .execute();
      expect(audit).toEqual([]);
    }, 60_000);

    it('reads and checks on a worker thread with the same reports, errors and writes', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const inWorker = { commit: false, readInWorker: true };
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['姓名', '性别']);
      const noHeaders = Buffer.from(await wb.xlsx.writeBuffer());
      await expect(runRosterImport(w.ctx, zuzhi, noHeaders, inWorker)).rejects.toSatisfy(
        (e: unknown) =>
          e instanceof AppError &&
          e.code === 'ERR_ROSTER_IMPORT_FILE' &&
          e.message ===
            '第1行缺少表头：公民身份号码、所在党组织、党籍状态、入党日期（请使用下载的模板）',
      );
      await expectCode(
        runRosterImport(w.ctx, zuzhi, Buffer.from('PK not a zip at all'), inWorker),
        'ERR_ROSTER_IMPORT_FILE',
      );
      const rows = Array.from({ length: 1200 }, (_, i) => {
        const birth = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
        return {
          ...GOOD,
          姓名: `线程${i}`,
          出生日期: birth,
          公民身份号码: id(birth, 101 + 2 * Math.floor(i / 360)),
        };
      });
      // Row 1102 (the second batch) names a branch outside the township.
      const bad = rows.map((r, i) => (i === 1100 ? { ...r, 所在党组织: '火星村党支部' } : r));
      const before = (await listRoster(w.ctx, zuzhi, { away: 'all' })).total;
      const [inThread, worker] = await Promise.all([
        runRosterImport(w.ctx, zuzhi, await workbook(bad), { commit: false, readInWorker: false }),
        runRosterImport(w.ctx, zuzhi, await workbook(bad), inWorker),
      ]);
      expect(worker).toEqual(inThread);
      expect(worker.problems.map((p) => `${p.row}|${p.column}|${p.message}`)).toEqual([
        '1102|所在党组织|管辖范围内没有这个党组织',
      ]);
      const refused = await runRosterImport(w.ctx, zuzhi, await workbook(bad), {
        commit: true,
        readInWorker: true,
      });
      expect(refused.committed).toBe(false);
      expect((await listRoster(w.ctx, zuzhi, { away: 'all' })).total).toBe(before);
      const done = await runRosterImport(w.ctx, zuzhi, await workbook(rows), {
        commit: true,
        readInWorker: true,
      });
      // One of the invented ID numbers is a demo member's: 更新, not 新增.
      expect(done).toMatchObject({ committed: true, fileRows: 1200, problemCount: 0 });
      expect(done.created + done.updated + done.unchanged).toBe(1200);
      expect(done.created).toBeGreaterThan(1190);
      expect((await listRoster(w.ctx, zuzhi, { away: 'all' })).total).toBe(before + done.created);
      const found = await listRoster(w.ctx, zuzhi, { away: 'all', q: '线程' });
      expect(found.total).toBe(1200);
    }, 60_000);

    it('reports the first 1,000 problems and counts them all; refuses U+FFFD in a cell', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const rows = Array.from({ length: 1100 }, (_, i) => ({
        ...GOOD,
        姓名: i === 0 ? '张\uFFFD' : `无组织${i}`,
        所在党组织: '火星村党支部',
        公民身份号码: id('1980-05-06', 100 + i).slice(0, 17) + 'Z',
      }));
      const preview = await previewRosterImport(w.ctx, zuzhi, await workbook(rows));
      expect(preview.problems[0]).toEqual({
        row: 2,
        column: '姓名',
        value: '张\uFFFD',
        message: '含有无法识别的字符（U+FFFD），文件可能已损坏或编码有误',
      });
      // Row 2 stops at U+FFFD; every other row has a bad ID number and an unknown branch.
      expect(preview.problemCount).toBe(1 + 1099 * 2);
      expect(preview.problems).toHaveLength(1000);
      expect(preview.problems[999]!.row).toBe(502);
    }, 60_000);

    it('offers a template with list validations and a text ID column', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await rosterTemplateXlsx()) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('党员花名册')!;
      expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
      expect(sheet.getColumn(5).numFmt).toBe('@');
      expect(sheet.getCell('B2').dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"男,女"'],
      });
      expect(wb.getWorksheet('填写说明')).toBeDefined();
    });
  });
}

describe('a large roster of Chinese names', () => {
  it('imports 3,000 rows with every name intact', async () => {
    const target = testDatabaseTargets()[0]!;
    const w = await openTestWorld(target);
    try {
      const rng = createRng('big-roster');
      const rows: Record<string, string>[] = [];
      for (let i = 0; i < 3000; i++) {
        const gender = rng.chance(0.4) ? '女' : '男';
        const birth = `19${String(rng.int(50, 99))}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const seq = 500 + (i % 250) * 2 + (gender === '男' ? 1 : 0);
        rows.push({
          姓名: inventName(rng, gender) + ['', '·阿依古丽', '欧阳', '琪'][i % 4],
          性别: gender,
          出生日期: birth,
          公民身份号码: id(birth, seq).slice(0, 6) + id(birth, seq).slice(6),
          所在党组织: '河口村第一党支部',
          党籍状态: '正式党员',
          入党日期: '2010-07-01',
          转正日期: '2011-07-01',
          工作单位及职务: '青山镇河口村股份经济合作社社员',
        });
      }
      // Make ID numbers unique across the file (same birth date and sequence can repeat).
      const seen = new Set<string>();
      const unique = rows.filter(
        (r) => !seen.has(r['公民身份号码']!) && seen.add(r['公民身份号码']!),
      );
      const file = await workbook(unique);
      const preview = await previewRosterImport(w.ctx, w.actors['zuzhi']!, file);
      expect(preview.problems).toEqual([]);
      expect(preview.created).toBe(unique.length);
      await commitRosterImport(w.ctx, w.actors['zuzhi']!, file);
      const names = new Set(
        (
          await w.handle.db
            .selectFrom('person')
            .select('name')
            .where('workUnit', '=', '青山镇河口村股份经济合作社社员')
            .execute()
        ).map((r) => r.name),
      );
      expect(names.size).toBe(new Set(unique.map((r) => r['姓名'])).size);
      for (const r of unique) {
        expect(names.has(r['姓名']!)).toBe(true);
      }
      expect([...names].some((n) => n.includes('\uFFFD'))).toBe(false);
    } finally {
      await w.close();
    }
  }, 120_000);
});
