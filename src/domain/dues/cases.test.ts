import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  calculateDues,
  DEFAULT_DUES_SETTINGS,
  formatYuan,
  parseIncome,
  type DuesCategory,
} from './calculate';
import { DUES_RULES } from './rules';

interface DuesCase {
  name: string;
  category: DuesCategory;
  income?: string;
  settings?: { farmerMonthlyFen?: number };
  expected: { monthly: string; rule: string; rate?: string };
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .sort()
  .map((name) => ({
    name,
    file: parse(readFileSync(join(dir, name), 'utf8')) as { rules: string[]; cases: DuesCase[] },
  }));

describe('党费 case files', () => {
  for (const { name, file } of files) {
    describe(name, () => {
      for (const c of file.cases) {
        it(c.name, () => {
          const income = c.income === undefined ? null : parseIncome(c.income);
          if (income !== null && !income.ok) {
            throw new Error(income.message);
          }

          const result = calculateDues(c.category, income?.fen ?? null, {
            ...DEFAULT_DUES_SETTINGS,
            ...c.settings,
          });

          expect(formatYuan(result.monthlyFen)).toBe(c.expected.monthly);
          expect(result.rule.id).toBe(c.expected.rule);
          expect(file.rules).toContain(result.rule.id);
          if (c.expected.rate !== undefined) {
            expect(result.rate).toBe(c.expected.rate);
          }
        });
      }
    });
  }

  it('has a case file for every 党费 rule that computes an amount', () => {
    const covered = new Set(files.flatMap(({ file }) => file.rules));

    expect([...covered].sort()).toEqual(['DUES-02', 'DUES-05', 'DUES-06']);
    expect(DUES_RULES.map((r) => r.id)).toEqual(expect.arrayContaining([...covered]));
  });
});
