/**
 * Print-ready Word documents (A4, Chinese, 仿宋_GB2312 body and 方正小标宋简体 titles — the fonts
 * the reader's Windows/WPS supplies): the 发展对象公示, the 支部大会决议 skeleton, the one-page
 * 全程纪实表 and the 材料清单.
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
import type { IsoDate } from '../../domain/calendar/date';
import type { StepKey } from '../../domain/dossier/types';
import { STEP_MATERIALS } from '../../domain/recruitment/materials';
import { noticePeriod, type NoticePeriod } from '../../domain/recruitment/notice';
import { stepDateOf } from '../../domain/recruitment/stage';
import type { Actor, ServiceContext } from '../context';
import { AppError } from '../errors';
import { getDossier, todayOf, type DossierDetail } from './dossier.service';
import { loadRecruitmentSettings, workdayCalendar } from './settings';

export const DOCUMENT_KINDS = ['notice', 'resolution', 'record', 'checklist'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, string>> = {
  notice: '发展对象公示',
  resolution: '支部大会决议',
  record: '发展党员全程纪实表',
  checklist: '发展党员材料清单',
};

const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const HEI_FONT = '黑体';
/** Half-points: 三号 16pt, 二号 22pt, 小四 12pt, 五号 10.5pt. */
const SAN_HAO = 32;
const ER_HAO = 44;
const XIAO_SI = 24;
const WU_HAO = 21;

/** A4 in twips with the 公文 margins (上 37mm, 下 35mm, 左 28mm, 右 26mm). */
const A4_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
};
/** Tighter margins for the one-page tables. */
const A4_TABLE_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
};

function run(text: string, size = SAN_HAO, font = BODY_FONT, bold = false): TextRun {
  return new TextRun({
    text,
    size,
    bold,
    font: { ascii: font, eastAsia: font, hAnsi: font },
  });
}

function title(text: string, size = ER_HAO): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300 },
    children: [run(text, size, TITLE_FONT)],
  });
}

function body(text: string, options: { indent?: boolean; right?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.right === true ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    indent: options.indent === false || options.right === true ? undefined : { firstLine: 640 },
    spacing: { line: 560 },
    children: [run(text)],
  });
}

function cell(text: string, size = WU_HAO, widthPct?: number, bold = false): TableCell {
  return new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    width: widthPct === undefined ? undefined : { size: widthPct, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(text, size, bold ? HEI_FONT : BODY_FONT)],
      }),
    ],
  });
}

function table(rows: string[][], widths: number[], size = WU_HAO): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (r, i) =>
        new TableRow({
          tableHeader: i === 0,
          children: r.map((text, j) => cell(text, size, widths[j], i === 0)),
        }),
    ),
  });
}

/** 2026-10-09 → 2026年10月9日 */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

function dateOr(date: IsoDate | null | undefined, blank = '    年  月  日'): string {
  return date === null || date === undefined ? blank : chineseDate(date);
}

function stepFields(d: DossierDetail, step: StepKey): Record<string, unknown> | null {
  return d.steps.find((s) => s.step === step)?.entry?.fields ?? null;
}

function stepDate(d: DossierDetail, step: StepKey): IsoDate | null {
  const f = stepFields(d, step);
  return f === null ? null : stepDateOf(f);
}

/**
 * The 公示 period for a dossier: the recorded 预审 notice's start if there is one, else `start`
 * (default: the next working day), and the end counted in working days by the calendar.
 */
export async function noticePeriodFor(
  ctx: ServiceContext,
  d: DossierDetail,
  start?: IsoDate,
): Promise<NoticePeriod> {
  const settings = await loadRecruitmentSettings(ctx, (await areaOf(ctx, d.id)) ?? '');
  const recorded = (stepFields(d, 'preReview')?.['publicNotice'] ?? null) as {
    startDate?: IsoDate;
  } | null;
  const from = start ?? recorded?.startDate ?? todayOf(ctx);
  return noticePeriod(from, settings.rules.publicNoticeWorkdays, workdayCalendar());
}

async function areaOf(ctx: ServiceContext, id: number): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('recruitmentDossier')
    .select('areaCode')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.areaCode;
}

