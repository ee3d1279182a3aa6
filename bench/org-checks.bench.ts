/**
 * `npx tsx bench/org-checks.bench.ts [--members N] [--runs R]`
 *
 * 组织设置检查 (GET /api/roster/checks's service, `orgCheckReport`) for the township organizer:
 * on the demo township (about 920 people), then after adding N members (default 100,000; raw
 * batched inserts, not measured) spread over the township's 党支部 and 党小组, one in ten a
 * 流动党员 away since 2025-01-01. Reports p50/p95 over R runs (default 20) and the process's peak
 * RSS. Fresh SQLite file in a temp dir; nothing else is touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { connectDatabase, migrateToLatest } from '../src/db/connect';
import type { Actor, ServiceContext } from '../src/services/context';
import { seedDemo } from '../src/services/demo/seed';
import { orgCheckReport } from '../src/services/roster/org-checks.service';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time(ctx: ServiceContext, actor: Actor, runs: number) {
  const ms: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    findings = (await orgCheckReport(ctx, actor)).findings.length;
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), findings };
}

function addMembers(file: string, members: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const orgs = db
    .prepare(`select id, area_code as areaCode from org where kind in ('branch', 'partyGroup')`)
    .all() as { id: number; areaCode: string }[];
  const firstId =
    ((db.prepare('select max(id) as m from person').get() as { m: number }).m ?? 0) + 1;
  const person = db.prepare(
    `insert into person (name, gender, birth_date, area_code, created_at, name_pinyin, name_initials) values (?,?,?,?,?,?,?)`,
  );
  const membership = db.prepare(
    `insert into party_membership (person_id, org_id, status, joined_on, full_member_since, area_code, away_kind, away_since) values (?,?,?,?,?,?,?,?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < members; i++) {
      const org = orgs[i % orgs.length]!;
      person.run(
        `测试${i}`,
        i % 2 === 0 ? '男' : '女',
        '1980-01-01',
        org.areaCode,
        '2026-11-27T00:00:00Z',
        'ceshi',
        'cs',
      );
      const away = i % 10 === 0;
      membership.run(
        firstId + i,
        org.id,
        i % 7 === 0 ? 'probationary' : 'full',
        '2010-07-01',
        i % 7 === 0 ? null : '2011-07-01',
        org.areaCode,
        away ? 'mobile' : null,
        away ? '2025-01-01' : null,
      );
    }
  })();
  db.close();
}

async function main(): Promise<void> {
  const members = arg('members', 100_000);
  const runs = arg('runs', 20);
  const dir = await mkdtemp(join(tmpdir(), 'zugong-org-checks-'));
  const file = join(dir, 'zugong.db');
  try {
    let handle = await connectDatabase({ sqliteFile: file });
    await migrateToLatest(handle);
    const ctx: ServiceContext = { db: handle.db, now: () => new Date('2026-11-27T04:00:00Z') };
    await seedDemo(ctx, { mustChangePassword: false });
    const account = await handle.db
      .selectFrom('account as a')
      .innerJoin('org as o', 'o.id', 'a.scopeOrgId')
      .select(['a.id', 'a.displayName', 'a.role', 'a.scopeOrgId', 'o.path', 'a.areaCode'])
      .where('a.username', '=', 'zuzhi')
      .executeTakeFirstOrThrow();
    const actor: Actor = {
      accountId: account.id,
      name: account.displayName,
      role: account.role,
      scopeOrgId: account.scopeOrgId,
      scopePath: account.path,
      areaCode: account.areaCode,
    };
    process.stdout.write(
      `机器：${cpus().length} 核，负载 ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}\n`,
    );
    const demo = await time(ctx, actor, runs);
    process.stdout.write(
      `演示乡镇：p50 ${demo.p50.toFixed(1)} ms，p95 ${demo.p95.toFixed(1)} ms，发现 ${demo.findings} 项\n`,
    );
    await handle.db.destroy();
    addMembers(file, members);
    handle = await connectDatabase({ sqliteFile: file });
    const big = await time({ ...ctx, db: handle.db }, actor, runs);
    process.stdout.write(
      `加 ${members} 名党员后：p50 ${big.p50.toFixed(0)} ms，p95 ${big.p95.toFixed(0)} ms，发现 ${big.findings} 项；峰值 RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`,
    );
    await handle.db.destroy();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
