/**
 * Import of the 党员花名册 .xlsx in ONE streaming pass (docs/adr/0014-streaming-roster-import.md):
 * rows go from exceljs's streaming reader straight into validation, matching by 公民身份号码
 * (新增 / 更新 / 无变化) in batches, and — when committing — insert batches inside one
 * transaction that is rolled back if any row has a problem. Nothing but what matching needs is
 * kept per row (the ID numbers seen, for duplicates); the report keeps the first
 * `MAX_REPORTED_PROBLEMS` problems and the total count.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import { parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { maskIdNumber, readIdNumber } from '../../domain/id-number';
import {
  MEMBERSHIP_STATUS_CODES,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatusCode,
} from '../../domain/roster/labels';
import { nameSearchKeys, type NameSearchKeys } from '../../domain/roster/pinyin';
import type { Database, OrgRow } from '../../db/schema';
import { appendAudit } from '../audit.service';
import { isoNow, type Actor, type ServiceContext } from '../context';
import { AppError } from '../errors';
import { canEditRoster, chinaToday, orgIndex } from './member.service';
import { ROSTER_COLUMNS, SHEET_NAME, type RosterField } from './roster-xlsx';
import { cellText, readSheetRows, type CellText } from './xlsx-rows';

/** Upload cap: a township's roster is far below it; 100,000 rows is about 9.2 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** Problems returned in a report; the total is always counted. */
export const MAX_REPORTED_PROBLEMS = 1000;
/** Rows of 新增/更新 listed in a preview. */
export const MAX_LISTED_ROWS = 500;
/** Rows matched against the database and written together. */
const BATCH_ROWS = 500;

type Field = RosterField;

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

export interface ImportReport {
  fileRows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every problem found; `problems` holds the first MAX_REPORTED_PROBLEMS of them. */
  problemCount: number;
  problems: ImportProblem[];
  /** The first rows of 新增 and 更新. */
  rows: ImportRowPlan[];
  /** True when the rows were written (a commit with no problems). */
  committed: boolean;
}

export type ImportPreview = Omit<ImportReport, 'committed'>;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** An .xlsx in memory, or a file on disk (a CLI argument, or an upload kept for the commit). */
export type ImportSource = Buffer | { path: string };

/** Called as rows are read (not counting the header), then once at the end. */
export type ImportProgress = (rowsRead: number) => void;

const HEADER_OF: Record<Field, string> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.field, c.header]),
) as Record<Field, string>;
const STATUS_BY_LABEL = new Map<string, MembershipStatusCode>(
  MEMBERSHIP_STATUS_CODES.map((code) => [MEMBERSHIP_STATUS_LABELS[code], code]),
);
const MEMBER_STATUSES: readonly MembershipStatusCode[] = [
  'probationary',
  'full',
  'suspended',
  'left',
  'deceased',
];

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

