/**
 * Documents of 组织生活 and 学习培训: the meeting record (.docx, A4, for the branch file), a
 * training certificate (.docx) per trainee who completed a class, and the compliance matrix
 * (.xlsx). States only: 已开展 / 缺少 / 未到期 / 不作要求 — never a score or a ranking.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import { CELL_STATE_LABELS, type CellState } from '../../domain/organization-life/compliance';
import { orgLifeRule } from '../../domain/organization-life/rules';
import { resolveOrgLifeSettings } from '../../domain/organization-life/settings';
import { STUDY_STATE_LABELS } from '../../domain/organization-life/study-hours';
import { MEETING_KIND_LABELS } from '../../domain/organization-life/types';
import { yearPlan } from '../../domain/organization-life/year-plan';
import { formatCitation } from '../../domain/rules/citation';
import { getOrgInScope } from '../org.service';
import type { Actor, ServiceContext } from '../context';
import { AppError } from '../errors';
import { complianceReport, loadBranchFacts, type ComplianceQuery } from './compliance.service';
import { getMeeting } from './meetings.service';
import { getClass } from './training.service';

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const HEI_FONT = '黑体';
const SAN_HAO = 32;
const ER_HAO = 44;
const XIAO_SI = 24;
const A4 = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 },
};

function run(text: string, size = XIAO_SI, font = BODY_FONT): TextRun {
  return new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font } });
}

function para(
  text: string,
  size = XIAO_SI,
  align: 'left' | 'center' | 'right' = 'left',
): Paragraph {
  return new Paragraph({
    alignment:
      align === 'center'
        ? AlignmentType.CENTER
        : align === 'right'
          ? AlignmentType.RIGHT
          : AlignmentType.LEFT,
    spacing: { line: 400 },
    children: [run(text, size)],
  });
}

function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

function labelCell(text: string): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    width: { size: 18, type: WidthType.PERCENTAGE },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, XIAO_SI, HEI_FONT)] }),
    ],
  });
}

function valueCell(text: string, span = 1): TableCell {
  const lines = text === '' ? [''] : text.split('\n');
  return new TableCell({
    columnSpan: span,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: lines.map((line) => para(line)),
  });
}

export interface FileOut {
  filename: string;
  buffer: Buffer;
}

/** 会议记录 for the branch file. */
export async function meetingRecordDocx(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
): Promise<FileOut> {
  const m = await getMeeting(ctx, actor, id);
  const present = m.attendees.map((a) => a.name).join('、');
  const absent = m.absentees
    .map((a) => (a.reason === null ? a.name : `${a.name}（${a.reason}）`))
    .join('、');
  const rows: [string, string, string?, string?][] = [
    ['会议类型', m.kindLabel, '日期', chineseDate(m.date)],
    [
      '党组织',
      m.groupName === null ? m.orgName : `${m.orgName} ${m.groupName}`,
      '地点',
      m.location ?? '',
    ],
    ['主持人/讲课人', m.presenterName, '学时', `${m.studyHours}`],
    ['会议主题', m.topic],
    [`到会（${m.attendees.length}人）`, present],
    [`缺席（${m.absentees.length}人）`, absent === '' ? '无' : absent],
    ['会议记录', m.minutes],
    ['决定事项', m.decisions === '' ? '无' : m.decisions],
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([a, b, c, d]) =>
        new TableRow({
          children:
            c === undefined
              ? [labelCell(a), valueCell(b, 3)]
              : [labelCell(a), valueCell(b), labelCell(c), valueCell(d ?? '')],
        }),
    ),
  });
  const doc = new Document({
    sections: [
      {
        properties: { page: A4 },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 300 },
            children: [run(`${m.orgName}${m.kindLabel}记录`, ER_HAO, TITLE_FONT)],
          }),
          table,
          para(''),
          para(`记录人：${m.createdByName}          主持人签字：__________`, XIAO_SI),
        ],
      },
    ],
  });
  return {
    filename: `${m.orgName}-${m.date}-${m.kindLabel}记录.docx`,
    buffer: await Packer.toBuffer(doc),
  };
}

