/**
 * The .xlsx form of the dossier interchange format (dossier-format.md): one row per dossier,
 * one Chinese-headed column per step field. `writeDossierTemplate` makes the empty template,
 * `writeDossierWorkbook` fills it, `readDossierWorkbook` turns rows back into raw dossier
 * objects for the rule engine to validate.
 *
 * Reading uses `workbook.xlsx.readFile`, not exceljs's streaming WorkbookReader: in exceljs
 * 4.4.0 the streaming reader decodes each zip chunk on its own and breaks Chinese characters
 * split across chunks into U+FFFD (stack-notes.md pitfall 18). readFile holds the whole
 * workbook in memory, so files are capped at MAX_WORKBOOK_BYTES; any cell that still contains
 * U+FFFD is rejected.
 */
import {
  ACTIVIST_DECIDERS,
  APPROVER_LEVELS,
  GENDERS,
  MEETING_OUTCOMES,
  RECOMMENDATION_METHODS,
  REVIEW_RESULTS,
  TALK_ROLES,
} from '../domain/dossier/types';
import { stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { fromDayNumber, parseIsoDate, toDayNumber } from '../domain/calendar/date';

/** Largest workbook read (readFile needs several times the file size in memory). */
export const MAX_WORKBOOK_BYTES = 30 * 1024 * 1024;
export const DOSSIER_SHEET_NAME = '发展党员档案';
export const INSTRUCTIONS_SHEET_NAME = '填写说明';
/** Rows of the template that carry list validation and date formats. */
const TEMPLATE_ROWS = 2000;
/** Separator of several dates or documents in one cell; 、，,；; are all accepted on input. */
const LIST_SEPARATOR = '、';

export type DossierXlsxErrorCode =
  | 'ERR_XLSX_TOO_LARGE'
  | 'ERR_XLSX_READ'
  | 'ERR_XLSX_SHEET'
  | 'ERR_XLSX_HEADER'
  | 'ERR_XLSX_CHARACTER';

/** A workbook that cannot be read as a whole; `message` is Chinese. */
export class DossierXlsxError extends Error {
  constructor(
    readonly code: DossierXlsxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DossierXlsxError';
  }
}

type ColumnKind = 'text' | 'date' | 'count' | 'dates' | 'list' | 'yesNo' | 'texts' | 'months';

interface ColumnSpec {
  header: string;
  /** Where the value goes: ['id'], ['steps', 'training', 'startDate'], ['mentors', 0, 'name']… */
  path: readonly (string | number)[];
  kind: ColumnKind;
  options?: readonly string[];
  help: string;
}

function col(
  header: string,
  path: string,
  kind: ColumnKind,
  help: string,
  options?: readonly string[],
): ColumnSpec {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return options === undefined
    ? { header, path: parts, kind, help }
    : { header, path: parts, kind, help, options };
}

const VOTE_HELP = '支部大会表决数据，填整数';

function voteColumns(prefix: string, step: string): ColumnSpec[] {
  return [
    col(`${prefix}日期`, `steps.${step}.date`, 'date', `召开${prefix}的日期`),
    col(
      `${prefix}应到人数`,
      `steps.${step}.expectedVoters`,
      'count',
      `应到会有表决权的正式党员人数（${VOTE_HELP}）`,
    ),
    col(
      `${prefix}实到人数`,
      `steps.${step}.presentVoters`,
      'count',
      `实到会有表决权的正式党员人数（${VOTE_HELP}）`,
    ),
    col(`${prefix}赞成票`, `steps.${step}.votesFor`, 'count', `到会党员的赞成票数（${VOTE_HELP}）`),
    col(
      `${prefix}书面赞成票`,
      `steps.${step}.writtenVotesFor`,
      'count',
      '因故不能到会的党员会前正式提出的书面赞成意见数；没有可留空',
    ),
    col(
      `${prefix}表决对象人数`,
      `steps.${step}.candidatesInVote`,
      'count',
      '这一次表决一并讨论了几名对象（应逐个表决，正常为1）；可留空',
    ),
  ];
}

function personColumns(
  role: string,
  step: string,
  index: number,
  withProbation: boolean,
): ColumnSpec[] {
  const n = index + 1;
  const cols = [
    col(`${role}${n}姓名`, `steps.${step}.people.${index}.name`, 'text', `第${n}名${role}的姓名`),
    col(
      `${role}${n}转正日期`,
      `steps.${step}.people.${index}.fullMemberSince`,
      'date',
      `第${n}名${role}成为正式党员的日期（党龄起算日）`,
    ),
  ];
  if (withProbation) {
    cols.push(
      col(
        `${role}${n}是否留党察看`,
        `steps.${step}.people.${index}.disciplinaryProbation`,
        'yesNo',
        `第${n}名${role}在该日是否处于留党察看期：是 / 否；不清楚可留空`,
        ['是', '否'],
      ),
    );
  }
  return cols;
}

/** Every column of the template, in order. Headers are the contract of the .xlsx form. */
export const DOSSIER_COLUMNS: readonly ColumnSpec[] = [
  col('档案编号', 'id', 'text', '必填，同一文件内不得重复'),
  col('姓名', 'name', 'text', '必填'),
  col('性别', 'gender', 'list', '男 / 女', GENDERS),
  col('出生日期', 'birthDate', 'date', '填写了公民身份号码时可留空'),
  col(
    '公民身份号码',
    'idNumber',
    'text',
    '18位，按文本填写（单元格已设为文本格式，避免被改成科学计数法）',
  ),
  col('所在党支部', 'branch', 'text', '必填，例如：青山镇河口村党支部'),
  col('递交入党申请书日期', 'steps.application.date', 'date', '申请书落款日期'),
  col('党组织收到申请书日期', 'steps.application.receivedDate', 'date', '与递交日期相同时可留空'),
  col(
    '谈话日期',
    'steps.applicationTalk.date',
    'date',
    '党组织派人谈话的日期（应在收到申请书后一个月内）',
  ),
  col(
    '确定积极分子日期',
    'steps.activistSelection.date',
    'date',
    '支部委员会（或支部大会）研究决定的日期',
  ),
  col(
    '推荐方式',
    'steps.activistSelection.method',
    'list',
    '党员推荐 / 群团组织推优 / 其他',
    RECOMMENDATION_METHODS,
  ),
  col(
    '决定机构',
    'steps.activistSelection.decidedBy',
    'list',
    '支部委员会 / 支部大会',
    ACTIVIST_DECIDERS,
  ),
  col('积极分子备案日期', 'steps.activistFiling.date', 'date', '报上级党委备案的日期'),
  col('指定培养联系人日期', 'steps.mentors.date', 'date', '指定培养联系人的日期'),
  ...personColumns('培养联系人', 'mentors', 0, false),
  ...personColumns('培养联系人', 'mentors', 1, false),
  col(
    '培养考察日期',
    'steps.activistReviews.dates',
    'dates',
    '每半年一次的培养教育考察日期，多个日期用“、”分隔',
  ),
  col('确定发展对象日期', 'steps.candidateSelection.date', 'date', '确定为发展对象的日期'),
  col('发展对象备案日期', 'steps.candidateFiling.date', 'date', '报上级党委备案的日期'),
  col('确定入党介绍人日期', 'steps.sponsors.date', 'date', '确定入党介绍人的日期'),
  ...personColumns('入党介绍人', 'sponsors', 0, true),
  ...personColumns('入党介绍人', 'sponsors', 1, true),
  col('政治审查结论日期', 'steps.politicalReview.date', 'date', '形成政治审查结论性材料的日期'),
  col('政治审查结论', 'steps.politicalReview.result', 'list', '合格 / 不合格', REVIEW_RESULTS),
  col(
    '函调回复日期',
    'steps.politicalReview.inquiryReplyDates',
    'dates',
    '各函调回复的日期，多个用“、”分隔；没有可留空',
  ),
  col('集中培训开始日期', 'steps.training.startDate', 'date', '集中培训第一天'),
  col('集中培训结束日期', 'steps.training.endDate', 'date', '集中培训最后一天'),
  col('培训学时', 'steps.training.hours', 'count', '集中培训学时数，填整数'),
  col('支部委员会审查日期', 'steps.committeeReview.date', 'date', '支部委员会审查的日期'),
  col('上级党委预审日期', 'steps.preReview.date', 'date', '上级党委预审的日期'),
  col('公示开始日期', 'steps.preReview.publicNotice.startDate', 'date', '发展对象公示第一天'),
  col(
    '公示结束日期',
    'steps.preReview.publicNotice.endDate',
    'date',
    '发展对象公示最后一天（起止两日都计入工作日）',
  ),
  col('填写入党志愿书日期', 'steps.applicationForm.date', 'date', '填写入党志愿书的日期'),
  ...voteColumns('支部大会', 'admissionMeeting'),
  col(
    '上级党委谈话日期',
    'steps.approvalTalk.date',
    'date',
    '上级党委派人谈话的日期（应在审批之前）',
  ),
  col('谈话人身份', 'steps.approvalTalk.byRole', 'list', '党委委员 / 组织员', TALK_ROLES),
  col('上级党委审批日期', 'steps.approval.date', 'date', '上级党委审批的日期'),
  col(
    '审批党组织',
    'steps.approval.approverLevel',
    'list',
    '乡镇党委 / 街道党工委 / 基层党委 等',
    APPROVER_LEVELS,
  ),
  col(
    '特殊情况说明',
    'steps.approval.specialCircumstance',
    'text',
    '审批超过三个月的特殊情况说明；没有可留空',
  ),
  col('再上一级备案日期', 'steps.approvalFiling.date', 'date', '报再上一级党委组织部门备案的日期'),
  col('编入党支部和党小组日期', 'steps.groupAssignment.date', 'date', '编入党支部和党小组的日期'),
  col('入党宣誓日期', 'steps.oath.date', 'date', '入党宣誓的日期'),
  col(
    '继续教育考察日期',
    'steps.probationReviews.dates',
    'dates',
    '预备期内的考察日期，多个用“、”分隔',
  ),
  col('转正申请日期', 'steps.fullMembershipApplication.date', 'date', '提出转正申请的日期'),
  ...voteColumns('转正大会', 'fullMembershipMeeting'),
  col(
    '转正表决结果',
    'steps.fullMembershipMeeting.outcome',
    'list',
    '转为正式党员 / 延长预备期 / 取消预备党员资格',
    MEETING_OUTCOMES,
  ),
  col('转正审批日期', 'steps.fullMembershipApproval.date', 'date', '上级党委审批转正的日期'),
  col(
    '党龄起算日',
    'steps.fullMembershipApproval.fullMemberSince',
    'date',
    '审批时记载的党龄起算日（应为预备期满之日）',
  ),
  col(
    '延长预备期决定日期',
    'probationExtensions.*.decidedOn',
    'dates',
    '每次延长预备期的决定日期，多个用“、”分隔；没有可留空',
  ),
  col(
    '延长预备期月数',
    'probationExtensions.*.months',
    'months',
    '与决定日期一一对应的延长月数，多个用“、”分隔',
  ),
  col('归档日期', 'steps.archiving.date', 'date', '材料归档的日期'),
  col(
    '归档材料',
    'steps.archiving.documents',
    'texts',
    '已归档的材料名称，用“、”分隔，例如：入党志愿书、入党申请书、政治审查材料、转正申请书、培养教育考察材料',
  ),
];

// ---------------------------------------------------------------- writing

function excelColumnName(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) {
    s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  }
  return s;
}

