/**
 * Election documents as .docx (A4, Chinese): the ballot (选票) and the tally sheet (计票单) with
 * candidates in 姓氏笔画 order, the 选举办法 draft, and for a recorded round the count report
 * (计票结果报告单) and the announcement (当选公告); the plan as .xlsx.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strokeOrder } from '../../domain/elections/strokes';
import { cncharStrokes } from './stroke-data';
import type { PlanView, RoundView } from './elections.service';

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1300, right: 1300 };
const FONT = '宋体';

function text(value: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: value, font: FONT, size: options.size ?? 24, bold: options.bold });
}

function paragraph(
  value: string,
  options: { bold?: boolean; size?: number; center?: boolean; after?: number } = {},
): Paragraph {
  return new Paragraph({
    children: [text(value, options)],
    alignment: options.center === true ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: options.after ?? 120 },
  });
}

function cell(value: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [
      new Paragraph({ children: [text(value, { bold })], alignment: AlignmentType.CENTER }),
    ],
  });
}

function table(header: string[], rows: string[][], widths: number[], rowHeight?: number): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, widths[i] ?? 10, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.map((v, i) => cell(v, widths[i] ?? 10)),
            height:
              rowHeight === undefined ? undefined : { value: rowHeight, rule: HeightRule.ATLEAST },
          }),
      ),
    ],
  });
}

function document(children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    creator: '组工通',
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}

export interface BallotInput {
  title: string;
  kind: string;
  seats: number;
  names: string[];
}

/** Rows for names written in (另选他人) on a party ballot; a village ballot has none. */
function writeInRows(kind: string, seats: number): number {
  return kind === '村民委员会' ? 0 : Math.max(1, Math.min(seats, 3));
}

function unknownNote(unknown: string[]): Paragraph[] {
  return unknown.length === 0
    ? []
    : [
        paragraph(
          `注：${unknown.join('、')}的姓名中有笔画数据未收录的字，排在同位置的其他字之后，请人工核对顺序。`,
          { size: 21 },
        ),
      ];
}

/**
 * The village body's name from its party organization's (河口村党委 → 河口村村民委员会; a 社区's
 * body is the 居民委员会).
 */
export function villageBodyName(orgName: string): string {
  const place = orgName.replace(/(党委|党总支|党支部|总支部|支部)$/, '');
  return place.endsWith('社区') ? `${place}居民委员会` : `${place}村民委员会`;
}

/** The ballot: candidates in 姓氏笔画 order with 赞成/不赞成/弃权 columns and write-in rows. */
export async function ballotDocx(input: BallotInput): Promise<{ buffer: Buffer; names: string[] }> {
  const order = strokeOrder(input.names, cncharStrokes);
  const village = input.kind === '村民委员会';
  const writeIns = writeInRows(input.kind, input.seats);
  const rows = [
    ...order.names.map((n, i) => [String(i + 1), n, '', '', '']),
    ...Array.from({ length: writeIns }, () => ['另选', '', '', '', '']),
  ];
  const children: (Paragraph | Table)[] = [
    paragraph(`${input.title}选票`, { bold: true, size: 36, center: true, after: 240 }),
    paragraph(
      `应选 ${input.seats} 名，候选人 ${order.names.length} 名（按姓氏笔画为序）。所选人数等于或少于应选人数的为有效票，多于应选人数的为废票。`,
    ),
    paragraph(
      village
        ? '赞成的在姓名后“赞成”栏内划“○”，不赞成的在“不赞成”栏内划“×”，弃权的不划任何符号。'
        : '对候选人可以投赞成票、不赞成票或弃权：赞成的划“○”，不赞成的划“×”，弃权的不划符号；投不赞成票的可以在“另选”栏写上所选人的姓名并划“○”，弃权的不能另选他人。',
      { after: 240 },
    ),
    table(['序号', '姓名', '赞成', '不赞成', '弃权'], rows, [10, 30, 20, 20, 20]),
    paragraph(''),
    paragraph('请使用黑色或蓝色笔填写，填写后对折投入票箱。', { size: 21 }),
  ];
  children.push(...unknownNote(order.unknown));
  return { buffer: await document(children), names: order.names };
}

