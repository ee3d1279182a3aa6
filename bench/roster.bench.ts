/**
 * `npx tsx bench/roster.bench.ts [--rows N] [--repeat N] [--members N] [--requests N] [--skip-import] [--skip-search]`
 *
 * 1. Import (issue #5, target: import ÷ bare streaming read ≤ 1.5, peak RSS ≤ 400 MB):
 *    writes an N-row (default 100,000) 党员花名册 .xlsx in the module's template with invented
 *    people (seeded rng, invented names, area prefix 99, valid check characters) into a temp dir,
 *    with exceljs's streaming writer; times a bare `WorkbookReader` pass over every cell in a
 *    child process (exceljs as installed, i.e. with patches/exceljs+4.4.0.patch; it also counts
 *    cells with U+FFFD, 0 when the patch is applied); then runs
 *    `node bin/zugong.mjs import members FILE` (one streaming pass that checks and writes in one
 *    transaction) in a child process against a fresh SQLite data dir holding the demo township.
 * 2. Search (target: p95 < 50 ms at 1,000,000 members): seeds M members (default 1,000,000) into
 *    a fresh SQLite file with raw batched inserts in one transaction (seeding is not measured),
 *    starts `buildServer` listening on 127.0.0.1, logs in as the demo township organizer `zuzhi`,
 *    and times R requests (default 200) each of `GET /api/roster/members` with a gender filter,
 *    and with a pinyin-initials search; reports p50/p95/p99.
 * Wall time and peak RSS of the children come from `/usr/bin/time -v` when present.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { connectDatabase, migrateToLatest } from '../src/db/connect';
import { idCheckChar } from '../src/domain/id-number';
import { EDUCATION_LEVELS } from '../src/domain/roster/labels';
import { nameSearchKeys } from '../src/domain/roster/pinyin';
import { buildServer } from '../src/server/build-server';
import { SESSION_COOKIE } from '../src/server/access';
import type { ServiceContext } from '../src/services/context';
import { DEMO_PASSWORD } from '../src/services/demo/demo-township';
import { seedDemo } from '../src/services/demo/seed';
import { inventName, type Gender } from '../src/services/gen/names';
import { createRng, type Rng } from '../src/services/gen/rng';
import { ROSTER_COLUMNS, SHEET_NAME } from '../src/services/roster/roster-xlsx';

const TIME_BIN = '/usr/bin/time';

interface Args {
  rows: number;
  members: number;
  requests: number;
  skipImport: boolean;
  skipSearch: boolean;
  /** Import runs, each a pair (bare read, then import into a fresh copy of the demo database). */
  repeat: number;
  /** Keep the seeded search database here and reuse it when it exists. */
  searchDb: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    rows: 100_000,
    members: 1_000_000,
    requests: 200,
    skipImport: false,
    skipSearch: false,
    repeat: 1,
    searchDb: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) {
        throw new Error(`${a} 需要正整数`);
      }
      return n;
    };
    if (a === '--rows') {
      args.rows = next();
    } else if (a === '--members') {
      args.members = next();
    } else if (a === '--requests') {
      args.requests = next();
    } else if (a === '--repeat') {
      args.repeat = next();
    } else if (a === '--skip-import') {
      args.skipImport = true;
    } else if (a === '--skip-search') {
      args.skipSearch = true;
    } else if (a === '--search-db') {
      args.searchDb = resolve(argv[++i] ?? '');
    } else if (a !== '--') {
      throw new Error(`未知参数：${a}`);
    }
  }
  return args;
}

interface Measurement {
  label: string;
  wallSeconds: number;
  peakRssMb: number | null;
  exitCode: number | null;
  stdout: string;
}

