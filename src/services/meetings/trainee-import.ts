/**
 * Trainees of a class from an .xlsx list: a template, and an all-or-nothing import. Each row names
 * a person by 公民身份号码, or by name (and, for namesakes, 所在党组织) within the class organizer's
 * scope; every problem is reported with its row, column and value, and nothing is written unless
 * every row is good.
 *
 * Reading uses `workbook.xlsx.load` on the whole buffer under a size cap, never exceljs's streaming
 * reader, which breaks multi-byte characters split across chunks; any cell with U+FFFD is refused.
 */
import ExcelJS from 'exceljs';
import { readIdNumber } from '../../domain/id-number';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { cellText } from '../xlsx-cell';
import { getOrgInScope } from '../org.service';
import { MEMBER_STATUSES, requireRole, TRAINING_WRITE_ROLES } from './common';
import { getClass, type ClassDetail } from './training.service';

export const TRAINEE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const TRAINEE_IMPORT_MAX_ROWS = 2000;
const SHEET_NAME = '学员名单';

type Field = 'name' | 'idNumber' | 'category' | 'orgName';

const COLUMNS: { field: Field; header: string; note: string }[] = [
  { field: 'name', header: '姓名', note: '必填' },
  { field: 'idNumber', header: '公民身份号码', note: '建议填写；填写后按号码匹配（文本格式）' },
  {
    field: 'category',
    header: '类别',
    note: '党员 或 两委干部；不填时党员记为党员，其余记为两委干部',
  },
  { field: 'orgName', header: '所在党组织', note: '可不填；同名时用来区分' },
];

const CATEGORY_VALUES: Record<string, 'member' | 'cadre'> = {
  党员: 'member',
  两委干部: 'cadre',
  村两委干部: 'cadre',
  社区两委干部: 'cadre',
  干部: 'cadre',
};

export interface TraineeImportProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface TraineeImportResult {
  added: number;
  cls: ClassDetail;
}

export interface TemplateFile {
  filename: string;
  buffer: Buffer;
}