/** A calendar date as the Date exceljs stores: midnight UTC, so no time-zone shift. */
function excelDate(date: string): Date {
  return new Date(toDayNumber(date) * 86_400_000);
}

function buildWorkbook(): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '组工通';
  const sheet = workbook.addWorksheet(DOSSIER_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  sheet.columns = DOSSIER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.max(12, c.header.length * 2 + 2, c.kind === 'dates' || c.kind === 'texts' ? 30 : 0),
    style:
      c.kind === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : c.kind === 'count'
          ? { numFmt: '0' }
          : { numFmt: '@' },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = 32;
  DOSSIER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = c.help;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } };
  });

  const notes = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  notes.columns = [
    { header: '列', key: 'letter', width: 6 },
    { header: '列名', key: 'header', width: 26 },
    { header: '格式', key: 'format', width: 16 },
    { header: '填写说明', key: 'help', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.views = [{ state: 'frozen', ySplit: 1 }];
  const formatName: Record<ColumnKind, string> = {
    text: '文字',
    date: '日期 YYYY-MM-DD',
    count: '整数',
    dates: '多个日期，用、分隔',
    list: '下拉选择',
    yesNo: '是 / 否',
    texts: '多项文字，用、分隔',
    months: '多个整数，用、分隔',
  };
  DOSSIER_COLUMNS.forEach((c, i) => {
    notes.addRow({
      letter: excelColumnName(i + 1),
      header: c.header,
      format: formatName[c.kind],
      help: c.help,
    });
  });
  notes.addRow({});
  for (const line of [
    '每行一份发展党员档案；尚未进行的步骤留空。表头文字请勿修改，列的顺序可以调整。',
    '日期可以是 Excel 日期，也可以写成 2024-03-15、2024/3/15 或 2024年3月15日，读入时统一为 YYYY-MM-DD，不做时区换算。',
    '公民身份号码列为文本格式，请勿改为数值，否则后几位会丢失。',
    '同一步骤有多个日期或多份材料时，用顿号“、”分隔。',
    '读入后由规则引擎逐行检查：不存在的日期（如 2024-02-30）、负数、票数自相矛盾等会按行报错，其他行照常检查。',
  ]) {
    notes.addRow({ help: line });
  }
  return { workbook, sheet };
}

function addValidations(sheet: ExcelJS.Worksheet, lastRow: number): void {
  DOSSIER_COLUMNS.forEach((c, i) => {
    if (c.options === undefined) {
      return;
    }
    const validation: ExcelJS.DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.options.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '取值无效',
      error: `请从下拉列表中选择：${c.options.join('、')}`,
    };
    for (let r = 2; r <= lastRow; r++) {
      sheet.getCell(r, i + 1).dataValidation = validation;
    }
  });
}

