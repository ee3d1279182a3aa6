import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDossier } from '../domain/dossier/read-dossier';
import {
  DOSSIER_COLUMNS,
  DOSSIER_SHEET_NAME,
  INSTRUCTIONS_SHEET_NAME,
  normaliseDateCell,
  readDossierWorkbook,
  writeDossierTemplate,
  writeDossierWorkbook,
} from './dossier-xlsx';
import { generateDossiers, type GeneratedDossier } from './gen/dossiers';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zugong-xlsx-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(path: string): Promise<{ row: number; raw: unknown }[]> {
  const out: { row: number; raw: unknown }[] = [];
  for await (const item of readDossierWorkbook(path)) {
    out.push(item);
  }
  return out;
}

function columnOf(header: string): number {
  const index = DOSSIER_COLUMNS.findIndex((c) => c.header === header);
  if (index < 0) {
    throw new Error(`no column ${header}`);
  }
  return index + 1;
}

describe('writeDossierTemplate', () => {
  it('writes Chinese headers, a 填写说明 sheet, a frozen header, text ID and date formats, and drop-down lists', async () => {
    const path = join(dir, 'template.xlsx');

    await writeDossierTemplate(path);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet(DOSSIER_SHEET_NAME);
    expect(sheet).toBeDefined();
    const headers = (sheet?.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(DOSSIER_COLUMNS.map((c) => c.header));
    for (const h of ['档案编号', '公民身份号码', '推荐方式', '支部大会应到人数', '归档材料']) {
      expect(headers).toContain(h);
    }
    expect(new Set(headers).size).toBe(headers.length);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getColumn(columnOf('公民身份号码')).numFmt).toBe('@');
    expect(sheet?.getColumn(columnOf('谈话日期')).numFmt).toBe('yyyy-mm-dd');
    expect(sheet?.getCell(2, columnOf('推荐方式')).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"党员推荐,群团组织推优,其他"'],
    });
    const notes = wb.getWorksheet(INSTRUCTIONS_SHEET_NAME);
    expect(notes?.rowCount).toBeGreaterThan(DOSSIER_COLUMNS.length);
    expect(String(notes?.getRow(2).getCell(2).value)).toBe('档案编号');
  });

  it('reads back an empty template as no dossiers', async () => {
    const path = join(dir, 'empty.xlsx');
    await writeDossierTemplate(path);

    await expect(readAll(path)).resolves.toEqual([]);
  });
});