export interface TallySheetInput extends BallotInput {
  /** 选举日; blank lines when not given. */
  date?: string | undefined;
}

/**
 * 计票单: the sheet the 计票人 fills while the ballots are read out — the candidates in the
 * ballot's order (姓氏笔画) with room for 正字 marks and totals, the ballot counts, the checks
 * the sheet must pass, and signature lines for 监票人 and 计票人 (村民委员会: also 唱票人).
 */
export async function tallySheetDocx(
  input: TallySheetInput,
): Promise<{ buffer: Buffer; names: string[] }> {
  const order = strokeOrder(input.names, cncharStrokes);
  const village = input.kind === '村民委员会';
  const rows = [
    ...order.names.map((n, i) => [String(i + 1), n, '', '', '', '']),
    ...Array.from({ length: writeInRows(input.kind, input.seats) }, () => [
      '另选',
      '',
      '',
      '',
      '',
      '',
    ]),
  ];
  const date =
    input.date === undefined || input.date === ''
      ? '____年____月____日'
      : `${input.date.slice(0, 4)}年${Number(input.date.slice(5, 7))}月${Number(input.date.slice(8, 10))}日`;
  const children: (Paragraph | Table)[] = [
    paragraph(`${input.title}计票单`, { bold: true, size: 36, center: true, after: 240 }),
    paragraph(
      `选举日期：${date}\u3000\u3000应选人数：${input.seats} 名\u3000\u3000候选人：${order.names.length} 名（按姓氏笔画为序，与选票一致）`,
    ),
    paragraph(
      `${village ? '登记选民 ____ 人，参加投票 ____ 人' : '应到会有选举权 ____ 人，实到会有选举权 ____ 人'}；发出选票 ____ 张，收回选票 ____ 张，其中有效票 ____ 张、废票 ____ 张。`,
      { after: 240 },
    ),
    table(
      ['序号', '姓名', '划记（每票一画，五票一个“正”字）', '赞成票', '不赞成票', '弃权票'],
      rows,
      [7, 15, 42, 12, 12, 12],
      900,
    ),
    paragraph(''),
    paragraph(
      `核对：收回选票不多于发出选票；每张有效票所选人数不多于应选人数（${input.seats} 名），多于的为废票；同一候选人的赞成、不赞成、弃权票之和等于有效票数；各人赞成票之和不多于有效票数 × ${input.seats}。`,
      { size: 21 },
    ),
    paragraph(
      village
        ? '选举实行公开计票，选举结果当场公布（《中华人民共和国村民委员会组织法》第十五条）。'
        : '计票人在监票人监督下计票；监票人从不是候选人的党员中推选，经大会表决通过（实践口径，未核实）。',
      { size: 21, after: 360 },
    ),
    paragraph(
      village
        ? '唱票人：____________\u3000计票人：____________\u3000监票人：____________'
        : '计票人：____________\u3000监票人：____________\u3000总监票人：____________',
      { after: 240 },
    ),
    paragraph(`日期：${date}`),
    ...unknownNote(order.unknown),
  ];
  return { buffer: await document(children), names: order.names };
}

const OUTCOME: Record<string, string> = {
  elected: '当选',
  revote: '再次投票',
  notElected: '未当选',
  void: '本轮无效',
};