/** Writes the empty template (header, 填写说明, formats and drop-down lists). */
export async function writeDossierTemplate(path: string): Promise<void> {
  const { workbook, sheet } = buildWorkbook();
  addValidations(sheet, TEMPLATE_ROWS + 1);
  await workbook.xlsx.writeFile(path);
}

function getPath(obj: unknown, path: readonly (string | number)[]): unknown {
  let v = obj;
  for (const key of path) {
    if (v === null || typeof v !== 'object') {
      return undefined;
    }
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

function cellValueFor(c: ColumnSpec, dossier: unknown): ExcelJS.CellValue {
  const star = c.path.indexOf('*');
  const value =
    star === -1
      ? getPath(dossier, c.path)
      : (getPath(dossier, c.path.slice(0, star)) as unknown[] | undefined)?.map((item) =>
          getPath(item, c.path.slice(star + 1)),
        );
  if (value === undefined || value === null) {
    return null;
  }
  switch (c.kind) {
    case 'date':
      return typeof value === 'string' && parseIsoDate(value) !== null
        ? excelDate(value)
        : String(value);
    case 'count':
      return typeof value === 'number' ? value : String(value);
    case 'dates':
    case 'texts':
    case 'months':
      return Array.isArray(value) ? value.map(String).join(LIST_SEPARATOR) : String(value);
    case 'yesNo':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'text':
    case 'list':
      return String(value);
  }
}

/**
 * Writes dossiers (interchange-format objects) into a workbook shaped like the template.
 * Fields the template has no column for (a third mentor, unknown extras) are not written.
 */
export async function writeDossierWorkbook(
  path: string,
  dossiers: Iterable<unknown>,
): Promise<void> {
  const { workbook, sheet } = buildWorkbook();
  let rows = 0;
  for (const dossier of dossiers) {
    sheet.addRow(DOSSIER_COLUMNS.map((c) => cellValueFor(c, dossier)));
    rows += 1;
  }
  addValidations(sheet, Math.max(rows + 1, 2));
  await workbook.xlsx.writeFile(path);
}

// ---------------------------------------------------------------- reading

/** Plain text of any cell value: rich text, formula results and hyperlinks included. */
function cellText(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) {
    return value;
  }
  if ('richText' in value) {
    return value.richText.map((r) => r.text).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null || typeof result === 'object') {
      return result instanceof Date ? result : null;
    }
    return result as string | number | boolean;
  }
  if ('text' in value) {
    return String((value as { text: unknown }).text);
  }
  if ('error' in value) {
    return String((value as { error: unknown }).error);
  }
  return null;
}