/** The template: the header row, one example row to overwrite, and a sheet of notes. */
export async function traineeTemplateXlsx(): Promise<TemplateFile> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '组工通';
  const sheet = wb.addWorksheet(SHEET_NAME);
  sheet.addRow(COLUMNS.map((c) => c.header)).font = { bold: true };
  sheet.columns.forEach((col, i) => {
    col.width = [12, 24, 12, 24][i] ?? 12;
  });
  // 公民身份号码 as text, so that Excel keeps all 18 digits.
  sheet.getColumn(2).numFmt = '@';
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['列', '说明']).font = { bold: true };
  for (const c of COLUMNS) {
    notes.addRow([c.header, c.note]);
  }
  notes.addRow([]);
  notes.addRow([
    '导入',
    '学员须为培训班主办党组织范围内的党员或两委干部；任何一行有错误，整个文件都不导入。',
  ]);
  notes.columns.forEach((col, i) => {
    col.width = i === 0 ? 14 : 80;
  });
  return { filename: '培训班学员导入模板.xlsx', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

async function openSheet(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  if (buffer.length > TRAINEE_IMPORT_MAX_BYTES) {
    throw new AppError(
      'ERR_TRAINING_IMPORT_FILE',
      `文件大小 ${(buffer.length / 1024 / 1024).toFixed(1)} MB，超过上限 ${TRAINEE_IMPORT_MAX_BYTES / 1024 / 1024} MB`,
      'file',
    );
  }
  if (buffer.length < 4 || buffer.subarray(0, 2).toString('latin1') !== 'PK') {
    throw new AppError('ERR_TRAINING_IMPORT_FILE', '无法打开文件：不是 .xlsx 工作簿', 'file');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('ERR_TRAINING_IMPORT_FILE', '无法打开文件：不是有效的 .xlsx 工作簿', 'file');
  }
  const sheet = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (sheet === undefined) {
    throw new AppError('ERR_TRAINING_IMPORT_FILE', '工作簿中没有工作表', 'file');
  }
  return sheet;
}

interface Candidate {
  personId: number;
  name: string;
  idNumber: string | null;
  orgNames: Set<string>;
  isMember: boolean;
  isCadre: boolean;
}

/** People in the subtree who may be trainees: 党员 and holders of a 两委 post. */
async function candidatesIn(ctx: ServiceContext, path: string): Promise<Map<number, Candidate>> {
  const out = new Map<number, Candidate>();
  const add = (
    r: { personId: number; name: string; idNumber: string | null; orgName: string },
    member: boolean,
  ): void => {
    const c = out.get(r.personId) ?? {
      personId: r.personId,
      name: r.name,
      idNumber: r.idNumber,
      orgNames: new Set<string>(),
      isMember: false,
      isCadre: false,
    };
    c.orgNames.add(r.orgName);
    if (member) {
      c.isMember = true;
    } else {
      c.isCadre = true;
    }
    out.set(r.personId, c);
  };
  const members = await ctx.db
    .selectFrom('partyMembership')
    .innerJoin('person', 'person.id', 'partyMembership.personId')
    .innerJoin('org', 'org.id', 'partyMembership.orgId')
    .select(['person.id as personId', 'person.name', 'person.idNumber', 'org.name as orgName'])
    .where('partyMembership.status', 'in', [...MEMBER_STATUSES])
    .where('org.path', 'like', `${path}%`)
    .execute();
  members.forEach((r) => add(r, true));
  const cadres = await ctx.db
    .selectFrom('cadrePost')
    .innerJoin('person', 'person.id', 'cadrePost.personId')
    .innerJoin('org', 'org.id', 'cadrePost.orgId')
    .select(['person.id as personId', 'person.name', 'person.idNumber', 'org.name as orgName'])
    .where('org.path', 'like', `${path}%`)
    .execute();
  cadres.forEach((r) => add(r, false));
  return out;
}

/**
 * Adds the trainees listed in the file to the class, or refuses the whole file with every
 * problem (row, column, value, message) when any row is wrong.
 */
export async function importTrainees(
  ctx: ServiceContext,
  actor: Actor,
  classId: number,
  buffer: Buffer,
): Promise<TraineeImportResult> {
  requireRole(actor, TRAINING_WRITE_ROLES);
  const cls = await getClass(ctx, actor, classId);
  const org = await getOrgInScope(ctx, actor, cls.orgId);
  const sheet = await openSheet(buffer);
  const problems: TraineeImportProblem[] = [];
  const problem = (row: number, column: string, value: string, message: string): void => {
    problems.push({ row, column, value, message });
  };

  const columnOf = new Map<Field, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).text.replace(/\s/g, '');
    const c = COLUMNS.find((x) => x.header === text);
    if (c !== undefined && !columnOf.has(c.field)) {
      columnOf.set(c.field, col);
    }
  });
  if (!columnOf.has('name')) {
    throw new AppError(
      'ERR_TRAINING_IMPORT_FILE',
      '第1行缺少“姓名”列：请使用学员导入模板（姓名、公民身份号码、类别、所在党组织）',
      'file',
    );
  }
  if (sheet.rowCount - 1 > TRAINEE_IMPORT_MAX_ROWS) {
    throw new AppError(
      'ERR_TRAINING_IMPORT_FILE',
      `文件有 ${sheet.rowCount - 1} 行，超过上限 ${TRAINEE_IMPORT_MAX_ROWS} 行`,
      'file',
    );
  }

  const candidates = await candidatesIn(ctx, org.path);
  const byId = new Map<string, Candidate>();
  const byName = new Map<string, Candidate[]>();
  for (const c of candidates.values()) {
    if (c.idNumber !== null) {
      byId.set(c.idNumber.toUpperCase(), c);
    }
    byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  }
  const already = new Set(cls.trainees.map((t) => t.personId));
  const rowOfPerson = new Map<number, number>();
  const rows: { personId: number; category: 'member' | 'cadre' }[] = [];
  const header = (f: Field): string => COLUMNS.find((c) => c.field === f)?.header ?? f;

  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const raw = new Map<Field, { text: string; isNumber: boolean }>();
    let bad = false;
    for (const [field, col] of columnOf) {
      const cell = cellText(row.getCell(col).value);
      if (cell.text.includes('\uFFFD')) {
        problem(
          r,
          header(field),
          cell.text,
          '含有无法识别的字符（U+FFFD），文件可能已损坏或编码有误',
        );
        bad = true;
      }
      raw.set(field, cell);
    }
    const text = (f: Field): string => raw.get(f)?.text ?? '';
    if ([...raw.values()].every((c) => c.text === '')) {
      continue;
    }
    if (bad) {
      continue;
    }
    const name = text('name').replace(/\s+/g, '');
    const idText = text('idNumber').replace(/\s+/g, '').toUpperCase();
    const orgName = text('orgName').replace(/\s+/g, '');
    const categoryText = text('category').replace(/\s+/g, '');
    if (name === '') {
      problem(r, '姓名', '', '姓名不能为空');
      continue;
    }
    let person: Candidate | undefined;
    if (idText !== '') {
      if (raw.get('idNumber')?.isNumber === true) {
        problem(
          r,
          '公民身份号码',
          idText,
          '公民身份号码被存成了数字，末几位可能已丢失：请把这一列设为文本后重新填写',
        );
        continue;
      }
      const read = readIdNumber(idText);
      if (!read.ok) {
        const why = {
          format: '应为18位，最后一位可为X',
          birthDate: '其中的出生日期不存在',
          checkDigit: '校验位不正确',
        }[read.problem];
        problem(r, '公民身份号码', idText, `公民身份号码${why}`);
        continue;
      }
      person = byId.get(idText);
      if (person === undefined) {
        problem(r, '公民身份号码', idText, `“${org.name}”范围内没有此公民身份号码的党员或两委干部`);
        continue;
      }
      if (person.name !== name) {
        problem(r, '姓名', name, `与公民身份号码不符：该号码登记的姓名是“${person.name}”`);
        continue;
      }
    } else {
      const named = (byName.get(name) ?? []).filter(
        (c) => orgName === '' || c.orgNames.has(orgName),
      );
      if (named.length === 0) {
        if (orgName !== '' && (byName.get(name) ?? []).length > 0) {
          problem(r, '所在党组织', orgName, `${name}不在“${orgName}”`);
        } else {
          problem(r, '姓名', name, `“${org.name}”范围内没有叫这个名字的党员或两委干部`);
        }
        continue;
      }
      if (named.length > 1) {
        problem(
          r,
          '姓名',
          name,
          `范围内有 ${named.length} 位同名人员（${named.map((c) => [...c.orgNames].join('/')).join('、')}），请填写公民身份号码或所在党组织`,
        );
        continue;
      }
      person = named[0];
    }
    if (person === undefined) {
      continue;
    }
    if (orgName !== '' && !person.orgNames.has(orgName)) {
      problem(r, '所在党组织', orgName, `${person.name}不在“${orgName}”`);
      continue;
    }
    let category: 'member' | 'cadre';
    if (categoryText === '') {
      category = person.isMember ? 'member' : 'cadre';
    } else {
      const c = CATEGORY_VALUES[categoryText];
      if (c === undefined) {
        problem(r, '类别', categoryText, '类别应为“党员”或“两委干部”');
        continue;
      }
      if (c === 'member' && !person.isMember) {
        problem(r, '类别', categoryText, `${person.name}不是本范围内的党员`);
        continue;
      }
      if (c === 'cadre' && !person.isCadre) {
        problem(r, '类别', categoryText, `${person.name}没有两委职务`);
        continue;
      }
      category = c;
    }
    const first = rowOfPerson.get(person.personId);
    if (first !== undefined) {
      problem(r, '姓名', name, `与第${first}行是同一人`);
      continue;
    }
    rowOfPerson.set(person.personId, r);
    if (already.has(person.personId)) {
      problem(r, '姓名', name, '已是本班学员');
      continue;
    }
    rows.push({ personId: person.personId, category });
  }
  if (problems.length === 0 && rows.length === 0) {
    problem(0, '', '', '文件中没有学员');
  }
  if (problems.length > 0) {
    const first = problems
      .slice(0, 10)
      .map((p) =>
        p.row === 0 ? p.message : `第${p.row}行 ${p.column} ${p.value || '（空）'}：${p.message}`,
      )
      .join('；');
    throw new AppError(
      'ERR_TRAINING_IMPORT_INVALID',
      `学员名单有 ${problems.length} 处错误，未导入任何学员。${first}`,
      'file',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('trainingTrainee')
        .values(
          rows.slice(i, i + 200).map((t) => ({
            classId,
            personId: t.personId,
            areaCode: org.areaCode,
            category: t.category,
          })),
        )
        .execute();
    }
    await appendAudit(trx, actor, isoNow(ctx), {
      action: 'training.importTrainees',
      entityType: 'trainingClass',
      entityId: String(classId),
      areaCode: org.areaCode,
      orgPath: org.path,
      after: { name: cls.name, added: rows.length },
    });
  });
  return { added: rows.length, cls: await getClass(ctx, actor, classId) };
}
