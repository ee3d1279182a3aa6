/**
 * `npm run bench [-- --count N] [-- --small N] [-- --reuse] [-- --repeat R] [-- --workers N]`
 *
 * 1. generates N dossiers (default 1,000,000) and a smaller file (default 100,000) into
 *    bench/out/ with `zugong gen dossiers` (the first M lines of a seed do not depend on N);
 * 2. times a bare read + JSON.parse of every line of each file (manual Buffer line splitter,
 *    the floor of stack-notes.md §5), in a child process like the check;
 * 3. runs `node bin/zugong.mjs check FILE --json > /dev/null` on each file;
 * and reports wall time, dossiers per second, the ratio check ÷ bare parse (target ≤ 2.0) and
 * peak RSS (target ≤ 300 MB, flat from the small to the large file). With `--repeat R` the bare
 * parse and the check run back to back R times and the medians are reported (the 1-minute load
 * average is printed before each pair); `--workers N` is passed to the check. Peak RSS comes from
 * `/usr/bin/time -v` when present, else from process.resourceUsage() inside the child.
 * Results are also written to bench/out/results.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const OUT_DIR = 'bench/out';
const SEED = 'bench';
const TIME_BIN = '/usr/bin/time';

interface Args {
  count: number;
  small: number;
  reuse: boolean;
  repeat: number;
  workers: number | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { count: 1_000_000, small: 100_000, reuse: false, repeat: 1, workers: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (min = 1): number => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < min) {
        throw new Error(`${a} 需要正整数`);
      }
      return n;
    };
    if (a === '--count') {
      args.count = next();
    } else if (a === '--small') {
      args.small = next();
    } else if (a === '--reuse') {
      args.reuse = true;
    } else if (a === '--repeat') {
      args.repeat = next();
    } else if (a === '--workers') {
      args.workers = next(0);
    } else if (a !== '--') {
      throw new Error(`未知参数：${a}`);
    }
  }
  if (args.small >= args.count) {
    args.small = Math.max(1, Math.floor(args.count / 10));
  }
  return args;
}

interface Measurement {
  label: string;
  wallSeconds: number;
  peakRssMb: number | null;
  exitCode: number | null;
}

/** Node code of the bare floor: read the file in 1 MiB chunks, split on \n, JSON.parse. */
const BARE_PARSE = `
import { createReadStream } from 'node:fs';
let n = 0;
let rest = null;
for await (const chunk of createReadStream(process.env.BENCH_FILE, { highWaterMark: 1 << 20 })) {
  const buf = rest === null ? chunk : Buffer.concat([rest, chunk]);
  let start = 0;
  let i;
  while ((i = buf.indexOf(10, start)) !== -1) {
    if (i > start) { JSON.parse(buf.toString('utf8', start, i)); n++; }
    start = i + 1;
  }
  rest = start < buf.length ? buf.subarray(start) : null;
}
if (rest !== null && rest.length > 0) { JSON.parse(rest.toString('utf8')); n++; }
process.stderr.write('parsed ' + n + '\\n');
`;

/** Reports the child's own peak RSS when /usr/bin/time is missing. */
const RSS_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    "process.on('exit', () => { process.stderr.write('\\nBENCH_MAX_RSS_KB=' + process.resourceUsage().maxRSS + '\\n'); });",
  );