const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A cell as `YYYY-MM-DD`: Date cells by their UTC calendar day (exceljs stores dates at UTC
 * midnight), serial numbers from the 1899-12-30 epoch, and text in the usual Chinese spellings.
 * Anything else is returned as written, so the engine reports it with the row and field.
 */
export function normaliseDateCell(
  value: string | number | boolean | Date,
): string | number | boolean {
  if (value instanceof Date) {
    return fromDayNumber(Math.floor(value.getTime() / 86_400_000));
  }
  if (typeof value === 'number') {
    // Excel serial day; 25569 is 1970-01-01. Serials ≤ 60 fall in Excel's fictitious 1900-02-29.
    return value > 60 && value < 2_958_466 ? fromDayNumber(Math.floor(value) - 25569) : value;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    const m = TEXT_DATE.exec(text);
    if (m !== null) {
      return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
    }
    // An ISO timestamp typed as text: keep its calendar day.
    const iso = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(text);
    return iso !== null ? (iso[1] ?? text) : text;
  }
  return value;
}

function splitList(value: string | number | boolean | Date): (string | number | boolean | Date)[] {
  if (typeof value !== 'string') {
    return [value];
  }
  return value
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function normaliseCount(value: string | number | boolean | Date): unknown {
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
    return Number(value);
  }
  return value instanceof Date ? value.toISOString() : value;
}

