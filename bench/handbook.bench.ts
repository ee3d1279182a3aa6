/**
 * `npx tsx bench/handbook.bench.ts`: how long the handbook search takes on the full catalogue
 * (every rule of allRules() and every question), and on a catalogue ten times that size.
 * Prints a Markdown table of medians and 99th percentiles per query, in microseconds.
 */
import { buildHandbook, handbookDocuments } from '../src/domain/handbook/catalogue';
import { HANDBOOK_QUESTIONS } from '../src/domain/handbook/questions';
import {
  buildSearchIndex,
  searchHandbook,
  type SearchDocument,
} from '../src/domain/handbook/search';
import { allRules } from '../src/domain/rule-index';

const QUERIES = [
  '介绍人',
  'jsr',
  '转正',
  '党费基数',
  '村党委审批',
  '预备期延长',
  'DEV-18',
  '调动 培养时间',
  'zz',
  '支部大会表决时因病缺席的党员能否书面表决',
  '火星基地',
];
const RUNS = Number(process.argv[2] ?? 2000);

function micros(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function measure(label: string, docs: SearchDocument[]): void {
  let t = process.hrtime.bigint();
  const index = buildSearchIndex(docs);
  const buildMs = micros(t) / 1000;
  console.log(
    `\n### ${label}: ${docs.length} documents, index built in ${buildMs.toFixed(1)} ms\n`,
  );
  console.log('| query | hits | median µs | p99 µs | max µs |');
  console.log('|---|---|---|---|---|');
  for (const q of QUERIES) {
    for (let i = 0; i < 50; i++) {
      searchHandbook(index, q);
    }
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      t = process.hrtime.bigint();
      const r = searchHandbook(index, q);
      times.push(micros(t));
      hits = r.ok ? r.hits.length : -1;
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${q} | ${hits} | ${percentile(times, 0.5).toFixed(0)} | ${percentile(times, 0.99).toFixed(0)} | ${(times[times.length - 1] ?? 0).toFixed(0)} |`,
    );
  }
}

const docs = handbookDocuments(buildHandbook(allRules(), HANDBOOK_QUESTIONS));
measure('full catalogue', docs);
const tenfold = Array.from({ length: 10 }, (_, k) =>
  docs.map((d) => ({ ...d, id: `${d.id}#${k}` })),
).flat();
measure('catalogue × 10', tenfold);
