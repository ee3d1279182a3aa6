import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../main';

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  process.exitCode = 0;
  try {
    await buildProgram()
      .exitOverride()
      .parseAsync(['node', 'zugong', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

afterEach(() => {
  process.exitCode = 0;
});

describe('zugong dues', () => {
  it.each([
    ['在职', '3000.00', '15.00'],
    ['在职', '3000.01', '30.00'],
    ['在职', '5000.00', '50.00'],
    ['在职', '5000.01', '75.00'],
    ['在职', '10000.00', '150.00'],
    ['在职', '10000.01', '200.00'],
    ['离退休', '5000.00', '25.00'],
    ['离退休', '5000.01', '50.00'],
  ])('%s %s 元 → %s 元', async (category, income, monthly) => {
    const { out, code } = await run('dues', '--income', income, '--category', category, '--json');

    expect(code).toBe(0);
    expect(out).toContain(`"monthly": ${monthly},`);
    expect(JSON.parse(out)).toMatchObject({
      monthly: Number(monthly),
      rule: category === '在职' ? 'DUES-02' : 'DUES-05',
    });
  });

  it('uses the local amount for farmers and refuses one outside 0.2–1 元', async () => {
    const ok = await run('dues', '--category', '农民', '--farmer-amount', '0.5', '--json');
    const bad = await run('dues', '--category', '农民', '--farmer-amount', '3');

    expect(JSON.parse(ok.out)).toMatchObject({ monthly: 0.5, rule: 'DUES-06' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('0.20 元至 1.00 元');
  });

  it.each([['-1'], ['abc'], ['5000.001']])('refuses income %s with exit 2', async (income) => {
    const { code, err, out } = await run('dues', '--income', income);

    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('ERR_CALCULATOR_INPUT_INVALID');
  });

  it('prints the rule and its citation for a reader', async () => {
    const { out } = await run('dues', '--income', '5000.01');

    expect(out).toContain('每月党费：75.00 元');
    expect(out).toContain('DUES-02');
    expect(out).toContain('《关于中国共产党党费收缴、使用和管理的规定》');
  });
});

describe('zugong workdays', () => {
  it('ends a 公示 over 国庆 and counts working days', async () => {
    const notice = await run('workdays', 'notice', '--from', '2026-09-28');
    const count = await run(
      'workdays',
      'count',
      '--from',
      '2026-09-17',
      '--to',
      '2026-09-22',
      '--json',
    );

    expect(notice.out).toContain('2026-10-09 结束');
    expect(JSON.parse(count.out)).toMatchObject({ workdays: 5 });
  });

  it('warns for a year without holiday data and refuses a date that does not exist', async () => {
    const late = await run('workdays', 'add', '--from', '2026-12-28', '--days', '5');
    const bad = await run('workdays', 'add', '--from', '2026-02-29', '--days', '5');

    expect(late.out).toContain('2027 年没有节假日安排数据');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('2026-02-29');
  });
});

describe('zugong probation', () => {
  it('gives 预备期满 with an extension and the 党龄', async () => {
    const { out, code } = await run(
      'probation',
      '--admission',
      '2024-07-01',
      '--extension',
      '6',
      '--as-of',
      '2026-11-27',
    );

    expect(code).toBe(0);
    expect(out).toContain('预备期满：2026-01-01（原定 2025-07-01，含延长）');
    expect(out).toContain('党龄 0 年 10 个月');
  });

  it('exits 1 for an extension of four months (DEV-24)', async () => {
    const { out, code } = await run(
      'probation',
      '--admission',
      '2024-07-01',
      '--extension',
      '4',
      '--as-of',
      '2026-01-01',
    );

    expect(code).toBe(1);
    expect(out).toContain('DEV-24');
  });
});

describe('zugong ask', () => {
  it('finds answers by pinyin initials and marks the match', async () => {
    const { out } = await run('ask', 'jsr');

    expect(out).toContain('预备党员能否担任入党【介绍人】');
    expect(out).toContain('《中国共产党发展党员工作细则》第十四条（条号待核实）');
  });

  it('prints one rule with its worked examples', async () => {
    const { out } = await run('ask', '--rule', 'DEV-03');

    expect(out).toContain('DEV-03');
    expect(out).toContain('案例：');
  });

  it('refuses a query of punctuation only', async () => {
    const { code, err } = await run('ask', '？？');

    expect(code).toBe(2);
    expect(err).toContain('只有标点符号');
  });
});

describe('bin/zugong.mjs', () => {
  it('prints the dues JSON of the issue from the real command line', () => {
    const bin = fileURLToPath(new URL('../../../bin/zugong.mjs', import.meta.url));

    const out = execFileSync(process.execPath, [bin, 'dues', '--income', '5000.01', '--json'], {
      encoding: 'utf8',
    });

    expect(out.startsWith('{\n  "monthly": 75.00,')).toBe(true);
    expect(JSON.parse(out)).toMatchObject({ monthly: 75, rule: 'DUES-02' });
  });
});

describe('zugong votes and term-dates', () => {
  it('gives the quorum and votes of reference.md TC-32 and TC-34', async () => {
    const tc32 = await run(
      'votes',
      '--expected',
      '10',
      '--present',
      '8',
      '--seats',
      '5',
      '--date',
      '2021-06-01',
      '--json',
    );
    const tc34 = await run(
      'votes',
      '--expected',
      '20',
      '--present',
      '17',
      '--seats',
      '5',
      '--date',
      '2021-06-01',
    );

    expect(JSON.parse(tc32.out)).toMatchObject({ minPresent: 9, isQuorate: false });
    expect(tc34.out).toContain('至少 11 票');
  });

  it('gives the term end and the delay limit', async () => {
    const { out } = await run('term-dates', '--start', '2021-03-01');

    expect(out).toContain('任期届满：2026-03-01');
    expect(out).toContain('经批准延期最迟：2027-03-01');
  });
});