/** 计票结果报告单 of a recorded round, with each finding and its citation. */
export function reportDocx(view: RoundView): Promise<Buffer> {
  const { round, result } = view;
  const figures: [string, string][] = [
    ['选举类型', `${round.kind}（${round.round}）`],
    ['选举日期', round.date],
    ['应选人数', String(round.seats)],
    [
      round.kind === '村民委员会' ? '登记选民人数' : '应到会有选举权人数',
      String(round.expectedVoters),
    ],
    [
      round.kind === '村民委员会' ? '参加投票人数' : '实到会有选举权人数',
      String(round.presentVoters),
    ],
    ['发出选票', String(round.ballotsIssued)],
    ['收回选票', String(round.ballotsReturned)],
    ['选举结果', result.valid ? '有效' : '无效，应重新投票'],
  ];
  const village = round.kind === '村民委员会';
  const unit = village ? villageBodyName(view.orgName) : view.orgName;
  const children: (Paragraph | Table)[] = [
    paragraph(`${unit}计票结果报告单`, { bold: true, size: 36, center: true, after: 240 }),
    paragraph(`轮次编号：${view.code}`),
    table(['项目', '数字'], figures, [50, 50]),
    paragraph(''),
    table(
      ['姓名', '赞成票', '结果'],
      result.candidates.map((c) => [c.name, String(c.votes), OUTCOME[c.outcome] ?? c.outcome]),
      [40, 30, 30],
    ),
    paragraph(''),
    paragraph(
      `当选人（按得票多少为序）：${result.elected.length === 0 ? '无' : result.elected.join('、')}`,
      { bold: true },
    ),
  ];
  if (result.threshold !== null) {
    children.push(
      paragraph(
        `当选门槛：${result.threshold.basis}（${result.threshold.base}），至少 ${result.threshold.minVotes} 票。`,
      ),
    );
  }
  if (result.revote.length > 0) {
    children.push(
      paragraph(`票数相等须再次投票：${result.revote.join('、')}（${result.revoteSeats} 个名额）`),
    );
  }
  if (result.shortfall > 0) {
    children.push(paragraph(`不足名额 ${result.shortfall} 名，另行选举。`));
  }
  for (const f of result.findings) {
    children.push(paragraph(`【${f.rule}】${f.message}（依据：${f.citation}）`, { size: 21 }));
  }
  children.push(
    paragraph(''),
    paragraph(
      village
        ? '唱票人：____________    计票人：____________    监票人：____________'
        : '计票人：____________    监票人：____________    总监票人：____________',
    ),
    paragraph('日期：____年____月____日'),
  );
  return document(children);
}

/** The plan as a workbook: one row per step with its latest date, source, documents and progress. */
export async function planXlsx(orgName: string, plan: PlanView): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('换届计划', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  });
  sheet.addRow([
    `${orgName}换届工作计划（选举日 ${plan.electionDate}，${plan.bodyKinds.join('、')}）`,
  ]);
  sheet.mergeCells(1, 1, 1, 7);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(['序号', '步骤', '最迟完成', '日期依据', '法定/地方口径', '所需材料', '完成日期']);
  sheet.getRow(2).font = { bold: true };
  plan.steps.forEach((s, i) => {
    sheet.addRow([
      i + 1,
      s.title,
      s.dueDate,
      s.source,
      s.isStatutory ? '法定' : '地方口径',
      s.documents.join('、'),
      s.doneOn ?? (s.overdue ? '已逾期' : ''),
    ]);
  });
  if (plan.findings.length > 0) {
    sheet.addRow([]);
    for (const f of plan.findings) {
      const row = sheet.addRow([`【${f.rule}】`, `${f.message}（依据：${f.citation}）`]);
      sheet.mergeCells(row.number, 2, row.number, 7);
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.font = { color: { argb: f.severity === 'error' ? 'FFC00000' : 'FF000000' } };
    }
  }
  [6, 26, 12, 60, 12, 40, 12].forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * 当选公告 of a round: the elected in 姓氏笔画 order (as published lists are); a 村民委员会
 * announcement also gives each one's votes (公开计票、当场公布, 组织法第十五条) and is signed by the
 * 村民选举委员会.
 */
