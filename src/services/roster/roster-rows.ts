/**
 * The checking half of the roster import, with no database: rows from the streaming reader,
 * the header, and every row's checks (ID number, dates, branch in scope, duplicates in the file),
 * in batches; roster-import.ts matches and writes the batches (and works out the pinyin of the
 * names it writes). It loads no database code and no pinyin dictionary.
 */
import type { Readable } from 'node:stream';
import { parseIsoDate, type IsoDate } from '../../domain/calendar/date';
import { readIdNumber } from '../../domain/id-number';
import {
  MEMBERSHIP_STATUS_CODES,
  MEMBERSHIP_STATUS_LABELS,
  type MembershipStatusCode,
} from '../../domain/roster/labels';
import type { OrgRow } from '../../db/schema';
import { AppError } from '../errors';
import { HEADER_OF, ROSTER_COLUMNS, SHEET_NAME, type RosterField } from './roster-columns';
import { cellText, type CellText } from '../xlsx-cell';
import { readSheetRows } from './xlsx-rows';

type Field = RosterField;

export interface ImportProblem {
  /** Spreadsheet row number (the header is row 1); 0 for the file itself. */
  row: number;
  column: string;
  value: string;
  message: string;
}

export { HEADER_OF };
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

/** A row that passed every check, as the writing side needs it. */
export interface CheckedRow {
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
  org: Pick<OrgRow, 'id' | 'name' | 'areaCode'>;
  status: MembershipStatusCode;
  joinedOn: IsoDate | null;
  fullMemberSince: IsoDate | null;
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

/** Column number of each field from the header row; throws when a required header is missing. */
export function headerMap(values: readonly unknown[]): Map<Field, number> {
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
export function rowChecker(scopeOrgs: readonly OrgRow[], asOf: IsoDate) {
  const matchOrg = orgMatcher(scopeOrgs);
  /** Every valid ID number seen in the file, with its row: the one thing kept per row. */
  const seen = new Map<string, number>();
  return (
    rowNumber: number,
    raw: Map<Field, CellText>,
    problems: ImportProblem[],
  ): CheckedRow | null => {
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

/** What a row is checked against: the 党组织 in the importer's scope, and today (in China). */
export interface RowScope {
  scopeOrgs: readonly OrgRow[];
  asOf: IsoDate;
}

/** Checked rows of one batch, the problems found in them, and the data rows read so far. */
export interface CheckedBatch {
  fileRows: number;
  rows: CheckedRow[];
  problems: ImportProblem[];
}

/**
 * Reads the sheet and checks every row, yielding a batch every `batchRows` data rows (and a last,
 * possibly empty, one). Throws ERR_ROSTER_IMPORT_FILE for a file that is not a usable roster.
 */
export async function* checkedBatches(
  input: Readable,
  scope: RowScope | Promise<RowScope>,
  batchRows: number,
): AsyncGenerator<CheckedBatch> {
  // The scope may still be on its way (a reading thread started before the database was open):
  // it is needed from the first data row, after exceljs has opened the file.
  let check: ReturnType<typeof rowChecker> | null = null;
  let columns: Map<Field, number> | null = null;
  let fileRows = 0;
  let rows: CheckedRow[] = [];
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
      fileRows += 1;
      if (check === null) {
        const { scopeOrgs, asOf } = await scope;
        check = rowChecker(scopeOrgs, asOf);
      }
      const checked = check(row.number, raw, problems);
      if (checked !== null) {
        rows.push(checked);
      }
      if (fileRows % batchRows === 0) {
        yield { fileRows, rows, problems };
        rows = [];
        problems = [];
      }
    }
  } finally {
    input.destroy();
  }
  if (columns === null) {
    headerMap([]);
  }
  yield { fileRows, rows, problems };
}
