import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'zugong-compliance-'));
const env = { ...process.env, ZUGONG_DATA_DIR: dataDir, DATABASE_URL: '' };

function zugong(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/zugong.mjs', ...args], { env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('zugong compliance', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['bin/zugong.mjs', 'gen', 'demo'], { env });
  }, 120_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the missing cells of one branch and exits 1 when something is missing', () => {
    const r = zugong(
      'compliance',
      '--year',
      '2026',
      '--org',
      '石桥村党支部',
      '--as-of',
      '2026-11-27',
    );

    expect(r.stdout).toContain(
      '2026年组织生活落实情况（截至 2026-11-27，范围：石桥村党支部，党支部 1 个）',
    );
    expect(r.stdout).toContain('缺少：');
    expect(r.stdout).toContain('学时：');
    expect(r.status).toBe(1);
  });

  it('gives JSON with the township roll-up and writes a workbook', () => {
    const xlsx = join(dataDir, 'out.xlsx');
    const r = zugong(
      'compliance',
      '--year',
      '2026',
      '--as-of',
      '2026-11-27',
      '--json',
      '--xlsx',
      xlsx,
    );
    const report = JSON.parse(r.stdout) as { branches: unknown[]; rollups: { name: string }[] };

    expect(report.branches.length).toBe(15);
    expect(report.rollups.map((x) => x.name)).toContain('青山镇党委');
    expect(existsSync(xlsx)).toBe(true);
  });

  it('exits 2 on an unknown org or a bad date', () => {
    expect(zugong('compliance', '--year', '2026', '--org', '没有这个组织').status).toBe(2);
    expect(zugong('compliance', '--year', '2026', '--as-of', '2026-13-01').status).toBe(2);
  });
});
