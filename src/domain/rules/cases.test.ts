import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorkdayCalendar } from '../calendar/workdays';
import { readDossier } from '../dossier/read-dossier';
import type { Dossier } from '../dossier/types';
import { caseInput, expectedKeys, findingKeys, type CaseFile, type RuleCase } from './case-file';
import { DEVELOPMENT_CATALOGUE, evaluate } from './catalogue';
import { resolveSettings } from './settings';

const here = dirname(fileURLToPath(import.meta.url));
const calendar = createWorkdayCalendar();
const cleanBase = JSON.parse(
  readFileSync(join(here, 'xize-2014/cases/base-dossier.json'), 'utf8'),
) as Dossier;

function loadCaseFiles(): { path: string; file: CaseFile }[] {
  const out: { path: string; file: CaseFile }[] = [];
  for (const set of readdirSync(here, { withFileTypes: true })) {
    if (!set.isDirectory()) {
      continue;
    }
    const dir = join(here, set.name, 'cases');
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      out.push({
        path: `${set.name}/cases/${name}`,
        file: parse(readFileSync(join(dir, name), 'utf8')) as CaseFile,
      });
    }
  }
  return out;
}

const files = loadCaseFiles();

function run(c: RuleCase) {
  const read = readDossier(caseInput(c, cleanBase), 1);
  if (!read.ok) {
    return { error: read.error, findings: [] };
  }
  const settings = resolveSettings(c.settings ?? {});
  return { error: null, ...evaluate(read.dossier, { asOf: c.asOf, settings, calendar }) };
}

describe('rule case files', () => {
  for (const { path, file } of files) {
    describe(path, () => {
      for (const c of file.cases) {
        it(c.name, () => {
          const result = run(c);

          if (c.expectedError !== undefined) {
            expect(result.error?.code).toBe(c.expectedError);
            return;
          }
          expect(result.error).toBeNull();
          expect(findingKeys(result.findings, c.only)).toEqual(expectedKeys(c.expected));
          for (const e of c.expected ?? []) {
            if (e.citation !== undefined) {
              const f = result.findings.find((x) => x.rule === e.rule);
              expect(f?.citation).toBe(e.citation);
            }
          }
        });
      }
    });
  }
});

describe('rule catalogue parity', () => {
  const cases = files.flatMap(({ file }) => file.cases.map((c) => ({ rules: file.rules, c })));

  for (const { rule } of DEVELOPMENT_CATALOGUE.compiled) {
    it(`${rule.id} has a failing case, a passing case and a citation`, () => {
      const about = cases.filter(
        ({ rules, c }) => rules.includes(rule.id) && c.expectedError === undefined,
      );
      const failing = about.filter(({ c }) => (c.expected ?? []).some((e) => e.rule === rule.id));
      const passing = about.filter(({ c }) => !(c.expected ?? []).some((e) => e.rule === rule.id));

      expect(failing.length, `${rule.id} 缺少违规案例`).toBeGreaterThan(0);
      expect(passing.length, `${rule.id} 缺少合规案例`).toBeGreaterThan(0);
      expect(rule.citations.length).toBeGreaterThan(0);
      expect(rule.explanation.length).toBeGreaterThan(10);
    });
  }

  it('every case file names only rules of the catalogue', () => {
    const ids = new Set(DEVELOPMENT_CATALOGUE.rules.map((r) => r.id));

    const unknown = files.flatMap(({ file }) => file.rules.filter((r) => !ids.has(r)));

    expect(unknown).toEqual([]);
  });
});