export function announcementDocx(view: RoundView): Promise<Buffer> {
  const { round, result } = view;
  const village = round.kind === '村民委员会';
  const unit = village ? villageBodyName(view.orgName) : view.orgName;
  const body = result.valid
    ? `${unit}于 ${round.date} 召开${village ? '村民选举大会' : '党员大会'}，进行${round.kind}${round.round}。应选 ${round.seats} 名，${village ? `登记选民 ${round.expectedVoters} 人，参加投票 ${round.presentVoters} 人` : `应到会有选举权的党员 ${round.expectedVoters} 名，实到 ${round.presentVoters} 名`}，发出选票 ${round.ballotsIssued} 张，收回 ${round.ballotsReturned} 张，选举有效。`
    : `${unit}于 ${round.date} 进行的${round.kind}${round.round}无效，将重新投票。`;
  const children: (Paragraph | Table)[] = [
    paragraph('公\u3000告', { bold: true, size: 40, center: true, after: 360 }),
    paragraph(body, { after: 240 }),
  ];
  if (result.valid) {
    const votes = new Map(result.candidates.map((c) => [c.name, c.votes]));
    const elected = strokeOrder(result.elected, cncharStrokes).names.map((n) =>
      village ? `${n}（${votes.get(n) ?? 0} 票）` : n,
    );
    children.push(
      paragraph(
        elected.length === 0
          ? '经计票，没有候选人当选。'
          : `经计票，当选人（按姓氏笔画为序）为：${elected.join('、')}。`,
      ),
    );
    if (result.revote.length > 0) {
      children.push(paragraph(`${result.revote.join('、')}得票相等，将就其再次投票。`));
    }
    if (result.shortfall > 0) {
      children.push(paragraph(`尚差 ${result.shortfall} 名，将另行选举。`));
    }
    children.push(
      paragraph(village ? '特此公告。' : '以上选举结果报乡镇党委批准后生效。特此公告。', {
        after: 600,
      }),
    );
  }
  children.push(
    paragraph(village ? unit.replace(/(村民|居民)委员会$/, '$1选举委员会') : unit, {
      after: 120,
    }),
    paragraph('____年____月____日'),
  );
  return document(children);
}

/** 选举办法 skeleton for the meeting to adopt: the rules of this kind of election, numbers filled in. */
export function electionRulesDocx(input: {
  title: string;
  kind: string;
  seats: number;
}): Promise<Buffer> {
  const village = input.kind === '村民委员会';
  const clauses = village
    ? [
        `本次选举应选村民委员会成员 ${input.seats} 名，实行差额选举，候选人名额多于应选名额（《中华人民共和国村民委员会组织法》第十五条）。`,
        '登记参加选举的村民过半数投票，选举有效；候选人获得参加投票的村民过半数的选票，始得当选。',
        '当选人数不足应选名额时，不足的名额另行选举；另行选举以得票多的当选，但所得票数不得少于已投选票总数的三分之一。',
        '选举实行无记名投票、公开计票，选举结果当场公布；设立秘密写票处。',
        '选民因外出不能参加投票的，可以书面委托本村有选举权的近亲属代为投票。',
        '票数相等不能确定当选人时，就票数相等的候选人再次投票，以得票多的当选（按本省选举办法执行）。',
      ]
    : [
        `本次选举应选委员 ${input.seats} 名，实行差额选举，候选人多于应选人数的差额不少于应选人数的20%（《中国共产党基层组织选举工作条例》，条号待核实）。`,
        '有选举权的到会人数超过应到会人数的五分之四，会议有效，方可进行选举。',
        '选举采用无记名投票方式。收回的选票等于或少于投票人数，选举有效；多于投票人数，选举无效，应重新选举。每张选票所选人数等于或少于应选人数的为有效票，多于的为废票。',
        '选举人对候选人可以投赞成票、不赞成票，也可以弃权；投不赞成票者可以另选他人。',
        '被选举人获得的赞成票超过应到会有选举权人数的半数，始得当选。获得赞成票超过半数的被选举人多于应选名额时，以得票多少为序取足应选名额；因票数相等不能确定当选人时，对票数相等的被选举人再次投票，得票多的当选。',
        '获得赞成票超过半数的被选举人少于应选名额时，不足的名额另行选举；如接近应选名额，经半数以上选举人同意，也可以减少名额，不再选举。',
        '大会设监票人、计票人。监票人从不是候选人的党员中推选，经大会表决通过；计票人在监票人监督下工作。',
      ];
  return document([
    paragraph(`${input.title}选举办法`, { bold: true, size: 36, center: true, after: 240 }),
    paragraph('（草案，提请大会表决通过）', { center: true, after: 240 }),
    ...clauses.map((c, i) => paragraph(`第${i + 1}条\u3000${c}`)),
    paragraph(`第${clauses.length + 1}条\u3000本办法经大会表决通过后生效。`),
  ]);
}