/** 结业证书 for one trainee who attended every session. */
export async function certificateDocx(
  ctx: ServiceContext,
  actor: Actor,
  classId: number,
  personId: number,
): Promise<FileOut> {
  const cls = await getClass(ctx, actor, classId);
  const trainee = cls.trainees.find((t) => t.personId === personId);
  if (trainee === undefined) {
    throw new AppError(
      'ERR_TRAINING_TRAINEE_INVALID',
      `人员编号 ${personId} 不是本班学员`,
      'personId',
    );
  }
  if (!trainee.completed) {
    throw new AppError(
      'ERR_TRAINING_TRAINEE_INVALID',
      `${trainee.name}未参加全部${cls.sessionCount}节课（已参加${trainee.attended.length}节），不能出具结业证书`,
      'personId',
    );
  }
  const doc = new Document({
    sections: [
      {
        properties: {
          page: { ...A4, margin: { top: 2800, bottom: 1440, left: 1800, right: 1800 } },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 800 },
            children: [run('结 业 证 书', 60, TITLE_FONT)],
          }),
          new Paragraph({
            indent: { firstLine: 640 },
            spacing: { line: 640 },
            children: [
              run(
                `${trainee.name}同志于${chineseDate(cls.startDate)}至${chineseDate(cls.endDate)}参加${cls.organizer}举办的“${cls.name}”，完成全部${cls.sessionCount}节课程的学习，计${trainee.hours}学时，准予结业。`,
                SAN_HAO,
              ),
            ],
          }),
          para(''),
          para(''),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [run(cls.organizer, SAN_HAO)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [run(chineseDate(cls.endDate), SAN_HAO)],
          }),
        ],
      },
    ],
  });
  return {
    filename: `结业证书-${cls.name}-${trainee.name}.docx`,
    buffer: await Packer.toBuffer(doc),
  };
}

const FILL: Record<CellState, string> = {
  met: 'FFD9F2D0',
  missing: 'FFFBD5D0',
  notDue: 'FFEFEFEF',
  notRequired: 'FFFFFFFF',
};

/** The compliance matrix, roll-ups and study hours as a workbook. */
export async function complianceXlsx(
  ctx: ServiceContext,
  actor: Actor,
  query: ComplianceQuery,
): Promise<FileOut> {
  const report = await complianceReport(ctx, actor, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = '组工通';
  const matrix = wb.addWorksheet('落实情况');
  const periods = [
    ...report.periods.months,
    ...report.periods.quarters,
    ...report.periods.halves,
    report.periods.year,
  ];
  const header = ['党组织', '上级', '规则', '对象', ...periods.map((p) => p.label)];
  matrix.addRow([
    `${report.year}年组织生活落实情况（截至${report.asOf}）：已开展 / 缺少 / 未到期 / 不作要求`,
  ]);
  matrix.addRow(header).font = { bold: true };
  for (const b of report.branches) {
    const keys = new Map<string, typeof b.cells>();
    for (const c of b.cells) {
      const k = `${c.rule}|${c.subject ?? ''}`;
      keys.set(k, [...(keys.get(k) ?? []), c]);
    }
    for (const [k, cells] of keys) {
      const [rule, subject] = k.split('|');
      const row = matrix.addRow([
        b.name,
        b.parentName ?? '',
        `${rule} ${report.rules.find((r) => r.id === rule)?.shortTitle ?? ''}`,
        subject,
        ...periods.map((p) => {
          const c = cells.find((x) => x.period === p.key);
          return c === undefined ? '' : CELL_STATE_LABELS[c.state];
        }),
      ]);
      periods.forEach((p, i) => {
        const c = cells.find((x) => x.period === p.key);
        if (c !== undefined) {
          row.getCell(5 + i).fill = {
            type: 'pattern',
            pattern: 'solid',
            fgColor: { argb: FILL[c.state] },
          };
        }
      });
    }
  }
  matrix.columns.forEach((col, i) => {
    col.width = i < 4 ? 18 : 8;
  });

  const roll = wb.addWorksheet('汇总');
  roll.addRow([
    '组织',
    '党支部数',
    ...report.rules
      .filter((r) => r.module === 'organizationLife' && r.id !== 'EDU-11')
      .map((r) => `${r.id} ${r.shortTitle}：有缺少的支部数`),
  ]).font = { bold: true };
  for (const r of report.rollups) {
    roll.addRow([r.name, r.branchCount, ...r.rules.map((x) => x.branchesMissing)]);
  }
  roll.addRow([]);
  roll.addRow(['组织', '人数', '已达到', '尚差', '未达到', '免于要求']).font = { bold: true };
  for (const r of report.rollups) {
    roll.addRow([
      r.name,
      r.study.people,
      r.study.met,
      r.study.behind,
      r.study.missing,
      r.study.exempt,
    ]);
  }

  const study = wb.addWorksheet('学时');
  study.addRow([
    '党组织',
    '姓名',
    '要求',
    '会议学时',
    '培训学时',
    '合计',
    '应达',
    '集中培训',
    '情况',
    '尚差',
    '剩余月数',
    '免于要求理由',
  ]).font = { bold: true };
  for (const b of report.branches) {
    for (const p of b.study) {
      study.addRow([
        b.name,
        p.name,
        p.rule === 'EDU-14' ? '书记/委员 56' : '党员 32',
        p.meetingHours,
        p.trainingHours,
        p.totalHours,
        p.requiredHours,
        p.centralizedCount,
        STUDY_STATE_LABELS[p.state],
        p.shortfall,
        p.monthsLeft,
        p.exemptReason ?? '',
      ]);
    }
  }
  const review = wb.addWorksheet('待核查');
  review.addRow(['党组织', '规则', '说明（待核查，不是结论）', '依据']).font = { bold: true };
  for (const b of report.branches) {
    for (const f of b.findings.filter((x) => x.rule === 'EDU-11' || x.rule === 'BR-04')) {
      review.addRow([b.name, f.rule, f.message, f.citation]);
    }
  }
  const settings = wb.addWorksheet('设置与出处');
  settings.addRow(['设置项', '取值', '出处']).font = { bold: true };
  for (const s of report.settings) {
    settings.addRow([s.key, s.value, s.source]);
  }
  settings.addRow([]);
  settings.addRow(['规则', '名称', '依据']).font = { bold: true };
  for (const r of report.rules) {
    settings.addRow([r.id, r.title, r.citations.join('；')]);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `组织生活落实情况-${report.year}.xlsx`, buffer };
}

async function loadYearPlan(ctx: ServiceContext, actor: Actor, orgId: number, year: number) {
  const branch = await getOrgInScope(ctx, actor, orgId);
  if (branch.kind !== 'branch') {
    throw new AppError(
      'ERR_MEETING_NOT_BRANCH',
      `年度计划按党支部生成，“${branch.name}”不是党支部`,
      'orgId',
    );
  }
  const [facts] = await loadBranchFacts(ctx, [branch], year);
  const settings = resolveOrgLifeSettings();
  const plan = yearPlan(
    year,
    { committees: facts?.committees ?? [], groups: facts?.groups ?? [] },
    settings,
  );
  const title = `${branch.name}${year}年三会一课和主题党日计划`;
  const note = `党课频次按本地设置：每个周期 ${settings.lecturesPerPeriod} 次`;
  const rows = plan.map((item) => ({
    due: item.due,
    period: item.periodLabel,
    kind: MEETING_KIND_LABELS[item.kind],
    subject: item.subject ?? '',
    count: item.count,
    basis: `${item.rule} ${formatCitation(orgLifeRule(item.rule).citations[0])}`,
  }));
  return { branch, title, note, rows };
}

/** A branch's 三会一课 calendar for the year (.xlsx): what falls due when, with the rule behind it. */
export async function yearPlanXlsx(
  ctx: ServiceContext,
  actor: Actor,
  orgId: number,
  year: number,
): Promise<FileOut> {
  const { branch, title, note, rows } = await loadYearPlan(ctx, actor, orgId, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = '组工通';
  const sheet = wb.addWorksheet(`${year}年三会一课计划`);
  sheet.addRow([`${title}（${note}）`]);
  sheet.addRow([
    '最迟日期',
    '周期',
    '会议',
    '对象',
    '次数',
    '依据',
    '计划日期',
    '实际召开日期',
  ]).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.due, r.period, r.kind, r.subject, r.count, r.basis, '', '']);
  }
  sheet.columns.forEach((col, i) => {
    col.width = [12, 10, 14, 14, 6, 48, 12, 14][i] ?? 12;
  });
  return {
    filename: `${branch.name}-${year}年三会一课计划.xlsx`,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

function headCell(text: string, width: number): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, 21, HEI_FONT)] }),
    ],
  });
}

