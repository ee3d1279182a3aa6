/**
 * A roster import large enough to write with the search and list indexes deferred
 * (roster-import.ts deferIndexesForLargeImport; SQLite only): the indexes come back exactly as the
 * migrations made them, searches use them, and a refused file leaves them and the rows untouched.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/connect';
import { idCheckChar } from '../../domain/id-number';
import { openTestWorld, testDatabaseTargets, type TestWorld } from '../testing';
import { listRoster } from './member.service';
import { READ_IN_WORKER_BYTES, runRosterImport } from './roster-import';
import { ROSTER_COLUMNS, SHEET_NAME } from './roster-xlsx';

const ROWS = 17_000;
const TABLES = ['person', 'party_membership', 'membership_event'];

/** Every index of the three tables the import writes, with its definition. */
async function indexes(handle: DatabaseHandle): Promise<string[]> {
  const rows =
    handle.kind === 'sqlite'
      ? await sql<{ d: string }>`
          select name || ': ' || sql as d from sqlite_master
          where type = 'index' and sql is not null and tbl_name in (${sql.join(TABLES)})`.execute(
          handle.db,
        )
      : await sql<{ d: string }>`
          select indexname || ': ' || indexdef as d from pg_indexes
          where schemaname = current_schema() and tablename in (${sql.join(TABLES)})`.execute(
          handle.db,
        );
  return rows.rows.map((r) => r.d).sort();
}

async function memberships(w: TestWorld): Promise<number> {
  const row = await w.handle.db
    .selectFrom('partyMembership')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** ROWS invented members of 石桥村党支部 (names 批量导入甲…), the last one with `lastOrg`. */
async function bigRoster(lastOrg: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(SHEET_NAME);
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  const given = '甲乙丙丁戊己庚辛壬癸';
  for (let i = 0; i < ROWS; i++) {
    const birth = `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`;
    // Area 99xxxx (no real place) and an odd sequence number (a man): unique per row.
    const area = `99${String(i % 10_000).padStart(4, '0')}`;
    const first17 = `${area}${birth.replaceAll('-', '')}${101 + 2 * Math.floor(i / 10_000)}`;
    const values: Record<string, string> = {
      姓名: `批量${given[i % 10]}${given[Math.floor(i / 10) % 10]}${i}`,
      性别: '男',
      民族: '汉族',
      出生日期: birth,
      学历: '高中',
      联系电话: `139${String(i * 7919).padStart(8, '0')}`,
      工作单位及职务: `青山镇石桥村第${(i % 12) + 1}村民小组组长`,
      公民身份号码: first17 + idCheckChar(first17),
      所在党组织: i === ROWS - 1 ? lastOrg : '石桥村党支部',
      党籍状态: '正式党员',
      入党日期: '2010-07-01',
      转正日期: '2011-07-01',
    };
    sheet.addRow(ROSTER_COLUMNS.map((c) => values[c.header] ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const target of testDatabaseTargets()) {
  describe(`a large roster import on ${target.name}`, () => {
    let w: TestWorld;
    beforeEach(async () => {
      w = await openTestWorld(target);
    });
    afterEach(async () => {
      await w.close();
    });

    it('writes 17,000 rows and leaves every index as the migrations made it', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const file = await bigRoster('石桥村党支部');
      // Large enough for the deferred indexes (10,000 rows estimated at 92 bytes a row).
      expect(file.length).toBeGreaterThan(10_000 * 92);
      const before = await indexes(w.handle);
      const members = await memberships(w);
      const report = await runRosterImport(w.ctx, zuzhi, file, {
        commit: true,
        readInWorker: false,
      });
      expect(report).toMatchObject({ committed: true, created: ROWS, problemCount: 0 });
      expect(await indexes(w.handle)).toEqual(before);
      if (w.handle.kind === 'sqlite') {
        const check = await sql<{ integrityCheck: string }>`pragma integrity_check`.execute(
          w.handle.db,
        );
        expect(check.rows).toEqual([{ integrityCheck: 'ok' }]);
      }
      expect(await memberships(w)).toBe(members + ROWS);
      // The list's pinyin-initials and name searches find rows written while deferred: 批量乙乙
      // (pl y y) is every row numbered 11 modulo 100.
      const byInitials = await listRoster(w.ctx, zuzhi, { away: 'all', q: 'plyy' });
      expect(byInitials.total).toBe(ROWS / 100);
      expect(byInitials.items.every((r) => r.name.startsWith('批量乙乙'))).toBe(true);
      const byName = await listRoster(w.ctx, zuzhi, { away: 'all', q: '批量癸癸11999' });
      expect(byName.items.map((r) => r.name)).toEqual(['批量癸癸11999']);
    }, 120_000);

    it('refuses a file whose last row is bad: no row written, indexes unchanged', async () => {
      const zuzhi = w.actors['zuzhi']!;
      const before = await indexes(w.handle);
      const members = await memberships(w);
      const report = await runRosterImport(w.ctx, zuzhi, await bigRoster('火星村党支部'), {
        commit: true,
        readInWorker: false,
      });
      expect(report.committed).toBe(false);
      expect(report.problems).toEqual([
        {
          row: ROWS + 1,
          column: '所在党组织',
          value: '火星村党支部',
          message: '管辖范围内没有这个党组织',
        },
      ]);
      expect(await indexes(w.handle)).toEqual(before);
      expect(await memberships(w)).toBe(members);
    }, 120_000);
  });
}

/** Runs the CLI; resolves with its exit code and output (rejects only if it cannot start). */
function zugong(
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/zugong.mjs', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('zugong import members with a file read on its own thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zugong-bulk-'));
  const file = join(dir, 'roster.xlsx');
  const env = { ...process.env, ZUGONG_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

  it('starts reading before the database is open, and writes every row', async () => {
    writeFileSync(file, await bigRoster('石桥村党支部'));
    // The CLI starts the reading thread early only for files of READ_IN_WORKER_BYTES or more.
    expect(statSync(file).size).toBeGreaterThanOrEqual(READ_IN_WORKER_BYTES);
    execFileSync(process.execPath, ['bin/zugong.mjs', 'gen', 'demo'], { env });
    const r = await zugong(env, 'import', 'members', file);
    expect(r.stderr).toContain(`已读取 ${ROWS} 行`);
    expect(r.stdout).toContain(`已导入：新增 ${ROWS}，更新 0，无变化 0`);
    expect(r.code).toBe(0);
  }, 120_000);

  it('exits with the Chinese message when there is no database, not waiting on the thread', async () => {
    const empty = { ...env, ZUGONG_DATA_DIR: join(dir, 'none') };
    const r = await zugong(empty, 'import', 'members', file);
    expect(r.stderr).toContain('找不到数据库文件');
    expect(r.code).not.toBe(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