/** Runs a command, under /usr/bin/time -v when present; wall time measured here. */
function measure(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Measurement> {
  const timed = existsSync(TIME_BIN);
  const [bin, argv] = timed ? [TIME_BIN, ['-v', command, ...args]] : [command, args];
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(bin, argv, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peakRssMb = rss === null ? null : Number(rss[1]) / 1024;
      if (code !== 0) {
        process.stderr.write(`${label} 退出码 ${code}\n${stderr.slice(-2000)}\n`);
      }
      done({ label, wallSeconds, peakRssMb, exitCode: code, stdout });
    });
  });
}

/** The bare floor: exceljs's streaming reader, touching every cell's value, nothing else. */
const BARE_READ = `
import ExcelJS from 'exceljs';
let cells = 0;
let broken = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.env.BENCH_FILE, {
  sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit',
});
for await (const sheet of reader) {
  for await (const row of sheet) {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.value !== null) cells++;
      if (typeof cell.value === 'string' && cell.value.includes('\\uFFFD')) broken++;
    });
  }
}
process.stdout.write(cells + ', U+FFFD ' + broken + '\\n');
`;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDay(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

interface Invented {
  name: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  education: string;
  joinedOn: string;
  fullMemberSince: string | null;
}

/** One valid invented person with a unique ID number (area prefix 99, serial from i). */
function inventPerson(rng: Rng, i: number): Invented {
  const gender: Gender = rng.chance(0.3) ? '女' : '男';
  const y = rng.int(1940, 2000);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const area = `99${pad(Math.floor(i / 500) % 10_000, 4)}`;
  // Sequence code: 3 digits, odd for men; unique per (area, birth date) because i is.
  const seq = ((i % 500) * 2 + (gender === '男' ? 1 : 0)) % 1000;
  const first17 = `${area}${y}${pad(m)}${pad(d)}${pad(seq, 3)}`;
  const joinedYear = y + rng.int(20, 24);
  const probationary = rng.chance(0.05);
  const joinedOn = probationary
    ? isoDay(2026, rng.int(1, 6), rng.int(1, 28))
    : isoDay(joinedYear, rng.int(1, 12), rng.int(1, 28));
  return {
    name: inventName(rng, gender),
    gender,
    birthDate: isoDay(y, m, d),
    idNumber: first17 + idCheckChar(first17),
    education: rng.pick(EDUCATION_LEVELS),
    joinedOn,
    fullMemberSince: probationary ? null : isoDay(joinedYear + 1, rng.int(1, 12), rng.int(1, 28)),
  };
}

async function demoDatabase(file: string) {
  const handle = await connectDatabase({ sqliteFile: file });
  await migrateToLatest(handle);
  const ctx: ServiceContext = { db: handle.db, now: () => new Date() };
  await seedDemo(ctx, { mustChangePassword: false });
  return { handle, ctx };
}

/** Branches with a name unique in the demo township (the template's 所在党组织 column). */
async function branchNames(
  file: string,
): Promise<{ id: number; name: string; areaCode: string }[]> {
  const { handle } = await demoDatabase(file);
  const orgs = await handle.db
    .selectFrom('org')
    .select(['id', 'name', 'kind', 'areaCode'])
    .execute();
  await handle.close();
  const count = new Map<string, number>();
  for (const o of orgs) {
    count.set(o.name, (count.get(o.name) ?? 0) + 1);
  }
  return orgs
    .filter((o) => o.kind === 'branch' && count.get(o.name) === 1)
    .map(({ id, name, areaCode }) => ({ id, name, areaCode }));
}

async function writeRoster(file: string, rows: number, orgs: readonly string[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet(SHEET_NAME);
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header)).commit();
  const rng = createRng('roster-bench');
  for (let i = 0; i < rows; i++) {
    const p = inventPerson(rng, i);
    const values: Record<string, string> = {
      name: p.name,
      gender: p.gender,
      ethnicity: '汉族',
      birthDate: p.birthDate,
      idNumber: p.idNumber,
      education: p.education,
      phone: `13${pad(rng.int(0, 999_999_999), 9)}`,
      occupation: '农民',
      workUnit: '',
      org: orgs[i % orgs.length] ?? '',
      status: p.fullMemberSince === null ? '预备党员' : '正式党员',
      joinedOn: p.joinedOn,
      fullMemberSince: p.fullMemberSince ?? '',
    };
    sheet.addRow(ROSTER_COLUMNS.map((c) => values[c.field] ?? '')).commit();
  }
  await workbook.commit();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * The import against the bare read, `repeat` times as interleaved pairs (each import into a fresh
 * copy of the demo database): on a shared or virtual machine a single run swings by a third, and
 * the median of pairs taken close together is the figure to compare.
 */
async function benchImport(
  dir: string,
  rows: number,
  repeat: number,
): Promise<Record<string, unknown>> {
  const templateDb = join(dir, 'template.db');
  const orgs = (await branchNames(templateDb)).map((o) => o.name);
  const file = join(dir, `roster-${rows}.xlsx`);
  const t = Date.now();
  await writeRoster(file, rows, orgs);
  const bytes = (await stat(file)).size;
  process.stdout.write(
    `生成 ${rows} 行花名册：${(bytes / 1024 / 1024).toFixed(1)} MB，${((Date.now() - t) / 1000).toFixed(1)} s\n`,
  );
  const bareScript = join(resolve('.'), 'bench', 'out', 'roster-bare-read.mjs');
  await mkdir(join('bench', 'out'), { recursive: true });
  await writeFile(bareScript, BARE_READ);
  const mb = (m: number | null) => (m === null ? 'n/a' : `${m.toFixed(0)} MB`);
  const pairs: { bare: Measurement; import: Measurement; ratio: number; stored: number }[] = [];
  for (let i = 1; i <= repeat; i++) {
    const dataDir = join(dir, 'import-data');
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const dbFile = join(dataDir, 'zugong.db');
    await copyFile(templateDb, dbFile);
    const bare = await measure('bare', process.execPath, [bareScript], { BENCH_FILE: file });
    const imp = await measure(
      'import',
      process.execPath,
      ['bin/zugong.mjs', 'import', 'members', file],
      { ZUGONG_DATA_DIR: dataDir },
    );
    const check = new Database(dbFile, { readonly: true });
    const stored = (check.prepare('select count(*) as n from person').get() as { n: number }).n;
    check.close();
    const ratio = imp.wallSeconds / bare.wallSeconds;
    pairs.push({ bare, import: imp, ratio, stored });
    const [l1] = loadavg();
    process.stdout.write(
      `${repeat > 1 ? `[${i}/${repeat}，负载 ${l1?.toFixed(2)}] ` : ''}` +
        `bare WorkbookReader: ${bare.wallSeconds.toFixed(2)} s, ${mb(bare.peakRssMb)}, cells ${bare.stdout.trim()}\n` +
        `import (one pass, commit): ${imp.wallSeconds.toFixed(2)} s, ${mb(imp.peakRssMb)}, exit ${imp.exitCode}\n` +
        `  ${imp.stdout.trim().split('\n').join('\n  ')}\n` +
        `persons in database after: ${stored}\n` +
        `ratio import ÷ bare: ${ratio.toFixed(2)} (target ≤ 1.5); peak RSS target ≤ 400 MB\n`,
    );
  }
  const rss = pairs.map((p) => p.import.peakRssMb ?? NaN);
  const summary = {
    bareMedianSeconds: median(pairs.map((p) => p.bare.wallSeconds)),
    importMedianSeconds: median(pairs.map((p) => p.import.wallSeconds)),
    ratioMedian: median(pairs.map((p) => p.ratio)),
    importPeakRssMb: { min: Math.min(...rss), max: Math.max(...rss) },
  };
  if (repeat > 1) {
    process.stdout.write(
      `median of ${repeat} pairs: bare ${summary.bareMedianSeconds.toFixed(2)} s, import ${summary.importMedianSeconds.toFixed(2)} s, ` +
        `ratio ${summary.ratioMedian.toFixed(2)}; import peak RSS ${summary.importPeakRssMb.min.toFixed(0)}–${summary.importPeakRssMb.max.toFixed(0)} MB\n`,
    );
  }
  return { rows, bytes, pairs, ...summary };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function seedMembers(dbFile: string, members: number): Promise<void> {
  const orgs = await branchNames(dbFile);
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const rng = createRng('roster-search-bench');
  const now = new Date().toISOString();
  const keys = new Map<string, { namePinyin: string; nameInitials: string }>();
  const per = 200;
  const personSql = (n: number) =>
    `insert into person (name, gender, birth_date, id_number, education, area_code, created_at, name_pinyin, name_initials) values ${Array.from({ length: n }, () => '(?,?,?,?,?,?,?,?,?)').join(',')}`;
  const memberSql = (n: number) =>
    `insert into party_membership (person_id, org_id, status, joined_on, full_member_since, area_code) values ${Array.from({ length: n }, () => '(?,?,?,?,?,?)').join(',')}`;
  const firstId =
    ((db.prepare('select max(id) as m from person').get() as { m: number | null }).m ?? 0) + 1;
  db.transaction(() => {
    const fullP = db.prepare(personSql(per));
    const fullM = db.prepare(memberSql(per));
    for (let start = 0; start < members; start += per) {
      const n = Math.min(per, members - start);
      const ps = n === per ? fullP : db.prepare(personSql(n));
      const ms = n === per ? fullM : db.prepare(memberSql(n));
      const pv: unknown[] = [];
      const mv: unknown[] = [];
      for (let k = 0; k < n; k++) {
        const i = start + k;
        const p = inventPerson(rng, i + 1_000_000);
        let key = keys.get(p.name);
        if (key === undefined) {
          const { namePinyin, nameInitials } = nameSearchKeys(p.name);
          key = { namePinyin, nameInitials };
          keys.set(p.name, key);
        }
        const org = orgs[i % orgs.length]!;
        pv.push(
          p.name,
          p.gender,
          p.birthDate,
          p.idNumber,
          p.education,
          org.areaCode,
          now,
          key.namePinyin,
          key.nameInitials,
        );
        mv.push(
          firstId + i,
          org.id,
          p.fullMemberSince === null ? 'probationary' : 'full',
          p.joinedOn,
          p.fullMemberSince,
          org.areaCode,
        );
      }
      ps.run(...pv);
      ms.run(...mv);
    }
  })();
  // No ANALYZE: the app never runs it, so the planner sees what a real database gives it.
  db.close();
}

async function benchSearch(dir: string, members: number, requests: number, keep: string | null) {
  const dataDir = join(dir, 'search-data');
  await import('node:fs/promises').then((fs) => fs.mkdir(dataDir, { recursive: true }));
  const dbFile = keep ?? join(dataDir, 'zugong.db');
  let t = Date.now();
  if (keep !== null && existsSync(keep)) {
    process.stdout.write(`沿用已播种的数据库 ${keep}\n`);
  } else {
    await seedMembers(dbFile, members);
    process.stdout.write(`播种 ${members} 名党员：${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const handle = await connectDatabase({ sqliteFile: dbFile });
  await migrateToLatest(handle);
  const ctx: ServiceContext = { db: handle.db, now: () => new Date() };
  const { app } = await buildServer({ ctx });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const login = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zuzhi', password: DEMO_PASSWORD }),
  });
  const cookie =
    new RegExp(`${SESSION_COOKIE}=[^;]+`).exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  if (!cookie.startsWith(SESSION_COOKIE)) {
    throw new Error(`登录失败：${login.status}`);
  }
  const sampled = await handle.db
    .selectFrom('person')
    .select(['name', 'namePinyin', 'nameInitials'])
    .where('id', '>', 1000)
    .orderBy('id')
    .limit(50)
    .execute();
  const sample = sampled.map((r) => r.nameInitials);
  const pinyins = sampled.map((r) => r.namePinyin);
  const names = sampled.map((r) => encodeURIComponent(r.name));
  const surnames = sampled.map((r) => encodeURIComponent(Array.from(r.name)[0] ?? ''));
  const results: Record<string, unknown> = {};
  const women = 'gender=%E5%A5%B3';
  const cases: [string, (i: number) => string][] = [
    ['性别筛选 gender=女, 第 1 页', () => `/api/roster/members?${women}&pageSize=20`],
    [
      '性别筛选 gender=女, 随机页 1–50',
      (i) => `/api/roster/members?${women}&pageSize=20&page=${(i % 50) + 1}`,
    ],
    [
      '拼音首字母检索 q=zs 等, 第 1 页',
      (i) => `/api/roster/members?q=${sample[i % sample.length]}&pageSize=20`,
    ],
    [
      '性别筛选 + 拼音检索',
      (i) => `/api/roster/members?${women}&q=${sample[i % sample.length]}&pageSize=20`,
    ],
    [
      '年龄 30–39 岁, 随机页 1–50',
      (i) => `/api/roster/members?ageMin=30&ageMax=39&pageSize=20&page=${(i % 50) + 1}`,
    ],
    [
      '全拼检索 q=zhangsan 等, 第 1 页',
      (i) => `/api/roster/members?q=${pinyins[i % pinyins.length]}&pageSize=20`,
    ],
    [
      '姓名检索（全名）, 第 1 页',
      (i) => `/api/roster/members?q=${names[i % names.length]}&pageSize=20`,
    ],
    [
      '姓氏检索（一个字）, 第 1 页',
      (i) => `/api/roster/members?q=${surnames[i % surnames.length]}&pageSize=20`,
    ],
    [
      '少见组合：女 + 博士研究生 + 25–29 岁',
      () =>
        `/api/roster/members?${women}&education=${encodeURIComponent('博士研究生')}&ageMin=25&ageMax=29&pageSize=20`,
    ],
  ];
  for (const [label, url] of cases) {
    for (let i = 0; i < 5; i++) {
      await (await fetch(address + url(i), { headers: { cookie } })).arrayBuffer();
    }
    const times: number[] = [];
    let total = 0;
    let lowerBound = false;
    for (let i = 0; i < requests; i++) {
      t = performance.now();
      const res = await fetch(address + url(i), { headers: { cookie } });
      const body = (await res.json()) as { total: number; totalIsLowerBound?: boolean };
      times.push(performance.now() - t);
      if (res.status !== 200) {
        throw new Error(`${label}: HTTP ${res.status}`);
      }
      total = body.total;
      lowerBound = body.totalIsLowerBound === true;
    }
    times.sort((a, b) => a - b);
    const r = {
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      p99: percentile(times, 99),
      lastTotal: total,
      lastTotalIsLowerBound: lowerBound,
    };
    results[label] = r;
    process.stdout.write(
      `${label}: ${requests} 次，p50 ${r.p50.toFixed(1)} ms，p95 ${r.p95.toFixed(1)} ms，p99 ${r.p99.toFixed(1)} ms（total ${total}${lowerBound ? '+' : ''}；负载 ${loadavg()[0]?.toFixed(2)}）\n`,
    );
  }
  await app.close();
  await handle.close();
  return { members, requests, results };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const [l1, l5] = loadavg();
  process.stdout.write(
    `机器：${cpus().length} 核，${(totalmem() / 1024 ** 3).toFixed(1)} GiB，Node ${process.version}，负载 ${l1?.toFixed(2)} / ${l5?.toFixed(2)}\n`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'zugong-roster-bench-'));
  const out: Record<string, unknown> = { args };
  try {
    if (!args.skipImport) {
      out['import'] = await benchImport(dir, args.rows, args.repeat);
    }
    if (!args.skipSearch) {
      out['search'] = await benchSearch(dir, args.members, args.requests, args.searchDb);
    }
    await writeFile(join('bench', 'out', 'roster-results.json'), JSON.stringify(out, null, 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