function noticeDocument(d: DossierDetail, period: NoticePeriod, today: IsoDate): Document {
  const applied = stepDate(d, 'application');
  const activist = stepDate(d, 'activistSelection');
  const rows = [
    ['姓名', '性别', '出生年月', '学历', '职业', '申请入党时间', '确定为积极分子时间'],
    [
      d.name,
      d.gender,
      d.birthDate === null ? '' : d.birthDate.slice(0, 7).replace('-', '.'),
      d.education ?? '',
      d.occupation ?? '',
      applied === null ? '' : chineseDate(applied),
      activist === null ? '' : chineseDate(activist),
    ],
  ];
  return new Document({
    creator: '组工通',
    title: `关于${d.name}同志列为发展对象的公示`,
    sections: [
      {
        properties: { page: A4_PAGE },
        children: [
          title('发展对象公示'),
          body(
            `根据《中国共产党发展党员工作细则》有关规定，经${d.orgName}支部委员会研究，拟将${d.name}同志列为发展对象。为广泛听取党员和群众意见，现将有关情况公示如下：`,
          ),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          table(rows, [11, 8, 13, 11, 13, 22, 22], XIAO_SI),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          body(
            `公示时间：${chineseDate(period.startDate)}至${chineseDate(period.endDate)}（共${period.workdays}个工作日）。`,
          ),
          body(
            '公示期间，党员和群众可通过来信、来电、来访等方式，向党支部或乡镇党委反映公示对象的有关情况和问题。反映问题应实事求是，以真实姓名反映的优先核查。',
          ),
          body('联系电话：              '),
          new Paragraph({ spacing: { before: 600 }, children: [] }),
          body(`中共${d.orgName.replace(/^中共/, '')}`, { right: true }),
          body(chineseDate(period.startDate < today ? today : period.startDate), { right: true }),
          ...(period.calendarComplete
            ? []
            : [body('（注：公示期所在年份尚无节假日安排，按周一至周五计算，请核对。）')]),
        ],
      },
    ],
  });
}

function resolutionDocument(d: DossierDetail): Document {
  const vote = stepFields(d, 'admissionMeeting') as {
    date?: IsoDate;
    expectedVoters?: number;
    presentVoters?: number;
    votesFor?: number;
    writtenVotesFor?: number;
  } | null;
  const n = (v: number | undefined): string => (v === undefined ? '____' : String(v));
  const against =
    vote?.presentVoters !== undefined && vote.votesFor !== undefined
      ? String(vote.presentVoters - vote.votesFor)
      : '____';
  const sponsors = ((stepFields(d, 'sponsors')?.['people'] ?? []) as { name?: string }[])
    .map((p) => p.name ?? '')
    .filter((x) => x !== '')
    .join('、');
  return new Document({
    creator: '组工通',
    title: `${d.orgName}支部大会关于接收${d.name}同志为中共预备党员的决议`,
    sections: [
      {
        properties: { page: A4_PAGE },
        children: [
          title(`${d.orgName}支部大会关于接收${d.name}同志为中共预备党员的决议`, SAN_HAO + 4),
          body(
            `${dateOr(vote?.date ?? null)}，${d.orgName}召开支部大会，讨论${d.name}同志的入党问题。${sponsors === '' ? '入党介绍人' : `入党介绍人${sponsors}同志`}介绍了${d.name}同志的有关情况，与会党员进行了认真讨论。`,
          ),
          body(
            `支部大会应到会有表决权的正式党员${n(vote?.expectedVoters)}名，实到会有表决权的正式党员${n(vote?.presentVoters)}名，超过应到会有表决权党员的半数。经无记名投票表决，赞成${n(vote?.votesFor)}票，不赞成${against}票${vote?.writtenVotesFor ? `，另有会前正式提出的书面赞成意见${vote.writtenVotesFor}份` : ''}。`,
          ),
          body(
            `支部大会认为，${d.name}同志入党动机端正，符合党员条件。根据表决结果，同意接收${d.name}同志为中共预备党员，报上级党委审批。`,
          ),
          body('（本决议为草稿，须按会议记录核实后由支部书记签名）', { indent: false }),
          new Paragraph({ spacing: { before: 600 }, children: [] }),
          body(`中共${d.orgName.replace(/^中共/, '')}`, { right: true }),
          body(dateOr(vote?.date ?? null), { right: true }),
          body('支部书记（签名）：            ', { right: true }),
        ],
      },
    ],
  });
}

