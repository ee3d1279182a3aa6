import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { previewRound } from './elections.service';
import { ballotDocx, reportDocx } from './documents';

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

    expect(names).toEqual(['王海', '吴丽', '陈建国', '李秀英', '周平', '赵卫东']);
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

    const text = await documentText(
      await reportDocx({
        id: 1,
        orgId: 1,
        orgName: '河口村党委',
        code: ROUND.id,
        round: { ...ROUND, candidates: [...ROUND.candidates] },
        result,
        recordedAt: '2022-01-15T10:00:00Z',
        recordedByName: '林组织',
      }),
    );

    expect(text).toContain('河口村党委计票结果报告单');
    expect(text).toContain('周平、吴丽、陈建国、李秀英、王海');
    expect(text).toContain('ELC-07');
    expect(text).toContain('《中国共产党基层组织选举工作条例》（条号待核实）');
  });
});
