/**
 * Election documents as .docx (A4, Chinese): the ballot (选票) with candidates in 姓氏笔画 order
 * and the count report (计票结果报告单) of a recorded round.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strokeOrder } from '../../domain/elections/strokes';
import type { RoundView } from './elections.service';

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

function table(header: string[], rows: string[][], widths: number[]): Table {
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
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => cell(v, widths[i] ?? 10)) })),
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

/** The ballot: candidates in 姓氏笔画 order with 赞成/不赞成/弃权 columns and write-in rows. */
export async function ballotDocx(input: BallotInput): Promise<{ buffer: Buffer; names: string[] }> {
  const order = strokeOrder(input.names);
  const village = input.kind === '村民委员会';
  const writeIns = village ? 0 : Math.max(1, Math.min(input.seats, 3));
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
        ? '赞成的在姓名下方空格内划“○”，不赞成的划“×”，弃权的不划任何符号。'
        : '对候选人可以投赞成票、不赞成票或弃权：赞成的划“○”，不赞成的划“×”，弃权的不划符号；投不赞成票的可以在“另选”栏写上所选人的姓名并划“○”，弃权的不能另选他人。',
      { after: 240 },
    ),
    table(['序号', '姓名', '赞成', '不赞成', '弃权'], rows, [10, 30, 20, 20, 20]),
    paragraph(''),
    paragraph('请使用黑色或蓝色笔填写，填写后对折投入票箱。', { size: 21 }),
  ];
  if (order.unknown.length > 0) {
    children.push(
      paragraph(`注：${order.unknown.join('、')}的姓氏不在笔画表中，排在最后，请人工核对顺序。`, {
        size: 21,
      }),
    );
  }
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
  const children: (Paragraph | Table)[] = [
    paragraph(`${view.orgName}计票结果报告单`, { bold: true, size: 36, center: true, after: 240 }),
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
    paragraph('计票人：____________    监票人：____________    总监票人：____________'),
    paragraph('日期：____年____月____日'),
  );
  return document(children);
}