async function measure(
  label: string,
  command: string[],
  stdoutPath: string,
  env: Record<string, string> = {},
): Promise<Measurement> {
  const useTime = existsSync(TIME_BIN);
  const timeFile = join(OUT_DIR, `time-${label.replace(/[^a-z0-9]+/gi, '-')}.txt`);
  const [bin, ...rest] = command as [string, ...string[]];
  const argv = useTime
    ? [TIME_BIN, '-v', '-o', timeFile, bin, ...rest]
    : [bin, `--import=${RSS_HOOK}`, ...rest];
  const out = openSync(stdoutPath, 'w');
  const started = performance.now();
  let stderr = '';
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(argv[0] as string, argv.slice(1), {
      stdio: ['ignore', out, 'pipe'],
      env: { ...process.env, ...env },
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  closeSync(out);
  const m = useTime
    ? /Maximum resident set size \(kbytes\): (\d+)/.exec(
        await readFile(timeFile, 'utf8').catch(() => ''),
      )
    : /BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
  const peakKb = m === null ? null : Number(m[1]);
  if (exitCode !== 0 && exitCode !== 1) {
    process.stderr.write(`${label} 退出码 ${String(exitCode)}：\n${stderr}\n`);
  }
  return {
    label,
    wallSeconds,
    peakRssMb: peakKb === null ? null : Math.round(peakKb / 1024),
    exitCode,
  };
}

async function generate(
  count: number,
  reuse: boolean,
): Promise<{ file: string; m: Measurement | null }> {
  const file = join(OUT_DIR, `dossiers-${count}.jsonl`);
  if (reuse && existsSync(file) && statSync(file).size > 0) {
    return { file, m: null };
  }
  const m = await measure(
    `gen ${count}`,
    [
      process.execPath,
      'bin/zugong.mjs',
      'gen',
      'dossiers',
      '--count',
      String(count),
      '--seed',
      SEED,
    ],
    file,
  );
  if (m.exitCode !== 0) {
    throw new Error(`生成 ${count} 份档案失败`);
  }
  return { file, m };
}

function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await mkdir(OUT_DIR, { recursive: true });
  const sizes = [args.small, args.count];
  const rows: {
    count: number;
    fileMb: number;
    gen: Measurement | null;
    bare: Measurement;
    check: Measurement;
  }[] = [];

  const median = (ms: Measurement[]): Measurement => {
    const sorted = [...ms].sort((a, b) => a.wallSeconds - b.wallSeconds);
    return sorted[Math.floor((sorted.length - 1) / 2)] as Measurement;
  };
  const workerArgs = args.workers === null ? [] : ['--workers', String(args.workers)];
  for (const count of sizes) {
    process.stderr.write(`生成 ${count.toLocaleString()} 份档案…\n`);
    const { file, m: gen } = await generate(count, args.reuse);
    const fileMb = statSync(file).size / 1048576;
    const bares: Measurement[] = [];
    const checks: Measurement[] = [];
    for (let run = 1; run <= args.repeat; run++) {
      const load = loadavg()[0] ?? 0;
      process.stderr.write(`第 ${run} 轮（1 分钟负载 ${fmt(load, 2)}）裸解析 ${file}…\n`);
      const bare = await measure(
        `bare ${count}`,
        [process.execPath, '--input-type=module', '-e', BARE_PARSE],
        '/dev/null',
        { BENCH_FILE: file },
      );
      process.stderr.write(`check ${file}…\n`);
      const check = await measure(
        `check ${count}`,
        [process.execPath, 'bin/zugong.mjs', 'check', file, '--json', ...workerArgs],
        '/dev/null',
      );
      process.stderr.write(
        `  裸解析 ${fmt(bare.wallSeconds)} s，check ${fmt(check.wallSeconds)} s，比值 ${fmt(check.wallSeconds / bare.wallSeconds, 2)}，check 峰值 RSS ${check.peakRssMb ?? '?'} MB\n`,
      );
      bares.push(bare);
      checks.push(check);
    }
    rows.push({ count, fileMb, gen, bare: median(bares), check: median(checks) });
  }

  const lines = [
    `| dossiers | file MB | gen s | bare parse s | bare RSS MB | check s | check dossiers/s | check ÷ bare | check peak RSS MB | check exit |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.count.toLocaleString('en-US')} | ${fmt(r.fileMb)} | ${r.gen === null ? '—' : fmt(r.gen.wallSeconds)} | ${fmt(r.bare.wallSeconds)} | ${r.bare.peakRssMb ?? '?'} | ${fmt(r.check.wallSeconds)} | ${Math.round(r.count / r.check.wallSeconds).toLocaleString('en-US')} | ${fmt(r.check.wallSeconds / r.bare.wallSeconds, 2)} | ${r.check.peakRssMb ?? '?'} | ${String(r.check.exitCode)} |`,
    );
  }
  const repeat = args.repeat > 1 ? `, medians of ${args.repeat} back-to-back runs` : '';
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 1073741824)} GiB RAM, Node ${process.version}${repeat}, load ${loadavg()
    .map((l) => fmt(l, 2))
    .join(' ')} at the end`;
  process.stdout.write(`\n${machine}\n\n${lines.join('\n')}\n`);
  await writeFile(
    join(OUT_DIR, 'results.json'),
    `${JSON.stringify({ machine, at: new Date().toISOString(), rows }, null, 2)}\n`,
  );
  for (const r of rows) {
    await rm(join(OUT_DIR, `time-bare-${r.count}.txt`), { force: true });
  }
}

await main();
