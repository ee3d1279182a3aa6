/**
 * 党员花名册 in .xlsx: the documented template (columns, aliases, list validations) and the
 * export of the roster in scope (ID numbers masked unless asked and allowed). The import, in one
 * streaming pass, is in roster-import.ts.
 */
import ExcelJS from 'exceljs';
import {
  EDUCATION_LEVELS,
  MEMBERSHIP_STATUS_CODES,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatusCode,
} from '../../domain/roster/labels';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { canRevealIdNumber, listRosterAll, orgIndex, type RosterQuery } from './member.service';

export const SHEET_NAME = '党员花名册';

export type RosterField =
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
type Field = RosterField;

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

const STATUS_BY_LABEL = new Map<string, MembershipStatusCode>(
  MEMBERSHIP_STATUS_CODES.map((code) => [MEMBERSHIP_STATUS_LABELS[code], code]),
);
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export { XLSX_MIME };

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
