/**
 * 党员花名册 in .xlsx: the documented template, export of the roster in scope (ID numbers masked
 * unless asked and allowed), and an all-or-nothing import with a preview (新增 / 更新 / 无变化,
 * matched by 公民身份号码) and a Chinese report naming row, column and value for every problem.
 *
 * Reading uses `workbook.xlsx.load` on the whole buffer under a size cap, never exceljs's
 * streaming reader, which breaks multi-byte characters split across chunks (stack-notes
 * pitfall 18); any cell with U+FFFD is refused all the same.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Transaction } from 'kysely';
import { parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { maskIdNumber, readIdNumber } from '../../domain/id-number';
import {
  EDUCATION_LEVELS,
  MEMBERSHIP_STATUS_CODES,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatusCode,
} from '../../domain/roster/labels';
import { nameSearchKeys } from '../../domain/roster/pinyin';
import type { Database, OrgRow } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import {
  canEditRoster,
  canRevealIdNumber,
  chinaToday,
  listRosterAll,
  orgIndex,
  type RosterQuery,
} from './member.service';

/** Upload cap: a township's roster is far below it; 100,000 rows is about 8 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const SHEET_NAME = '党员花名册';

type Field =
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'idNumber'
  | 'education'
  | 'phone'
  | 'occupation'
  | 'workUnit'
  | 'org'
  | 'status'
  | 'joinedOn'
  | 'fullMemberSince';

/** Template columns in order, with the other names the national system's exports use. */
export const ROSTER_COLUMNS: readonly {
  field: Field;
  header: string;
  aliases: readonly string[];
  required: boolean;
  width: number;
  note: string;
}[] = [
  { field: 'name', header: '姓名', aliases: [], required: true, width: 10, note: '必填' },
  {
    field: 'gender',
    header: '性别',
    aliases: [],
    required: false,
    width: 6,
    note: '男或女；空着按身份证号',
  },
  { field: 'ethnicity', header: '民族', aliases: [], required: false, width: 8, note: '如 汉族' },
  {
    field: 'birthDate',
    header: '出生日期',
    aliases: [],
    required: false,
    width: 12,
    note: 'YYYY-MM-DD；须与身份证号一致',
  },
  {
    field: 'idNumber',
    header: '公民身份号码',
    aliases: ['身份证号', '身份证号码', '公民身份证号码'],
    required: true,
    width: 22,
    note: '必填，18位，文本格式（不要让 Excel 变成数字）；同一文件不得重复',
  },
  {
    field: 'education',
    header: '学历',
    aliases: ['文化程度'],
    required: false,
    width: 10,
    note: EDUCATION_LEVELS.join('、'),
  },
  {
    field: 'phone',
    header: '联系电话',
    aliases: ['手机号码', '联系方式'],
    required: false,
    width: 14,
    note: '',
  },
  {
    field: 'occupation',
    header: '职业',
    aliases: ['工作岗位'],
    required: false,
    width: 12,
    note: '',
  },
  {
    field: 'workUnit',
    header: '工作单位及职务',
    aliases: ['工作单位'],
    required: false,
    width: 20,
    note: '',
  },
  {
    field: 'org',
    header: '所在党组织',
    aliases: ['所在党支部', '党组织名称', '所在支部'],
    required: true,
    width: 22,
    note: '必填，管辖范围内的党组织全称，如 河口村第一党支部；重名时写 上级›本级',
  },
  {
    field: 'status',
    header: '党籍状态',
    aliases: ['人员类别', '党员类别'],
    required: true,
    width: 10,
    note: '正式党员、预备党员等',
  },
  {
    field: 'joinedOn',
    header: '入党日期',
    aliases: ['加入党组织日期', '入党时间'],
    required: true,
    width: 12,
    note: '党员必填，YYYY-MM-DD',
  },
  {
    field: 'fullMemberSince',
    header: '转正日期',
    aliases: ['转为正式党员日期', '转正时间'],
    required: false,
    width: 12,
    note: '正式党员必填，不得早于入党日期',
  },
];

