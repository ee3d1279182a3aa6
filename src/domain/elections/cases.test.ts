import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeOver } from '../rules/case-file';
import { ELECTION_RULES } from './catalogue';
import { readRound } from './read-round';
import { tally } from './tally';
import { evaluateTerm, type TermFacts } from './term';
import type { ElectionFinding } from './types';

interface Expected {
  rule: string;
  severity: string;
  citation?: string;
}

interface ElectionCase {
  name: string;
  input?: Record<string, unknown>;
  term?: TermFacts;
  asOf?: string;
  expected?: Expected[];
  expectedError?: string;
  result?: { valid: boolean; elected: string[]; revote: string[]; shortfall: number };
  status?: string;
}

interface ElectionCaseFile {
  rules: string[];
  cases: ElectionCase[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const base = JSON.parse(readFileSync(join(dir, 'base-round.json'), 'utf8')) as unknown;
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .sort()
  .map((name) => ({
    name,
    file: parse(readFileSync(join(dir, name), 'utf8')) as ElectionCaseFile,
  }));

function keys(list: readonly { rule: string; severity: string }[]): string[] {
  return list.map((f) => `${f.rule}:${f.severity}`).sort();
}

function run(c: ElectionCase): { error: string | null; findings: ElectionFinding[] } {
  if (c.term !== undefined) {
    const evaluation = evaluateTerm(c.term, c.asOf ?? '2026-01-01');
    if (c.status !== undefined) {
      expect(evaluation.status).toBe(c.status);
    }
    return { error: null, findings: evaluation.findings };
  }
  const read = readRound(mergeOver(base, c.input ?? {}));
  if (!read.ok) {
    return { error: read.error.code, findings: [] };
  }
  const result = tally(read.round);
  if (c.result !== undefined) {
    expect({
      valid: result.valid,
      elected: result.elected,
      revote: result.revote,
      shortfall: result.shortfall,
    }).toEqual(c.result);
  }
  return { error: null, findings: result.findings };
}

describe('election case files', () => {
  for (const { name, file } of files) {
    describe(name, () => {
      for (const c of file.cases) {
        it(c.name, () => {
          const { error, findings } = run(c);
          if (c.expectedError !== undefined) {
            expect(error).toBe(c.expectedError);
            return;
          }
          expect(error).toBeNull();
          expect(keys(findings)).toEqual(keys(c.expected ?? []));
          for (const e of c.expected ?? []) {
            if (e.citation !== undefined) {
              expect(findings.find((f) => f.rule === e.rule)?.citation).toBe(e.citation);
            }
          }
          for (const f of findings) {
            expect(f.message.length).toBeGreaterThan(5);
            expect(f.citation).toMatch(/^《/);
          }
        });
      }
    });
  }
});

describe('election rule parity', () => {
  const all = files.flatMap(({ file }) =>
    file.cases.filter((c) => c.expectedError === undefined).map((c) => ({ rules: file.rules, c })),
  );
  for (const rule of ELECTION_RULES) {
    it(`${rule.id} has a failing case, a passing case and a citation`, () => {
      const about = all.filter(({ rules }) => rules.includes(rule.id));
      const fires = (c: ElectionCase): boolean =>
        (c.expected ?? []).some((e) => e.rule === rule.id);
      expect(about.filter(({ c }) => fires(c)).length, `${rule.id} 缺少违规案例`).toBeGreaterThan(
        0,
      );
      expect(about.filter(({ c }) => !fires(c)).length, `${rule.id} 缺少合规案例`).toBeGreaterThan(
        0,
      );
      expect(rule.citations.length).toBeGreaterThan(0);
    });
  }

  it('names only catalogue rules', () => {
    const ids = new Set(ELECTION_RULES.map((r) => r.id));
    expect(files.flatMap(({ file }) => file.rules.filter((r) => !ids.has(r)))).toEqual([]);
  });
});