function entryNote(s: DossierDetail['steps'][number]): string {
  const notes: string[] = [];
  if (s.entry?.lateEntry === true) {
    notes.push('补录');
  }
  if (s.entry?.flagReason !== null && s.entry?.flagReason !== undefined) {
    notes.push('标记问题');
  }
  if (s.findings.some((f) => f.severity === 'error')) {
    notes.push(
      s.findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.rule)
        .join(' '),
    );
  }
  return notes.join('；');
}

function recordDocument(d: DossierDetail): Document {
  const rows = [['序号', '步骤', '日期', '材料/文号', '录入人', '备注']];
  for (const s of d.steps) {
    const f = s.entry?.fields ?? null;
    let date = '';
    if (f !== null) {
      if (Array.isArray(f['dates'])) {
        date = (f['dates'] as IsoDate[]).join('、');
      } else if (typeof f['startDate'] === 'string') {
        date = `${String(f['startDate'])}至${String(f['endDate'])}`;
      } else {
        date = String(f['date'] ?? '');
      }
    }
    rows.push([
      String(s.index),
      s.title,
      date,
      s.entry?.documentRef ?? '',
      s.entry?.recordedByName ?? '',
      entryNote(s),
    ]);
  }
  return new Document({
    creator: '组工通',
    title: `${d.name}发展党员全程纪实表`,
    sections: [
      {
        properties: { page: A4_TABLE_PAGE },
        children: [
          title('发展党员全程纪实表', SAN_HAO + 4),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              run(
                `姓名：${d.name}    性别：${d.gender}    出生日期：${d.birthDate ?? ''}    所在党支部：${d.orgName}    档案编号：${d.code}`,
                WU_HAO,
              ),
            ],
          }),
          table(rows, [6, 26, 22, 18, 10, 18], WU_HAO - 2),
          new Paragraph({
            spacing: { before: 120 },
            children: [
              run(
                `截至 ${d.asOf}：错误 ${d.findings.filter((f) => f.severity === 'error').length} 项，提示 ${d.findings.filter((f) => f.severity === 'warning').length} 项。`,
                WU_HAO - 2,
              ),
            ],
          }),
        ],
      },
    ],
  });
}

function checklistDocument(d: DossierDetail): Document {
  const rows = [['序号', '步骤', '应有材料', '文号/存放', '状态']];
  for (const s of d.steps) {
    rows.push([
      String(s.index),
      s.title,
      STEP_MATERIALS[s.step].join('；'),
      s.entry?.documentRef ?? '',
      s.entry === null ? '未办理' : s.entry.documentRef === null ? '已办理，缺文号' : '已办理',
    ]);
  }
  return new Document({
    creator: '组工通',
    title: `${d.name}发展党员材料清单`,
    sections: [
      {
        properties: { page: A4_TABLE_PAGE },
        children: [
          title('发展党员材料清单', SAN_HAO + 4),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              run(`姓名：${d.name}    所在党支部：${d.orgName}    档案编号：${d.code}`, WU_HAO),
            ],
          }),
          table(rows, [6, 22, 44, 16, 12], WU_HAO - 2),
          new Paragraph({
            spacing: { before: 120 },
            children: [run('注：应有材料为常见做法，以本省（区、市）实施细则为准。', WU_HAO - 2)],
          }),
        ],
      },
    ],
  });
}

export interface GeneratedDocument {
  filename: string;
  buffer: Buffer;
}

export async function generateDocument(
  ctx: ServiceContext,
  actor: Actor,
  id: number,
  kind: DocumentKind,
  options: { start?: IsoDate | undefined } = {},
): Promise<GeneratedDocument> {
  const d = await getDossier(ctx, actor, id);
  let doc: Document;
  switch (kind) {
    case 'notice':
      doc = noticeDocument(d, await noticePeriodFor(ctx, d, options.start), todayOf(ctx));
      break;
    case 'resolution':
      doc = resolutionDocument(d);
      break;
    case 'record':
      doc = recordDocument(d);
      break;
    case 'checklist':
      doc = checklistDocument(d);
      break;
    default:
      throw new AppError('ERR_NOT_FOUND', `没有这种文书：${String(kind)}`, 'kind');
  }
  return {
    filename: `${d.name}-${DOCUMENT_TITLES[kind]}.docx`,
    buffer: await Packer.toBuffer(doc),
  };
}