function convert(c: ColumnSpec, value: string | number | boolean | Date): unknown {
  switch (c.kind) {
    case 'date':
      return normaliseDateCell(value);
    case 'count':
    case 'months':
      return c.kind === 'months' ? splitList(value).map(normaliseCount) : normaliseCount(value);
    case 'dates':
      return splitList(value).map(normaliseDateCell);
    case 'texts':
      return splitList(value).map((v) => (v instanceof Date ? normaliseDateCell(v) : String(v)));
    case 'yesNo':
      return value === '是' || value === true
        ? true
        : value === '否' || value === false
          ? false
          : value;
    case 'text':
    case 'list':
      return value instanceof Date
        ? normaliseDateCell(value)
        : typeof value === 'string'
          ? value.trim()
          : String(value);
  }
}

function setPath(
  target: Record<string | number, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): void {
  let node: Record<string | number, unknown> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i] as string | number;
    const nextIsIndex = typeof path[i + 1] === 'number';
    if (node[key] === undefined) {
      node[key] = nextIsIndex ? [] : {};
    }
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1] as string | number] = value;
}

/** Rebuilds one raw dossier from the non-empty cells of a row. */
function rowToRaw(
  cells: Map<ColumnSpec, string | number | boolean | Date>,
): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const extensionDates: unknown[] = [];
  const extensionMonths: unknown[] = [];
  for (const [c, value] of cells) {
    const converted = convert(c, value);
    if (c.path[0] === 'probationExtensions') {
      (c.path[2] === 'decidedOn' ? extensionDates : extensionMonths).push(
        ...(converted as unknown[]),
      );
    } else {
      setPath(raw, c.path, converted);
    }
  }
  if (!('steps' in raw)) {
    raw.steps = {};
  }
  const steps = raw.steps as Record<string, Record<string, unknown>>;
  for (const step of Object.values(steps)) {
    // A person row left partly empty keeps its place; drop holes (a blank 第1名 with a 第2名).
    if (Array.isArray(step.people)) {
      step.people = step.people.filter((p) => p !== undefined);
    }
  }
  const extensions = Math.max(extensionDates.length, extensionMonths.length);
  if (extensions > 0) {
    raw.probationExtensions = Array.from({ length: extensions }, (_, i) => ({
      ...(extensionDates[i] !== undefined ? { decidedOn: extensionDates[i] } : {}),
      ...(extensionMonths[i] !== undefined ? { months: extensionMonths[i] } : {}),
    }));
  }
  return raw;
}

