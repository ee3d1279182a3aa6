/**
 * `npx tsx bench/strokes.bench.ts [runs]`: the cost of 姓氏笔画 order — loading the cnchar data
 * (once per process), ordering slates of 6, 100 and 1,000 names (cold cache, then warm), and
 * writing the ballot and the tally sheet (.docx) of a 6-name slate. Medians and 99th percentiles
 * in milliseconds, measured with process.hrtime.
 */
import { loadavg } from 'node:os';

const RUNS = Number(process.argv[2] ?? 200);

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function stats(times: number[]): { median: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { median: at(0.5), p99: at(0.99) };
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建国海华红玉玲鹏飞德荣';

/** Deterministic invented names (a linear congruential sequence, seed 7). */
function names(n: number): string[] {
  let x = 7;
  const next = (m: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % m;
  };
  return Array.from({ length: n }, () => {
    const given = Array.from({ length: 1 + next(2) }, () => GIVEN[next(GIVEN.length)]).join('');
    return `${SURNAMES[next(SURNAMES.length)]}${given}`;
  });
}

let t = process.hrtime.bigint();
const { cncharStrokes } = await import('../src/services/elections/stroke-data');
const load = ms(t);
const { strokeOrder } = await import('../src/domain/elections/strokes');
const { ballotDocx, tallySheetDocx } = await import('../src/services/elections/documents');

const rows: string[] = [];
for (const n of [6, 100, 1000]) {
  const list = names(n);
  t = process.hrtime.bigint();
  strokeOrder(list, cncharStrokes);
  const first = ms(t);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = process.hrtime.bigint();
    strokeOrder(list, cncharStrokes);
    times.push(ms(t));
  }
  const s = stats(times);
  rows.push(
    `| order ${n} names | ${first.toFixed(2)} | ${s.median.toFixed(3)} | ${s.p99.toFixed(3)} |`,
  );
}
const slate = ['周平', '吴丽', '陈建国', '李秀英', '王海', '赵卫东'];
for (const [label, make] of [
  ['ballot .docx', ballotDocx],
  ['tally sheet .docx', tallySheetDocx],
] as const) {
  const input = { title: '河口村党委委员', kind: '党组织委员会', seats: 5, names: slate };
  t = process.hrtime.bigint();
  await make(input);
  const first = ms(t);
  const times: number[] = [];
  for (let i = 0; i < Math.min(RUNS, 100); i++) {
    t = process.hrtime.bigint();
    await make(input);
    times.push(ms(t));
  }
  const s = stats(times);
  rows.push(
    `| ${label} (6 names) | ${first.toFixed(2)} | ${s.median.toFixed(3)} | ${s.p99.toFixed(3)} |`,
  );
}

console.log(`cnchar + cnchar-order import and use(): ${load.toFixed(1)} ms`);
console.log(
  `load average: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log('\n| step | first ms | median ms | p99 ms |\n|---|---:|---:|---:|');
console.log(rows.join('\n'));
