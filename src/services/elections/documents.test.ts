import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { previewRound } from './elections.service';
import ExcelJS from 'exceljs';
import { planElection } from '../../domain/elections/plan';
import { announcementDocx, ballotDocx, electionRulesDocx, planXlsx, reportDocx } from './documents';

async function documentText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

const ROUND = {
  id: 'HK-2022-支委',
  kind: '党组织委员会',
  date: '2022-01-15',
  seats: 5,
  expectedVoters: 42,
  presentVoters: 38,
  ballotsIssued: 38,
  ballotsReturned: 38,
  candidates: [
    { name: '周平', votes: 36 },
    { name: '吴丽', votes: 33 },
    { name: '陈建国', votes: 30 },
    { name: '李秀英', votes: 25 },
    { name: '王海', votes: 22 },
    { name: '赵卫东', votes: 12 },
  ],
  round: '正式选举',
} as const;

describe('ballotDocx', () => {
  it('lists the candidates in 姓氏笔画 order on an A4 ballot', async () => {
    const { buffer, names } = await ballotDocx({
      title: '河口村党委委员',
      kind: '党组织委员会',
      seats: 5,
      names: ROUND.candidates.map((c) => c.name),
    });
    const text = await documentText(buffer);

    expect(names).toEqual(['王海', '李秀英', '吴丽', '陈建国', '周平', '赵卫东']);
    const positions = names.map((n) => text.indexOf(n));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('河口村党委委员选票');
    expect(text).toContain('按姓氏笔画为序');
  });
});

describe('reportDocx', () => {
  it('writes the figures, the elected and each finding with its citation', async () => {
    const result = previewRound(ROUND);

    const text = await documentText(await reportDocx({ ...VIEW, result }));

    expect(text).toContain('河口村党委计票结果报告单');
    expect(text).toContain('周平、吴丽、陈建国、李秀英、王海');
    expect(text).toContain('ELC-07');
    expect(text).toContain('《中国共产党基层组织选举工作条例》（条号待核实）');
  });
});

const VIEW = {
  id: 1,
  orgId: 1,
  orgName: '河口村党委',
  code: ROUND.id,
  round: { ...ROUND, candidates: [...ROUND.candidates] },
  result: previewRound(ROUND),
  recordedAt: '2022-01-15T10:00:00Z',
  recordedByName: '林组织',
};

describe('announcementDocx', () => {
  it('announces the elected and that the result goes to the township for approval', async () => {
    const text = await documentText(await announcementDocx(VIEW));

    expect(text).toContain('当选人（按得票多少为序）为：周平、吴丽、陈建国、李秀英、王海');
    expect(text).toContain('报乡镇党委批准');
  });
});

describe('electionRulesDocx', () => {
  it('fills the seats into the party rules and uses the village rules for a 村民委员会', async () => {
    const party = await documentText(
      await electionRulesDocx({ title: '河口村党委', kind: '党组织委员会', seats: 5 }),
    );
    const village = await documentText(
      await electionRulesDocx({ title: '河口村', kind: '村民委员会', seats: 5 }),
    );

    expect(party).toContain('应选委员 5 名');
    expect(party).toContain('五分之四');
    expect(village).toContain('三分之一');
    expect(village).not.toContain('五分之四');
  });
});

describe('planXlsx', () => {
  it('writes one row per step with its latest date and source', async () => {
    const steps = planElection('2027-03-20', ['村民委员会']).map((s) => ({
      ...s,
      documents: [...s.documents],
      doneOn: s.key === 'survey' ? '2027-01-10' : null,
      overdue: false,
      late: false,
    }));
    const buffer = await planXlsx('石桥村党支部', {
      id: 1,
      orgId: 1,
      electionDate: '2027-03-20',
      bodyKinds: ['村民委员会'],
      steps,
      done: 1,
    });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('换届计划')!;
    expect(sheet.rowCount).toBe(2 + steps.length);
    const roll = sheet
      .getRows(3, steps.length)!
      .find((r) => r.getCell(2).value === '选民登记与公布')!;
    expect(roll.getCell(3).value).toBe('2027-02-28');
    expect(String(roll.getCell(4).value)).toContain('第十四条');
    expect(sheet.getRow(3).getCell(7).value).toBe('2027-01-10');
  });
});