const HEADER_OF: Record<Field, string> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.field, c.header]),
) as Record<Field, string>;
const STATUS_BY_LABEL = new Map<string, MembershipStatusCode>(
  MEMBERSHIP_STATUS_CODES.map((code) => [MEMBERSHIP_STATUS_LABELS[code], code]),
);
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { XLSX_MIME };

export interface ImportProblem {
  /** Spreadsheet row number (the header is row 1); 0 for the file itself. */
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface ImportRowPlan {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  name: string;
  idNumberMasked: string;
  orgName: string;
  statusLabel: string;
  /** Chinese names of the columns that change, for 更新. */
  changes: string[];
}

export interface ImportPreview {
  fileRows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  /** The first rows of the plan (all of them when small). */
  rows: ImportRowPlan[];
}

interface ParsedRow {
  row: number;
  name: string;
  gender: '男' | '女';
  ethnicity: string | null;
  birthDate: IsoDate;
  idNumber: string;
  education: string | null;
  phone: string | null;
  occupation: string | null;
  workUnit: string | null;
  org: OrgRow;
  status: MembershipStatusCode;
  joinedOn: IsoDate | null;
  fullMemberSince: IsoDate | null;
}

function cellText(value: ExcelJS.CellValue): {
  text: string;
  isNumber: boolean;
  isDate: Date | null;
} {
  if (value === null || value === undefined) {
    return { text: '', isNumber: false, isDate: null };
  }
  if (value instanceof Date) {
    return { text: value.toISOString().slice(0, 10), isNumber: false, isDate: value };
  }
  if (typeof value === 'number') {
    return { text: String(value), isNumber: true, isDate: null };
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return {
        text: value.richText
          .map((r) => r.text)
          .join('')
          .trim(),
        isNumber: false,
        isDate: null,
      };
    }
    if ('text' in value && typeof value.text === 'string') {
      return { text: value.text.trim(), isNumber: false, isDate: null };
    }
    if ('result' in value) {
      return cellText(value.result as ExcelJS.CellValue);
    }
    return { text: '', isNumber: false, isDate: null };
  }
  return { text: String(value).trim(), isNumber: false, isDate: null };
}

