import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { previewRound } from './elections.service';
import ExcelJS from 'exceljs';
import { checkPlan, planElection } from '../../domain/elections/plan';
import {
  announcementDocx,
  ballotDocx,
  electionRulesDocx,
  planXlsx,
  reportDocx,
  tallySheetDocx,
  villageBodyName,
} from './documents';

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

  it('puts a name with a character missing from the stroke data last and says so', async () => {
    const { buffer, names } = await ballotDocx({
      title: '河口村',
      kind: '村民委员会',
      seats: 1,
      names: ['𠮷强', '王海'],
    });
    const text = await documentText(buffer);

    expect(names).toEqual(['王海', '𠮷强']);
    expect(text).toContain('𠮷强的姓名中有笔画数据未收录的字');
    expect(text).toContain('“赞成”栏内划“○”');
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
  it('announces the elected in 姓氏笔画 order and that the result goes to the township', async () => {
    const text = await documentText(await announcementDocx(VIEW));

    expect(text).toContain('当选人（按姓氏笔画为序）为：王海、李秀英、吴丽、陈建国、周平。');
    expect(text).not.toContain('36 票');
    expect(text).toContain('报乡镇党委批准');
    expect(text).toContain('河口村党委于 2022-01-15 召开党员大会');
  });

  it('names the village committee, gives the votes and is signed by the 村民选举委员会', async () => {
    const round = {
      ...ROUND,
      id: 'HK-2022-村委',
      kind: '村民委员会',
      seats: 3,
      expectedVoters: 1200,
      presentVoters: 1010,
      ballotsIssued: 1010,
      ballotsReturned: 1005,
      candidates: [
        { name: '周平', votes: 700 },
        { name: '王海', votes: 650 },
        { name: '吴丽', votes: 600 },
        { name: '赵卫东', votes: 300 },
      ],
    } as const;
    const view = {
      ...VIEW,
      code: round.id,
      round: { ...round, candidates: [...round.candidates] },
      result: previewRound(round),
    };

    const text = await documentText(await announcementDocx(view));
    const report = await documentText(await reportDocx(view));

    expect(text).toContain('河口村村民委员会于 2022-01-15 召开村民选举大会');
    expect(text).toContain('登记选民 1200 人，参加投票 1010 人');
    expect(text).toContain(
      '当选人（按姓氏笔画为序）为：王海（650 票）、吴丽（600 票）、周平（700 票）。',
    );
    expect(text).toContain('河口村村民选举委员会');
    expect(text).not.toContain('党委');
    expect(report).toContain('河口村村民委员会计票结果报告单');
    expect(report).toContain('唱票人');
  });
});

describe('villageBodyName', () => {
  it('turns the party organization into the village or community committee', () => {
    expect(villageBodyName('河口村党委')).toBe('河口村村民委员会');
    expect(villageBodyName('石桥村党支部')).toBe('石桥村村民委员会');
    expect(villageBodyName('青山社区党总支')).toBe('青山社区居民委员会');
  });
});

describe('tallySheetDocx', () => {
  it('lists the candidates in the ballot order with room for marks and the signatures', async () => {
    const input = {
      title: '河口村党委委员',
      kind: '党组织委员会',
      seats: 5,
      names: ROUND.candidates.map((c) => c.name),
      date: '2027-03-20',
    };
    const ballot = await ballotDocx(input);
    const { buffer, names } = await tallySheetDocx(input);
    const text = await documentText(buffer);

    expect(names).toEqual(ballot.names);
    const positions = names.map((n) => text.indexOf(n));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('河口村党委委员计票单');
    expect(text).toContain('选举日期：2027年3月20日');
    expect(text).toContain('应选人数：5 名');
    expect(text).toContain('“正”字');
    expect(text).toContain('另选');
    expect(text).toContain('有效票数 × 5');
    expect(text).toContain('计票人：');
    expect(text).toContain('监票人：');
    expect(text).not.toContain('唱票人');
  });

  it('has blank date lines when no date is given, and 唱票人 for a village election', async () => {
    const text = await documentText(
      (await tallySheetDocx({ title: '河口村', kind: '村民委员会', seats: 3, names: ['王海'] }))
        .buffer,
    );

    expect(text).toContain('选举日期：____年____月____日');
    expect(text).toContain('唱票人');
    expect(text).toContain('登记选民 ____ 人');
    expect(text).not.toContain('另选');
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
      findings: checkPlan({
        electionDate: '2027-03-20',
        bodyKinds: ['村民委员会'],
        progress: { voterRoll: '2027-03-01' },
        asOf: '2027-03-01',
      }),
    });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('换届计划')!;
    expect(sheet.rowCount).toBe(2 + steps.length + 2);
    const roll = sheet
      .getRows(3, steps.length)!
      .find((r) => r.getCell(2).value === '选民登记与公布')!;
    expect(roll.getCell(3).value).toBe('2027-02-28');
    expect(String(roll.getCell(4).value)).toContain('第十四条');
    expect(sheet.getRow(3).getCell(7).value).toBe('2027-01-10');
    const check = sheet.getRow(2 + steps.length + 2);
    expect(check.getCell(1).value).toBe('【VC-05】');
    expect(String(check.getCell(2).value)).toContain('只有 19 日，不足二十日');
  });
});