interface Existing {
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

interface UpdatePlan {
  parsed: ParsedRow;
  personId: number;
  membershipId: number | null;
  changes: string[];
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

/** Size and signature checks, then a stream of the bytes. */
async function openSource(source: ImportSource): Promise<Readable> {
  let size: number;
  let head: Buffer;
  if (Buffer.isBuffer(source)) {
    size = source.length;
    head = source.subarray(0, 4);
  } else {
    size = (await stat(source.path)).size;
    const fh = await open(source.path, 'r');
    try {
      head = Buffer.alloc(4);
      await fh.read(head, 0, 4, 0);
    } finally {
      await fh.close();
    }
  }
  if (size > IMPORT_MAX_BYTES) {
    throw tooLarge(size);
  }
  // An .xlsx is a zip file: it starts with "PK".
  if (size < 4 || head[0] !== 0x50 || head[1] !== 0x4b) {
    throw new AppError(
      'ERR_ROSTER_IMPORT_FILE',
      '文件不是 .xlsx 格式（请用 Excel 或 WPS 另存为 .xlsx）',
      'file',
    );
  }
  if (Buffer.isBuffer(source)) {
    return Readable.from([source], { objectMode: false });
  }
  return createReadStream(source.path, { highWaterMark: 256 * 1024 });
}

export function tooLarge(size: number): AppError {
  return new AppError(
    'ERR_ROSTER_IMPORT_TOO_LARGE',
    `文件大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过上限 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
    'file',
  );
}

/** Column number of each field from the header row; throws when a required header is missing. */
function headerMap(values: readonly unknown[]): Map<Field, number> {
  const map = new Map<Field, number>();
  values.forEach((value, col) => {
    const text = cellText(value as never).text.replace(/\s/g, '');
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
  const cache = new Map<string, OrgRow | string>();
  const match = (text: string): OrgRow | string => {
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
      const o = found[0];
      return o.kind === 'countyDepartment' || o.kind === 'townshipCommittee'
        ? '党员应登记在村（社区）党组织或党支部，不能直接登记在乡镇党委或组织部'
        : o;
    }
    if (found.length > 1) {
      return `管辖范围内有 ${found.length} 个同名党组织，请写成“上级›本级”`;
    }
    return '管辖范围内没有这个党组织';
  };
  return (text: string): OrgRow | string => {
    let m = cache.get(text);
    if (m === undefined) {
      m = match(text);
      cache.set(text, m);
    }
    return m;
  };
}

/** Checks one data row; returns the parsed row, or null after adding its problems. */
function rowChecker(scopeOrgs: readonly OrgRow[], asOf: IsoDate) {
  const matchOrg = orgMatcher(scopeOrgs);
  /** Every valid ID number seen in the file, with its row: the one thing kept per row. */
  const seen = new Map<string, number>();
  return (
    rowNumber: number,
    raw: Map<Field, CellText>,
    problems: ImportProblem[],
  ): ParsedRow | null => {
    const before = problems.length;
    const problem = (field: Field, value: string, message: string) =>
      problems.push({ row: rowNumber, column: HEADER_OF[field], value, message });
    for (const [field, c] of raw) {
      if (c.text.includes('\uFFFD')) {
        problem(field, c.text, '含有无法识别的字符（U+FFFD），文件可能已损坏或编码有误');
      }
    }
    if (problems.length > before) {
      return null;
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
    const birthText = text('birthDate');
    let birthDate: IsoDate | null = null;
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
    const isMember = status !== null && MEMBER_STATUSES.includes(status);
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
    if (problems.length > before || idInfo === null || org === null || status === null) {
      return null;
    }
    return {
      row: rowNumber,
      name,
      gender: gender ?? idInfo.gender,
      ethnicity: text('ethnicity') || null,
      birthDate: idInfo.birthDate,
      idNumber: idText,
      education: text('education') || null,
      phone: text('phone') || null,
      occupation: text('occupation') || null,
      workUnit: text('workUnit') || null,
      org,
      status,
      joinedOn,
      fullMemberSince,
    };
  };
}

/** People already recorded under these ID numbers, with their (latest) membership. */
async function findExisting(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, Existing>> {
  const existing = new Map<string, Existing>();
  if (ids.length === 0) {
    return existing;
  }
  const rows = await db
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
    .where('p.idNumber', 'in', ids)
    .orderBy('m.id')
    .execute();
  for (const r of rows) {
    if (r.idNumber !== null) {
      existing.set(r.idNumber, r);
    }
  }
  return existing;
}

/** Chinese names of the columns whose value differs from what is recorded. */
function changedColumns(e: Existing, p: ParsedRow): string[] {
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
  return changes;
}

function requireImportRole(actor: Actor): void {
  if (!canEditRoster(actor)) {
    throw new AppError('ERR_FORBIDDEN_ROLE', '当前角色不能导入党员花名册');
  }
}

/** Thrown inside the transaction to roll it back when the file has problems. */
class RollBack extends Error {}

/**
 * Reads the whole file once: validates every row, matches it by 公民身份号码, and with
 * `commit` writes it in one transaction — rolled back, writing nothing, if any row has a
 * problem. Throws AppError for an unusable file (too large, not .xlsx, missing headers).
 */
export async function runRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  source: ImportSource,
  options: { commit: boolean; onProgress?: ImportProgress | undefined },
): Promise<ImportReport> {
  requireImportRole(actor);
  const input = await openSource(source);
  const asOf = chinaToday(ctx);
  const at = isoNow(ctx);
  const scopeOrgs = [...(await orgIndex(ctx.db, actor.scopePath)).values()].map((v) => v.org);
  const check = rowChecker(scopeOrgs, asOf);
  const report: ImportReport = {
    fileRows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problemCount: 0,
    problems: [],
    rows: [],
    committed: false,
  };
  // Common names repeat across a roster: work out each name's pinyin once.
  const keysOf = new Map<string, NameSearchKeys>();
  const searchKeys = (name: string): NameSearchKeys => {
    let keys = keysOf.get(name);
    if (keys === undefined) {
      keys = nameSearchKeys(name);
      keysOf.set(name, keys);
    }
    return keys;
  };
  const addProblems = (found: ImportProblem[]) => {
    found.sort((a, b) => a.row - b.row);
    report.problemCount += found.length;
    for (const p of found) {
      if (report.problems.length >= MAX_REPORTED_PROBLEMS) {
        break;
      }
      report.problems.push(p);
    }
  };
  const listRow = (p: ParsedRow, action: 'create' | 'update', changes: string[]) => {
    if (report.rows.length < MAX_LISTED_ROWS) {
      report.rows.push({
        row: p.row,
        action,
        name: p.name,
        idNumberMasked: maskIdNumber(p.idNumber),
        orgName: p.org.name,
        statusLabel: MEMBERSHIP_STATUS_LABELS[p.status],
        changes,
      });
    }
  };

  /** Matches a batch of checked rows and, when writing and the file is clean so far, writes it. */
  const flush = async (
    db: Kysely<Database>,
    batch: ParsedRow[],
    problems: ImportProblem[],
    write: boolean,
  ) => {
    const existing = await findExisting(
      db,
      batch.map((p) => p.idNumber),
    );
    const creates: ParsedRow[] = [];
    const updates: UpdatePlan[] = [];
    for (const p of batch) {
      const e = existing.get(p.idNumber);
      if (e === undefined) {
        creates.push(p);
        listRow(p, 'create', []);
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
      const changes = changedColumns(e, p);
      if (changes.length === 0) {
        report.unchanged += 1;
        continue;
      }
      updates.push({ parsed: p, personId: e.personId, membershipId: e.membershipId, changes });
      listRow(p, 'update', changes);
    }
    report.created += creates.length;
    report.updated += updates.length;
    addProblems(problems);
    if (write && report.problemCount === 0) {
      const trx = db as Transaction<Database>;
      await insertCreates(trx, actor, creates, at, asOf, searchKeys);
      for (const u of updates) {
        await applyUpdate(trx, actor, u, at, asOf);
      }
    }
  };

  const pass = async (db: Kysely<Database>, write: boolean) => {
    let columns: Map<Field, number> | null = null;
    let batch: ParsedRow[] = [];
    let problems: ImportProblem[] = [];
    try {
      for await (const row of readSheetRows(input, SHEET_NAME)) {
        if (columns === null) {
          // The header is row 1; a sheet whose first row is further down lacks it.
          columns = headerMap(row.number === 1 ? row.values : []);
          continue;
        }
        const raw = new Map<Field, CellText>();
        let empty = true;
        for (const [field, col] of columns) {
          const c = cellText(row.values[col]);
          raw.set(field, c);
          if (c.text !== '') {
            empty = false;
          }
        }
        if (empty) {
          continue;
        }
        report.fileRows += 1;
        const parsed = check(row.number, raw, problems);
        if (parsed !== null) {
          batch.push(parsed);
        }
        if (batch.length >= BATCH_ROWS) {
          await flush(db, batch, problems, write);
          batch = [];
          problems = [];
          options.onProgress?.(report.fileRows);
        }
      }
    } finally {
      input.destroy();
    }
    if (columns === null) {
      throw new AppError(
        'ERR_ROSTER_IMPORT_FILE',
        `第1行缺少表头：${ROSTER_COLUMNS.filter((c) => c.required)
          .map((c) => c.header)
          .join('、')}（请使用下载的模板）`,
        'file',
      );
    }
    await flush(db, batch, problems, write);
    if (report.fileRows === 0 && report.problemCount === 0) {
      addProblems([{ row: 0, column: '', value: '', message: '工作表中没有数据行' }]);
    }
    options.onProgress?.(report.fileRows);
  };

  if (!options.commit) {
    await pass(ctx.db, false);
    return report;
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await pass(trx, true);
      if (report.problemCount > 0) {
        throw new RollBack();
      }
      await appendAudit(trx, actor, at, {
        action: 'roster.import',
        entityType: 'org',
        entityId: actor.scopeOrgId ?? 0,
        areaCode: actor.areaCode,
        orgPath: actor.scopePath,
        after: { created: report.created, updated: report.updated, unchanged: report.unchanged },
      });
    });
    report.committed = true;
  } catch (e) {
    if (!(e instanceof RollBack)) {
      throw e;
    }
  }
  return report;
}

/** Checks the whole file and lists 新增 / 更新 / 无变化 and every problem; writes nothing. */
export async function previewRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  source: ImportSource,
  onProgress?: ImportProgress,
): Promise<ImportPreview> {
  const r = await runRosterImport(ctx, actor, source, { commit: false, onProgress });
  return {
    fileRows: r.fileRows,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    problemCount: r.problemCount,
    problems: r.problems,
    rows: r.rows,
  };
}

/** One line for the first few problems of a report, as in an error message. */
export function problemSummary(report: Pick<ImportReport, 'problems' | 'problemCount'>): string {
  const first = report.problems
    .slice(0, 5)
    .map((p) =>
      p.row === 0 ? p.message : `第${p.row}行 ${p.column} ${p.value || '（空）'}：${p.message}`,
    )
    .join('；');
  return `花名册有 ${report.problemCount} 处错误，未导入任何人员。${first}`;
}

/** Writes the whole file in one transaction, or nothing (ERR_ROSTER_IMPORT_INVALID). */
export async function commitRosterImport(
  ctx: ServiceContext,
  actor: Actor,
  source: ImportSource,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const report = await runRosterImport(ctx, actor, source, { commit: true, onProgress });
  if (!report.committed) {
    throw new AppError('ERR_ROSTER_IMPORT_INVALID', problemSummary(report), 'file');
  }
  return { created: report.created, updated: report.updated, unchanged: report.unchanged };
}

async function insertCreates(
  trx: Transaction<Database>,
  actor: Actor,
  batch: readonly ParsedRow[],
  at: string,
  asOf: IsoDate,
  searchKeys: (name: string) => NameSearchKeys,
): Promise<void> {
  if (batch.length === 0) {
    return;
  }
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
}

async function applyUpdate(
  trx: Transaction<Database>,
  actor: Actor,
  plan: UpdatePlan,
  at: string,
  asOf: IsoDate,
): Promise<void> {
  const p = plan.parsed;
  const personId = plan.personId;
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