describe('readDossierWorkbook', () => {
  it('reads rows filled by hand with Date cells, serial numbers and text dates into raw dossiers', async () => {
    const path = join(dir, 'filled.xlsx');
    await writeDossierTemplate(path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet(DOSSIER_SHEET_NAME) as ExcelJS.Worksheet;
    const set = (row: number, header: string, value: ExcelJS.CellValue) => {
      sheet.getCell(row, columnOf(header)).value = value;
    };
    set(2, '档案编号', 'HK-2021-003');
    set(2, '姓名', '陈立新');
    set(2, '性别', '男');
    set(2, '出生日期', new Date(Date.UTC(1990, 10, 3)));
    set(2, '公民身份号码', '11010519491231002X');
    set(2, '所在党支部', '青山镇河口村党支部');
    set(2, '递交入党申请书日期', 44292); // Excel serial of 2021-04-06
    set(2, '谈话日期', '2021年4月26日');
    set(2, '确定积极分子日期', '2021/10/15');
    set(2, '推荐方式', '党员推荐');
    set(2, '决定机构', '支部委员会');
    set(2, '培养联系人1姓名', '周平');
    set(2, '培养联系人1转正日期', '2005-06-30');
    set(2, '培养考察日期', '2022-04-12、2022/10/11');
    set(2, '支部大会日期', '2022-12-27');
    set(2, '支部大会应到人数', 31);
    set(2, '支部大会实到人数', '27');
    set(2, '支部大会赞成票', 26);
    set(2, '入党介绍人1姓名', '吴丽');
    set(2, '入党介绍人1是否留党察看', '否');
    set(2, '延长预备期决定日期', '2024-01-05');
    set(2, '延长预备期月数', '6');
    set(2, '归档材料', '入党志愿书、入党申请书');
    set(4, '档案编号', 'HK-2021-004');
    set(4, '姓名', { richText: [{ text: '欧阳' }, { text: '娜娜' }] });
    set(4, '所在党支部', '白沙镇新街村党支部');
    set(4, '出生日期', '2024-02-30');
    await wb.xlsx.writeFile(path);

    const rows = await readAll(path);

    expect(rows).toEqual([
      {
        row: 2,
        raw: {
          id: 'HK-2021-003',
          name: '陈立新',
          gender: '男',
          birthDate: '1990-11-03',
          idNumber: '11010519491231002X',
          branch: '青山镇河口村党支部',
          steps: {
            application: { date: '2021-04-06' },
            applicationTalk: { date: '2021-04-26' },
            activistSelection: { date: '2021-10-15', method: '党员推荐', decidedBy: '支部委员会' },
            mentors: { people: [{ name: '周平', fullMemberSince: '2005-06-30' }] },
            activistReviews: { dates: ['2022-04-12', '2022-10-11'] },
            sponsors: { people: [{ name: '吴丽', disciplinaryProbation: false }] },
            admissionMeeting: {
              date: '2022-12-27',
              expectedVoters: 31,
              presentVoters: 27,
              votesFor: 26,
            },
            archiving: { documents: ['入党志愿书', '入党申请书'] },
          },
          probationExtensions: [{ decidedOn: '2024-01-05', months: 6 }],
        },
      },
      {
        row: 4,
        raw: {
          id: 'HK-2021-004',
          name: '欧阳娜娜',
          branch: '白沙镇新街村党支部',
          birthDate: '2024-02-30',
          steps: {},
        },
      },
    ]);
  });

  it('leaves an impossible date as written, so the engine reports it with the row', async () => {
    const path = join(dir, 'bad-date.xlsx');
    await writeDossierWorkbook(path, [
      {
        id: 'X-1',
        name: '王芳',
        birthDate: '1990-01-01',
        branch: '青山镇河口村党支部',
        steps: { oath: { date: '2024-02-30' } },
      },
    ]);

    const [first] = await readAll(path);
    const read = readDossier(first?.raw, first?.row ?? 0);

    expect(read.ok).toBe(false);
    expect(!read.ok && read.error.message).toContain('2024-02-30');
  });

  it('rejects a cell containing U+FFFD, naming row and column', async () => {
    const path = join(dir, 'fffd.xlsx');
    await writeDossierWorkbook(path, [
      { id: 'X-1', name: '徐兰', branch: '青山镇河口村党支部', steps: {} },
      { id: 'X-2', name: '\uFFFD\uFFFD兰', branch: '青山镇河口村党支部', steps: {} },
    ]);

    await expect(readAll(path)).rejects.toMatchObject({
      code: 'ERR_XLSX_CHARACTER',
      message: expect.stringContaining('第3行「姓名」列（B3）含有无法识别的字符') as unknown,
    });
  });

  it('rejects a sheet without the required headers', async () => {
    const path = join(dir, 'no-header.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['编号', '姓名']);
    await wb.xlsx.writeFile(path);

    await expect(readAll(path)).rejects.toMatchObject({ code: 'ERR_XLSX_HEADER' });
  });

  it('rejects a file that is not a workbook and a missing file', async () => {
    const path = join(dir, 'not.xlsx');
    await writeFile(path, 'not a zip');

    await expect(readAll(path)).rejects.toMatchObject({ code: 'ERR_XLSX_READ' });
    await expect(readAll(join(dir, 'missing.xlsx'))).rejects.toMatchObject({
      code: 'ERR_XLSX_READ',
    });
  });

  it('round-trips 3,000 generated dossiers with Chinese names exactly', async () => {
    const path = join(dir, 'many.xlsx');
    // The template has two columns per person; dossiers with more people cannot be expressed.
    const dossiers = [...generateDossiers({ count: 3300, seed: 'xlsx' })]
      .filter((d) => (d.steps.mentors?.people as unknown[] | undefined)?.length !== 3)
      .filter((d) => (d.steps.sponsors?.people as unknown[] | undefined)?.length !== 3)
      .slice(0, 3000)
      .map(({ injectedFlaw: _flaw, ...rest }) => rest as GeneratedDossier);
    await writeDossierWorkbook(path, dossiers);

    const rows = await readAll(path);

    expect(rows).toHaveLength(3000);
    expect(rows.map((r) => r.row)).toEqual(dossiers.map((_, i) => i + 2));
    for (let i = 0; i < dossiers.length; i++) {
      expect(rows[i]?.raw, dossiers[i]?.id).toEqual(dossiers[i]);
    }
    expect(
      rows.filter((r) => /[\u4e00-\u9fff]/.test((r.raw as { name: string }).name)),
    ).toHaveLength(3000);
  }, 120_000);
});

describe('normaliseDateCell', () => {
  it('reads Date cells by their UTC day, whatever the local time zone', () => {
    expect(normaliseDateCell(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(normaliseDateCell(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toBe('2024-02-29');
  });

  it('reads Excel serial numbers, with the day boundary at 1.0', () => {
    expect(normaliseDateCell(45351)).toBe('2024-02-29');
    expect(normaliseDateCell(45351.99)).toBe('2024-02-29');
    expect(normaliseDateCell(45352)).toBe('2024-03-01');
    expect(normaliseDateCell(25569)).toBe('1970-01-01');
  });

  it('reads the usual written forms and keeps anything else as written', () => {
    expect(normaliseDateCell('2024/3/5')).toBe('2024-03-05');
    expect(normaliseDateCell('2024.03.05')).toBe('2024-03-05');
    expect(normaliseDateCell('2024年3月5日')).toBe('2024-03-05');
    expect(normaliseDateCell('2024-03-05T00:00:00.000Z')).toBe('2024-03-05');
    expect(normaliseDateCell('三月五日')).toBe('三月五日');
    expect(normaliseDateCell(12)).toBe(12);
  });
});
