/**
 * The township's (or any org's) 轮训 plan for a year, from the same study-hour figures as the
 * compliance report: who still has to be trained, the hours each group still needs and suggested
 * classes per quarter left, as .xlsx and .docx. Read only.
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
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { IsoDate } from '../../domain/calendar/date';
import {
  TRAINEE_GROUP_LABELS,
  trainingPlan,
  type TrainingPlan,
} from '../../domain/organization-life/training-plan';
import type { Actor, ServiceContext } from '../context';
import { getOrgInScope } from '../org.service';
import { complianceReport } from './compliance.service';

export interface TrainingPlanReport extends TrainingPlan {
  orgName: string;
  branchCount: number;
}

export interface PlanFile {
  filename: string;
  buffer: Buffer;
}

/** The org whose plan it is: `orgId`, or the root of the caller's scope. */
async function planOrgName(ctx: ServiceContext, actor: Actor, orgId?: number): Promise<string> {
  const id =
    orgId ??
    Number(
      actor.scopePath
        .split('/')
        .filter((x) => x !== '')
        .pop() ?? NaN,
    );
  if (!Number.isInteger(id)) {
    return '全县';
  }
  return (await getOrgInScope(ctx, actor, id)).name;
}

export async function townshipTrainingPlan(
  ctx: ServiceContext,
  actor: Actor,
  query: { year: number; orgId?: number | undefined; asOf?: IsoDate | undefined },
): Promise<TrainingPlanReport> {
  const orgName = await planOrgName(ctx, actor, query.orgId);
  const report = await complianceReport(ctx, actor, query);
  const plan = trainingPlan(
    report.year,
    report.asOf,
    report.branches.map((b) => ({ name: b.name, people: b.study })),
  );
  return { ...plan, orgName, branchCount: report.branches.length };
}

const NOTE =
  '要求：党员每年不少于32学时（党员教育管理工作条例第二十条）；书记和支部委员56学时且至少1次集中培训（全国党员教育培训工作规划，现行规划的数字未核实）。已登记免于要求的党员不计入。建议学时按剩余季度平均分配，取最多还差的人能够达到为准。';

function titleOf(p: TrainingPlanReport): string {
  return `${p.orgName}${p.year}年党员轮训计划`;
}

export async function trainingPlanXlsx(
  ctx: ServiceContext,
  actor: Actor,
  query: { year: number; orgId?: number | undefined; asOf?: IsoDate | undefined },
): Promise<PlanFile> {
  const p = await townshipTrainingPlan(ctx, actor, query);
  const wb = new ExcelJS.Workbook();
  wb.creator = '组工通';
  const sum = wb.addWorksheet('汇总');
  sum.addRow([
    `${titleOf(p)}（截至${p.asOf}，党支部 ${p.branchCount} 个，剩余 ${p.quartersLeft} 个季度）`,
  ]);
  sum.addRow([NOTE]);
  sum.addRow([
    '对象',
    '年度要求学时',
    '应参训人数',
    '免于要求',
    '已达到',
    '需培训人数',
    '尚差学时合计',
    '未参加集中培训',
  ]).font = { bold: true };
  for (const g of p.groups) {
    sum.addRow([
      TRAINEE_GROUP_LABELS[g.group],
      g.requiredHours,
      g.people,
      g.exempt,
      g.met,
      g.toTrain,
      g.remainingHours,
      g.group === 'officer' ? g.needsCentralized : '',
    ]);
  }
  sum.columns.forEach((c) => {
    c.width = 16;
  });
  const classes = wb.addWorksheet('建议班次');
  classes.addRow(['季度', '开始', '结束', '班次', '对象', '集中培训', '人数', '建议学时']).font = {
    bold: true,
  };
  for (const c of p.classes) {
    classes.addRow([
      c.quarterLabel,
      c.start,
      c.end,
      c.title,
      TRAINEE_GROUP_LABELS[c.group],
      c.centralized ? '是' : '否',
      c.trainees,
      c.hours,
    ]);
  }
  classes.columns.forEach((c, i) => {
    c.width = i === 3 ? 36 : 12;
  });
  const people = wb.addWorksheet('需培训人员');
  people.addRow([
    '党支部',
    '姓名',
    '对象',
    '应达学时',
    '已有学时',
    '尚差学时',
    '需参加集中培训',
  ]).font = { bold: true };
  for (const t of p.trainees) {
    people.addRow([
      t.branchName,
      t.name,
      TRAINEE_GROUP_LABELS[t.group],
      t.requiredHours,
      t.totalHours,
      t.remainingHours,
      t.needsCentralized ? '是' : '',
    ]);
  }
  people.columns.forEach((c) => {
    c.width = 16;
  });
  return {
    filename: `${titleOf(p)}.xlsx`,
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const HEI_FONT = '黑体';

function run(text: string, size = 24, font = BODY_FONT): TextRun {
  return new TextRun({ text, size, font: { ascii: font, eastAsia: font, hAnsi: font } });
}

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, head: boolean): TableCell =>
    new TableCell({
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [
        new Paragraph({
          alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, 21, head ? HEI_FONT : BODY_FONT)],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t) => cell(t, false)) })),
    ],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [run(text, 32, HEI_FONT)],
  });
}

export async function trainingPlanDocx(
  ctx: ServiceContext,
  actor: Actor,
  query: { year: number; orgId?: number | undefined; asOf?: IsoDate | undefined },
): Promise<PlanFile> {
  const p = await townshipTrainingPlan(ctx, actor, query);
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [run(titleOf(p), 44, TITLE_FONT)],
          }),
          new Paragraph({
            indent: { firstLine: 480 },
            spacing: { line: 400 },
            children: [
              run(
                `截至${p.asOf}，${p.orgName}共有党支部 ${p.branchCount} 个，本年度剩余 ${p.quartersLeft} 个季度。${NOTE}`,
              ),
            ],
          }),
          heading('一、参训对象和尚差学时'),
          table(
            ['对象', '要求', '应参训', '免于要求', '已达到', '需培训', '尚差学时', '未集中培训'],
            p.groups.map((g) => [
              TRAINEE_GROUP_LABELS[g.group],
              `${g.requiredHours}`,
              `${g.people}`,
              `${g.exempt}`,
              `${g.met}`,
              `${g.toTrain}`,
              `${g.remainingHours}`,
              g.group === 'officer' ? `${g.needsCentralized}` : '—',
            ]),
          ),
          heading('二、建议班次'),
          p.classes.length === 0
            ? new Paragraph({ children: [run('本年度已无剩余季度，或全部人员已达到要求。')] })
            : table(
                ['季度', '起止', '班次', '人数', '建议学时'],
                p.classes.map((c) => [
                  c.quarterLabel,
                  `${c.start} 至 ${c.end}`,
                  c.title,
                  `${c.trainees}`,
                  `${c.hours}`,
                ]),
              ),
          heading('三、需培训人员'),
          table(
            ['党支部', '姓名', '对象', '已有/应达', '尚差', '集中培训'],
            p.trainees.map((t) => [
              t.branchName,
              t.name,
              TRAINEE_GROUP_LABELS[t.group],
              `${t.totalHours}/${t.requiredHours}`,
              `${t.remainingHours}`,
              t.needsCentralized ? '需参加' : '',
            ]),
          ),
        ],
      },
    ],
  });
  return { filename: `${titleOf(p)}.docx`, buffer: await Packer.toBuffer(doc) };
}
