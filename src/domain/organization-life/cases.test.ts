import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { caseBranch, type OrgLifeCase, type OrgLifeCaseFile } from './case-file';
import { evaluateBranch } from './compliance';
import { ORG_LIFE_RULES } from './rules';
import { resolveOrgLifeSettings } from './settings';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
// YAML reads unquoted dates as strings only with the core schema.
const files = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .sort()
  .map((name) => ({
    name,
    file: parse(readFileSync(join(dir, name), 'utf8'), { schema: 'core' }) as OrgLifeCaseFile,
  }));

function run(c: OrgLifeCase) {
  return evaluateBranch(caseBranch(c.branch), {
    year: c.year ?? 2026,
    asOf: String(c.asOf),
    settings: resolveOrgLifeSettings(c.settings ?? {}),
  });
}

const key = (f: {
  rule: string;
  severity: string;
  period?: string | null;
  person?: number | null;
}) => `${f.rule}|${f.severity}|${f.period ?? '*'}|${f.person ?? '*'}`;

describe('组织生活 case files', () => {
  for (const { name, file } of files) {
    describe(name, () => {
      for (const c of file.cases) {
        it(c.name, () => {
          const result = run(c);
          const only = c.only ?? file.rules;
          const withPeriod = c.expected.some((e) => e.period !== undefined);
          const withPerson = c.expected.some((e) => e.person !== undefined);
          const actual = result.findings
            .filter((f) => only.includes(f.rule))
            .map((f) =>
              key({
                rule: f.rule,
                severity: f.severity,
                period: withPeriod ? f.period : undefined,
                person: withPerson ? f.personId : undefined,
              }),
            )
            .sort();
          expect(actual).toEqual(c.expected.map((e) => key(e)).sort());
          for (const [cellKey, state] of Object.entries(c.cells ?? {})) {
            const [rule, period, group] = cellKey.split(' ');
            const cell = result.cells.find(
              (x) =>
                x.rule === rule &&
                x.period === period &&
                (group === undefined || String(x.groupId) === group),
            );
            expect(cell?.state, cellKey).toBe(state);
          }
          for (const [person, fields] of Object.entries(c.study ?? {})) {
            const row = result.study.find((s) => String(s.personId) === person);
            expect(row, `study of ${person}`).toMatchObject(fields);
          }
          for (const f of result.findings) {
            expect(f.citation).toMatch(/^《/);
          }
        });
      }
    });
  }
});

describe('组织生活 rule catalogue parity', () => {
  const all = files.flatMap(({ file }) =>
    file.cases.map((c) => ({ rules: file.rules, c, result: run(c) })),
  );
  for (const rule of ORG_LIFE_RULES) {
    it(`${rule.id} has a failing and a passing case and a citation`, () => {
      const mine = all.filter((x) => x.rules.includes(rule.id));
      expect(mine.some((x) => x.c.expected.some((e) => e.rule === rule.id))).toBe(true);
      expect(mine.some((x) => !x.c.expected.some((e) => e.rule === rule.id))).toBe(true);
      expect(rule.citations.length).toBeGreaterThan(0);
    });
  }
});