/** Reads a date written as 2001-07-01, 2001/7/1, 2001.07.01, 20010701 or an Excel date cell. */
export function readDateText(text: string): IsoDate | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m === null) {
    m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  }
  if (m === null) {
    return null;
  }
  return parseIsoDate(`${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`);
}

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  if (buffer.length > IMPORT_MAX_BYTES) {
    throw new AppError(
      'ERR_ROSTER_IMPORT_TOO_LARGE',
      `文件大小 ${(buffer.length / 1024 / 1024).toFixed(1)} MB，超过上限 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
      'file',
    );
  }
  // An .xlsx is a zip file: it starts with "PK".
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    throw new AppError(
      'ERR_ROSTER_IMPORT_FILE',
      '文件不是 .xlsx 格式（请用 Excel 或 WPS 另存为 .xlsx）',
      'file',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('ERR_ROSTER_IMPORT_FILE', '无法打开文件：不是有效的 .xlsx 工作簿', 'file');
  }
  const sheet = workbook.getWorksheet(SHEET_NAME) ?? workbook.worksheets[0];
  if (sheet === undefined) {
    throw new AppError('ERR_ROSTER_IMPORT_FILE', '工作簿中没有工作表', 'file');
  }
  return sheet;
}

function headerMap(sheet: ExcelJS.Worksheet): Map<Field, number> {
  const map = new Map<Field, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).text.replace(/\s/g, '');
    const column = ROSTER_COLUMNS.find((c) => c.header === text || c.aliases.includes(text));
    if (column !== undefined && !map.has(column.field)) {
      map.set(column.field, col);
    }
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !map.has(c.field)).map(
    (c) => c.header,
  );
  if (missing.length > 0) {
    throw new AppError(
      'ERR_ROSTER_IMPORT_FILE',
      `第1行缺少表头：${missing.join('、')}（请使用下载的模板）`,
      'file',
    );
  }
  return map;
}

/** Finds an org by name (or 上级›本级) among the orgs in scope. */
function orgMatcher(orgs: readonly OrgRow[]) {
  const byName = new Map<string, OrgRow[]>();
  const byId = new Map(orgs.map((o) => [o.id, o]));
  for (const o of orgs) {
    byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  }
  return (text: string): OrgRow | string => {
    const parts = text
      .split(/[›>/／]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const last = parts[parts.length - 1] ?? '';
    let found = byName.get(last) ?? [];
    if (parts.length > 1) {
      const parentName = parts[parts.length - 2];
      found = found.filter((o) => o.parentId !== null && byId.get(o.parentId)?.name === parentName);
    }
    if (found.length === 1 && found[0] !== undefined) {
      return found[0];
    }
    if (found.length > 1) {
      return `管辖范围内有 ${found.length} 个同名党组织，请写成“上级›本级”`;
    }
    return '管辖范围内没有这个党组织';
  };
}

interface Analysis {
  fileRows: number;
  problems: ImportProblem[];
  plans: (ImportRowPlan & {
    parsed: ParsedRow;
    personId: number | null;
    membershipId: number | null;
  })[];
}

interface ParsedFile {
  fileRows: number;
  problems: ImportProblem[];
  parsed: ParsedRow[];
}

/**
 * The last file read, so the commit that follows a preview of the same bytes does not load and
 * check the workbook a second time. Reading depends only on the bytes, the orgs in scope and
 * today's date, all part of the key; matching against the database is always done again.
 */
let lastParsed: { key: string; file: ParsedFile } | null = null;

function parseKey(buffer: Buffer, scopeOrgs: readonly OrgRow[], asOf: IsoDate): string {
  const hash = createHash('sha256').update(buffer);
  hash.update(asOf);
  for (const o of scopeOrgs) {
    hash.update(JSON.stringify([o.id, o.parentId, o.name, o.kind, o.path, o.areaCode]));
  }
  return hash.digest('hex');
}

async function analyse(ctx: ServiceContext, actor: Actor, buffer: Buffer): Promise<Analysis> {
  const asOf = chinaToday(ctx);
  const scopeOrgs = [...(await orgIndex(ctx.db, actor.scopePath)).values()].map((v) => v.org);
  const key = parseKey(buffer, scopeOrgs, asOf);
  let file = lastParsed?.key === key ? lastParsed.file : null;
  if (file === null) {
    lastParsed = null;
    file = await parseFile(buffer, scopeOrgs, asOf);
    lastParsed = { key, file };
  }
  return matchExisting(ctx, actor, file);
}

async function parseFile(
  buffer: Buffer,
  scopeOrgs: readonly OrgRow[],
  asOf: IsoDate,
): Promise<ParsedFile> {
  const sheet = await loadWorkbook(buffer);
  const columns = headerMap(sheet);
  const matchOrg = orgMatcher(scopeOrgs);
  const problems: ImportProblem[] = [];
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  let fileRows = 0;

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) {
      return;
    }
    const raw = new Map<Field, ReturnType<typeof cellText>>();
    for (const [field, col] of columns) {
      raw.set(field, cellText(row.getCell(col).value));
    }
    if ([...raw.values()].every((c) => c.text === '')) {
      return;
    }
    fileRows += 1;
    const before = problems.length;
    const problem = (field: Field, value: string, message: string) =>
      problems.push({ row: rowNumber, column: HEADER_OF[field], value, message });
    for (const [field, c] of raw) {
      if (c.text.includes('\uFFFD')) {
        problem(field, c.text, '含有无法识别的字符（U+FFFD），文件可能已损坏或编码有误');
      }
    }
    if (problems.length > before) {
      return;
    }
    const text = (f: Field) => raw.get(f)?.text ?? '';
    const name = text('name').replace(/\s+/g, '');
    if (name === '') {
      problem('name', '', '姓名不能为空');
    } else if (name.length > 30) {
      problem('name', name, '姓名过长');
    }
    const idCell = raw.get('idNumber');
    const idText = text('idNumber').toUpperCase();
    let idInfo: { birthDate: IsoDate; gender: '男' | '女' } | null = null;
    if (idCell?.isNumber === true) {
      problem(
        'idNumber',
        idText,
        '公民身份号码被存成了数字，末几位可能已丢失：请把这一列设为文本后重新填写',
      );
    } else if (idText === '') {
      problem('idNumber', '', '公民身份号码不能为空');
    } else {
      const read = readIdNumber(idText);
      if (!read.ok) {
        const why = {
          format: '应为18位，最后一位可为X',
          birthDate: '其中的出生日期不存在',
          checkDigit: '校验位不正确',
        }[read.problem];
        problem('idNumber', idText, `公民身份号码${why}`);
      } else {
        idInfo = read.info;
        const first = seen.get(idText);
        if (first !== undefined) {
          problem('idNumber', idText, `与第${first}行的公民身份号码重复`);
        } else {
          seen.set(idText, rowNumber);
        }
      }
    }
    let gender: '男' | '女' | null = null;
    const genderText = text('gender');
    if (genderText !== '') {
      if (genderText === '男' || genderText === '女') {
        gender = genderText;
        if (idInfo !== null && idInfo.gender !== gender) {
          problem('gender', genderText, `与公民身份号码（${idInfo.gender}）不一致`);
        }
      } else {
        problem('gender', genderText, '性别应为“男”或“女”');
      }
    }
    let birthDate: IsoDate | null = null;
    const birthText = text('birthDate');
    if (birthText !== '') {
      birthDate = readDateText(birthText);
      if (birthDate === null) {
        problem('birthDate', birthText, '日期格式不正确，应为 YYYY-MM-DD');
      } else if (idInfo !== null && birthDate !== idInfo.birthDate) {
        problem('birthDate', birthText, `与公民身份号码中的出生日期 ${idInfo.birthDate} 不一致`);
      }
    }
    const orgText = text('org');
    let org: OrgRow | null = null;
    if (orgText === '') {
      problem('org', '', '所在党组织不能为空');
    } else {
      const m = matchOrg(orgText);
      if (typeof m === 'string') {
        problem('org', orgText, m);
      } else if (m.kind === 'countyDepartment' || m.kind === 'townshipCommittee') {
        problem(
          'org',
          orgText,
          '党员应登记在村（社区）党组织或党支部，不能直接登记在乡镇党委或组织部',
        );
      } else {
        org = m;
      }
    }
    const statusText = text('status');
    const status = STATUS_BY_LABEL.get(statusText) ?? null;
    if (status === null) {
      problem('status', statusText, `党籍状态应为：${[...STATUS_BY_LABEL.keys()].join('、')}`);
    }
    const dateField = (field: 'joinedOn' | 'fullMemberSince'): IsoDate | null => {
      const t = text(field);
      if (t === '') {
        return null;
      }
      const d = readDateText(t);
      if (d === null) {
        problem(field, t, '日期格式不正确，应为 YYYY-MM-DD');
      } else if (d > asOf) {
        problem(field, t, `日期晚于今天 ${asOf}`);
      }
      return d;
    };
    const joinedOn = dateField('joinedOn');
    const fullMemberSince = dateField('fullMemberSince');
    const isMember =
      status !== null && ['probationary', 'full', 'suspended', 'left', 'deceased'].includes(status);
    if (isMember && joinedOn === null && text('joinedOn') === '') {
      problem('joinedOn', '', '党员必须填写入党日期');
    }
    if (status === 'full' && fullMemberSince === null && text('fullMemberSince') === '') {
      problem('fullMemberSince', '', '正式党员必须填写转正日期');
    }
    if (status === 'probationary' && fullMemberSince !== null) {
      problem('fullMemberSince', text('fullMemberSince'), '预备党员不应有转正日期');
    }
    if (joinedOn !== null && fullMemberSince !== null && fullMemberSince < joinedOn) {
      problem('fullMemberSince', text('fullMemberSince'), `转正日期早于入党日期 ${joinedOn}`);
    }
    const birth = idInfo?.birthDate ?? birthDate;
    if (birth !== null && joinedOn !== null && joinedOn < birth) {
      problem('joinedOn', text('joinedOn'), '入党日期早于出生日期');
    }
    const education = text('education');
    if (problems.length > before || idInfo === null || org === null || status === null) {
      return;
    }
    parsed.push({
      row: rowNumber,
      name,
      gender: gender ?? idInfo.gender,
      ethnicity: text('ethnicity') || null,
      birthDate: idInfo.birthDate,
      idNumber: idText,
      education: education || null,
      phone: text('phone') || null,
      occupation: text('occupation') || null,
      workUnit: text('workUnit') || null,
      org,
      status,
      joinedOn,
      fullMemberSince,
    });
  });
  if (fileRows === 0 && problems.length === 0) {
    problems.push({ row: 0, column: '', value: '', message: '工作表中没有数据行' });
  }
  return { fileRows, problems, parsed };
}

async function matchExisting(
  ctx: ServiceContext,
  actor: Actor,
  file: ParsedFile,
): Promise<Analysis> {
  const { fileRows, parsed } = file;
  const problems = [...file.problems];
  // Match by ID number. A person already recorded outside the actor's scope is refused.
  const existing = new Map<
    string,
    {
      personId: number;
      name: string;
      gender: string;
      ethnicity: string | null;
      education: string | null;
      phone: string | null;
      occupation: string | null;
      workUnit: string | null;
      membershipId: number | null;
      orgId: number | null;
      orgPath: string | null;
      status: string | null;
      joinedOn: string | null;
      fullMemberSince: string | null;
    }
  >();
  const ids = parsed.map((p) => p.idNumber);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db
      .selectFrom('person as p')
      .leftJoin('partyMembership as m', 'm.personId', 'p.id')
      .leftJoin('org as o', 'o.id', 'm.orgId')
      .select([
        'p.id as personId',
        'p.idNumber',
        'p.name',
        'p.gender',
        'p.ethnicity',
        'p.education',
        'p.phone',
        'p.occupation',
        'p.workUnit',
        'm.id as membershipId',
        'm.orgId',
        'o.path as orgPath',
        'm.status',
        'm.joinedOn',
        'm.fullMemberSince',
      ])
      .where('p.idNumber', 'in', ids.slice(i, i + 500))
      .orderBy('m.id')
      .execute();
    for (const r of rows) {
      if (r.idNumber !== null) {
        existing.set(r.idNumber, r);
      }
    }
  }
  const plans: Analysis['plans'] = [];
  for (const p of parsed) {
    const e = existing.get(p.idNumber);
    const base = {
      row: p.row,
      name: p.name,
      idNumberMasked: maskIdNumber(p.idNumber),
      orgName: p.org.name,
      statusLabel: MEMBERSHIP_STATUS_LABELS[p.status],
      parsed: p,
    };
    if (e === undefined) {
      plans.push({ ...base, action: 'create', changes: [], personId: null, membershipId: null });
      continue;
    }
    if (e.orgPath !== null && !e.orgPath.startsWith(actor.scopePath)) {
      problems.push({
        row: p.row,
        column: HEADER_OF.idNumber,
        value: p.idNumber,
        message: '此人已登记在您管辖范围以外的党组织，请由上级组织办理组织关系转接',
      });
      continue;
    }
    const changes: string[] = [];
    const cmp = (field: Field, a: string | null, b: string | null) => {
      if ((a ?? '') !== (b ?? '')) {
        changes.push(HEADER_OF[field]);
      }
    };
    cmp('name', e.name, p.name);
    cmp('gender', e.gender, p.gender);
    cmp('ethnicity', e.ethnicity, p.ethnicity);
    cmp('education', e.education, p.education);
    cmp('phone', e.phone, p.phone);
    cmp('occupation', e.occupation, p.occupation);
    cmp('workUnit', e.workUnit, p.workUnit);
    if (e.membershipId !== null) {
      cmp('org', String(e.orgId), String(p.org.id));
      cmp('status', e.status, p.status);
      cmp('joinedOn', e.joinedOn, p.joinedOn);
      cmp('fullMemberSince', e.fullMemberSince, p.fullMemberSince);
    } else {
      changes.push(HEADER_OF.status);
    }
    plans.push({
      ...base,
      action: changes.length === 0 ? 'unchanged' : 'update',
      changes,
      personId: e.personId,
      membershipId: e.membershipId,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  return { fileRows, problems, plans };
}

function requireImportRole(actor: Actor): void {
  if (!canEditRoster(actor)) {
    throw new AppError('ERR_FORBIDDEN_ROLE', '当前角色不能导入党员花名册');
  }
}

export async function previewRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  buffer: Buffer,
): Promise<ImportPreview> {
  requireImportRole(actor);
  const a = await analyse(ctx, actor, buffer);
  return {
    fileRows: a.fileRows,
    created: a.plans.filter((p) => p.action === 'create').length,
    updated: a.plans.filter((p) => p.action === 'update').length,
    unchanged: a.plans.filter((p) => p.action === 'unchanged').length,
    problems: a.problems.slice(0, 1000),
    rows: a.plans
      .filter((p) => p.action !== 'unchanged')
      .slice(0, 500)
      .map(({ parsed: _p, personId: _i, membershipId: _m, ...rest }) => rest),
  };
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Writes the whole file in one transaction, or nothing when any row has a problem. */
export async function commitRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  buffer: Buffer,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  requireImportRole(actor);
  const a = await analyse(ctx, actor, buffer);
  if (a.problems.length > 0) {
    const first = a.problems
      .slice(0, 5)
      .map((p) =>
        p.row === 0 ? p.message : `第${p.row}行 ${p.column} ${p.value || '（空）'}：${p.message}`,
      )
      .join('；');
    throw new AppError(
      'ERR_ROSTER_IMPORT_INVALID',
      `花名册有 ${a.problems.length} 处错误，未导入任何人员。${first}`,
      'file',
    );
  }
  const at = isoNow(ctx);
  const asOf = chinaToday(ctx);
  const todo = a.plans.filter((p) => p.action !== 'unchanged');
  // Common names repeat across a roster: work out each name's pinyin once.
  const keysOf = new Map<string, ReturnType<typeof nameSearchKeys>>();
  const searchKeys = (name: string) => {
    let keys = keysOf.get(name);
    if (keys === undefined) {
      keys = nameSearchKeys(name);
      keysOf.set(name, keys);
    }
    return keys;
  };
  await ctx.db.transaction().execute(async (trx) => {
    const creates = todo.filter((p) => p.action === 'create');
    const chunk = 200;
    let done = 0;
    for (let i = 0; i < creates.length; i += chunk) {
      const batch = creates.slice(i, i + chunk).map((p) => p.parsed);
      const people = await trx
        .insertInto('person')
        .values(
          batch.map((p) => ({
            name: p.name,
            gender: p.gender,
            ethnicity: p.ethnicity,
            birthDate: p.birthDate,
            idNumber: p.idNumber,
            education: p.education,
            phone: p.phone,
            occupation: p.occupation,
            workUnit: p.workUnit,
            areaCode: p.org.areaCode,
            createdAt: at,
            updatedAt: at,
            ...searchKeys(p.name),
          })),
        )
        .returning('id')
        .execute();
      const memberships = await trx
        .insertInto('partyMembership')
        .values(
          batch.map((p, k) => ({
            personId: people[k]?.id ?? 0,
            orgId: p.org.id,
            status: p.status,
            joinedOn: p.joinedOn,
            fullMemberSince: p.fullMemberSince,
            areaCode: p.org.areaCode,
            statusSince: p.fullMemberSince ?? p.joinedOn,
            updatedAt: at,
          })),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('membershipEvent')
        .values(
          batch.map((p, k) => ({
            membershipId: memberships[k]?.id ?? 0,
            personId: people[k]?.id ?? 0,
            orgId: p.org.id,
            areaCode: p.org.areaCode,
            kind: 'recorded' as const,
            occurredOn: asOf,
            statusBefore: null,
            statusAfter: p.status,
            note: `花名册导入（第${p.row}行）`,
            recordedAt: at,
            recordedById: actor.accountId,
            recordedByName: actor.name,
          })),
        )
        .execute();
      done += batch.length;
      onProgress?.(done, todo.length);
    }
    for (const plan of todo.filter((p) => p.action === 'update')) {
      await applyUpdate(trx, actor, plan, at, asOf);
      done += 1;
      if (done % 200 === 0) {
        onProgress?.(done, todo.length);
      }
    }
    await appendAudit(trx, actor, at, {
      action: 'roster.import',
      entityType: 'org',
      entityId: actor.scopeOrgId ?? 0,
      areaCode: actor.areaCode,
      orgPath: actor.scopePath,
      after: {
        created: creates.length,
        updated: todo.length - creates.length,
        unchanged: a.plans.length - todo.length,
      },
    });
  });
  lastParsed = null;
  onProgress?.(todo.length, todo.length);
  return {
    created: todo.filter((p) => p.action === 'create').length,
    updated: todo.filter((p) => p.action === 'update').length,
    unchanged: a.plans.length - todo.length,
  };
}

async function applyUpdate(
  trx: Transaction<Database>,
  actor: Actor,
  plan: Analysis['plans'][number],
  at: string,
  asOf: IsoDate,
): Promise<void> {
  const p = plan.parsed;
  const personId = plan.personId ?? 0;
  await trx
    .updateTable('person')
    .set({
      name: p.name,
      gender: p.gender,
      ethnicity: p.ethnicity,
      education: p.education,
      phone: p.phone,
      occupation: p.occupation,
      workUnit: p.workUnit,
      updatedAt: at,
      ...nameSearchKeys(p.name),
    })
    .where('id', '=', personId)
    .execute();
  if (plan.membershipId === null) {
    const m = await trx
      .insertInto('partyMembership')
      .values({
        personId,
        orgId: p.org.id,
        status: p.status,
        joinedOn: p.joinedOn,
        fullMemberSince: p.fullMemberSince,
        areaCode: p.org.areaCode,
        statusSince: p.fullMemberSince ?? p.joinedOn,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('membershipEvent')
      .values({
        membershipId: m.id,
        personId,
        orgId: p.org.id,
        areaCode: p.org.areaCode,
        kind: 'recorded',
        occurredOn: asOf,
        statusBefore: null,
        statusAfter: p.status,
        note: `花名册导入（第${p.row}行）`,
        recordedAt: at,
        recordedById: actor.accountId,
        recordedByName: actor.name,
      })
      .execute();
    return;
  }
  const before = await trx
    .selectFrom('partyMembership')
    .selectAll()
    .where('id', '=', plan.membershipId)
    .executeTakeFirstOrThrow();
  const membershipChanged =
    before.orgId !== p.org.id ||
    before.status !== p.status ||
    before.joinedOn !== p.joinedOn ||
    before.fullMemberSince !== p.fullMemberSince;
  if (!membershipChanged) {
    return;
  }
  // Status, dates and branch change only through an event: a 更正 that keeps before and after.
  await trx
    .insertInto('membershipEvent')
    .values({
      membershipId: before.id,
      personId,
      orgId: p.org.id,
      areaCode: p.org.areaCode,
      kind: 'corrected',
      occurredOn: asOf,
      statusBefore: before.status,
      statusAfter: p.status,
      note: `花名册导入更正（第${p.row}行）：${plan.changes.join('、')}`,
      detailJson: JSON.stringify({
        before: {
          orgId: before.orgId,
          status: before.status,
          joinedOn: before.joinedOn,
          fullMemberSince: before.fullMemberSince,
        },
        after: {
          orgId: p.org.id,
          status: p.status,
          joinedOn: p.joinedOn,
          fullMemberSince: p.fullMemberSince,
        },
      }),
      recordedAt: at,
      recordedById: actor.accountId,
      recordedByName: actor.name,
    })
    .execute();
  await trx
    .updateTable('partyMembership')
    .set({
      orgId: p.org.id,
      status: p.status,
      joinedOn: p.joinedOn,
      fullMemberSince: p.fullMemberSince,
      statusSince: before.status === p.status ? before.statusSince : asOf,
      updatedAt: at,
    })
    .where('id', '=', before.id)
    .execute();
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  // ID numbers and dates as text, so Excel never turns them into numbers.
  for (const field of ['idNumber', 'birthDate', 'joinedOn', 'fullMemberSince', 'phone'] as const) {
    sheet.getColumn(field).numFmt = '@';
  }
}

function addValidations(sheet: ExcelJS.Worksheet, rows: number): void {
  const list = (field: Field, values: readonly string[]) => {
    const col = sheet.getColumn(field).letter;
    for (let r = 2; r <= rows + 1; r++) {
      sheet.getCell(`${col}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '取值不正确',
        error: `请从下拉列表选择：${values.join('、')}`,
      };
    }
  };
  list('gender', ['男', '女']);
  list('status', [...STATUS_BY_LABEL.keys()]);
  list('education', EDUCATION_LEVELS);
}