function smallCell(text: string): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [new Paragraph({ children: [run(text, 21)] })],
  });
}

/** The same calendar as a Word document (A4) for the branch file. */
export async function yearPlanDocx(
  ctx: ServiceContext,
  actor: Actor,
  orgId: number,
  year: number,
): Promise<FileOut> {
  const { branch, title, note, rows } = await loadYearPlan(ctx, actor, orgId, year);
  const widths = [13, 11, 12, 11, 6, 27, 10, 10];
  const header = ['最迟日期', '周期', '会议', '对象', '次数', '依据', '计划日期', '实际召开'];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => headCell(h, widths[i] ?? 10)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              chineseDate(r.due),
              r.period,
              r.kind,
              r.subject,
              `${r.count}`,
              r.basis,
              '',
              '',
            ].map((t) => smallCell(t)),
          }),
      ),
    ],
  });
  const doc = new Document({
    sections: [
      {
        properties: { page: A4 },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [run(title, ER_HAO, TITLE_FONT)],
          }),
          para(`（${note}；最迟日期为该周期的最后一天）`, XIAO_SI, 'center'),
          table,
          para(''),
          para('支部书记签字：__________          制表日期：__________', XIAO_SI),
        ],
      },
    ],
  });
  return {
    filename: `${branch.name}-${year}年三会一课计划.docx`,
    buffer: await Packer.toBuffer(doc),
  };
}
