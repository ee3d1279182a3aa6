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
import { ROSTER_COLUMNS, SHEET_NAME, type RosterField } from './roster-columns';

export { ROSTER_COLUMNS, SHEET_NAME, type RosterField } from './roster-columns';

type Field = RosterField;
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