/** The empty template with list validations and a sheet of instructions. */
export async function rosterTemplateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  styleHeader(sheet);
  addValidations(sheet, 500);
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列', key: 'header', width: 16 },
    { header: '说明', key: 'note', width: 70 },
    { header: '也认可的列名', key: 'aliases', width: 36 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of ROSTER_COLUMNS) {
    notes.addRow({ header: c.header, note: c.note, aliases: c.aliases.join('、') });
  }
  notes.addRow({});
  notes.addRow({
    header: '导入规则',
    note: '按公民身份号码匹配：新号码为新增，已有号码为更新或无变化。任何一行有错误时整个文件都不导入，并逐行列出错误。',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The roster in scope as .xlsx, in the template's columns (so it imports back). ID numbers are
 * masked unless `revealIdNumbers` is asked by a role that may see them; either way audited.
 */
export async function exportRosterXlsx(
  ctx: ServiceContext,
  actor: Actor,
  query: RosterQuery,
  options: { revealIdNumbers: boolean },
): Promise<{ buffer: Buffer; rows: number; revealed: boolean }> {
  const reveal = options.revealIdNumbers && canRevealIdNumber(actor);
  if (options.revealIdNumbers && !reveal) {
    throw new AppError('ERR_FORBIDDEN_ROLE', '当前角色不能导出完整的公民身份号码');
  }
  const rows = await listRosterAll(ctx, actor, { ...query, page: undefined, pageSize: undefined });
  const fullIds = new Map<number, string | null>();
  if (reveal) {
    const personIds = rows.map((r) => r.personId);
    for (let i = 0; i < personIds.length; i += 500) {
      const found = await ctx.db
        .selectFrom('person')
        .select(['id', 'idNumber'])
        .where('id', 'in', personIds.slice(i, i + 500))
        .execute();
      for (const f of found) {
        fullIds.set(f.id, f.idNumber);
      }
    }
  }
  // Orgs named so the file imports back: 上级›本级 where a name repeats in scope.
  const index = await orgIndex(ctx.db, actor.scopePath);
  const nameCount = new Map<string, number>();
  for (const { org } of index.values()) {
    nameCount.set(org.name, (nameCount.get(org.name) ?? 0) + 1);
  }
  const orgLabel = (orgId: number): string => {
    const o = index.get(orgId)?.org;
    if (o === undefined) {
      return '';
    }
    const parent = o.parentId === null ? undefined : index.get(o.parentId)?.org;
    return (nameCount.get(o.name) ?? 0) > 1 && parent !== undefined
      ? `${parent.name}›${o.name}`
      : o.name;
  };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAME);
  styleHeader(sheet);
  for (const r of rows) {
    sheet.addRow({
      name: r.name,
      gender: r.gender,
      ethnicity: r.ethnicity ?? '',
      birthDate: r.birthDate ?? '',
      idNumber: reveal ? (fullIds.get(r.personId) ?? '') : (r.idNumber ?? ''),
      education: r.education ?? '',
      phone: r.phone ?? '',
      occupation: r.occupation ?? '',
      workUnit: r.workUnit ?? '',
      org: orgLabel(r.orgId),
      status: r.statusLabel,
      joinedOn: r.joinedOn ?? '',
      fullMemberSince: r.fullMemberSince ?? '',
    });
  }
  addValidations(sheet, Math.min(rows.length, 5000));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await ctx.db.transaction().execute(async (trx) => {
    await appendAudit(trx, actor, isoNow(ctx), {
      action: 'roster.export',
      entityType: 'org',
      entityId: query.orgId ?? actor.scopeOrgId ?? 0,
      areaCode: actor.areaCode,
      orgPath: actor.scopePath,
      after: { rows: rows.length, revealedIdNumbers: reveal },
    });
  });
  return { buffer, rows: rows.length, revealed: reveal };
}