function headerKey(value: ExcelJS.CellValue): string {
  const text = cellText(value);
  return typeof text === 'string' ? text.replace(/\s+/g, '') : '';
}

/**
 * Reads a dossier workbook (the template's first sheet, or the sheet named 发展党员档案) into
 * raw dossier objects, one per non-empty row, with the Excel row number. The rule engine
 * validates them; structural problems of the file throw DossierXlsxError.
 * @example for await (const { row, raw } of readDossierWorkbook('dossiers.xlsx')) { … }
 */
export async function* readDossierWorkbook(
  path: string,
): AsyncGenerator<{ row: number; raw: unknown }> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new DossierXlsxError('ERR_XLSX_READ', `无法读取工作簿 ${path}：${errorText(error)}`);
  }
  if (size > MAX_WORKBOOK_BYTES) {
    throw new DossierXlsxError(
      'ERR_XLSX_TOO_LARGE',
      `工作簿 ${path} 有 ${(size / 1048576).toFixed(1)} MB，超过 ${MAX_WORKBOOK_BYTES / 1048576} MB 上限：请拆分为多个文件，或导出为 JSON Lines 后检查`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new DossierXlsxError(
      'ERR_XLSX_READ',
      `工作簿 ${path} 无法打开（不是有效的 .xlsx 文件？）：${errorText(error)}`,
    );
  }
  const sheet = workbook.getWorksheet(DOSSIER_SHEET_NAME) ?? workbook.worksheets[0];
  if (sheet === undefined) {
    throw new DossierXlsxError('ERR_XLSX_SHEET', `工作簿 ${path} 中没有工作表`);
  }

  const byHeader = new Map(DOSSIER_COLUMNS.map((c) => [c.header, c]));
  const columns = new Map<number, ColumnSpec>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, colNumber) => {
    const spec = byHeader.get(headerKey(cell.value));
    if (spec !== undefined) {
      columns.set(colNumber, spec);
    }
  });
  const found = new Set([...columns.values()].map((c) => c.header));
  const missing = ['档案编号', '姓名', '所在党支部'].filter((h) => !found.has(h));
  if (missing.length > 0) {
    throw new DossierXlsxError(
      'ERR_XLSX_HEADER',
      `工作表「${sheet.name}」第1行缺少表头：${missing.join('、')}（请使用 zugong template 生成的模板）`,
    );
  }

  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = new Map<ColumnSpec, string | number | boolean | Date>();
    for (const [colNumber, spec] of columns) {
      const value = cellText(row.getCell(colNumber).value);
      if (value === null || (typeof value === 'string' && value.trim() === '')) {
        continue;
      }
      if (typeof value === 'string' && value.includes('\uFFFD')) {
        throw new DossierXlsxError(
          'ERR_XLSX_CHARACTER',
          `第${r}行「${spec.header}」列（${excelColumnName(colNumber)}${r}）含有无法识别的字符（U+FFFD），文件可能已损坏或编码有误：${value}`,
        );
      }
      cells.set(spec, value);
    }
    if (cells.size > 0) {
      yield { row: r, raw: rowToRaw(cells) };
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
