/**
 * Worked examples for the handbook, read from every module's YAML case files
 * (src/domain/**\/cases/*.yaml): each case a domain expert wrote becomes an example under the
 * rules its file is about, saying whether the rule fired.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface WorkedExample {
  /** The case's Chinese description. */
  name: string;
  /** What the case expects of this rule. */
  outcome: 'flagged' | 'clean' | 'computed';
  /** Chinese: severity found, or the computed amount. */
  detail: string;
  /** Case file, relative to src/domain. */
  file: string;
}

const DOMAIN_DIR = fileURLToPath(new URL('../../domain', import.meta.url));

const SEVERITY_LABELS: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };

function caseFiles(dir: string, into: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      caseFiles(full, into);
    } else if (entry.name.endsWith('.yaml') && basename(dir) === 'cases') {
      into.push(full);
    }
  }
  return into;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function exampleFor(
  ruleId: string,
  c: Record<string, unknown>,
  file: string,
): WorkedExample | null {
  const name = typeof c.name === 'string' ? c.name : null;
  if (name === null || c.expectedError !== undefined) {
    return null;
  }
  const expected = c.expected;
  if (Array.isArray(expected)) {
    const own = expected.filter((e) => isRecord(e) && e.rule === ruleId) as Record<
      string,
      unknown
    >[];
    if (own.length > 0) {
      const severities = own.map((e) => SEVERITY_LABELS[String(e.severity)] ?? String(e.severity));
      return {
        name,
        outcome: 'flagged',
        detail: `触发：${[...new Set(severities)].join('、')}`,
        file,
      };
    }
    return { name, outcome: 'clean', detail: '不触发（合规）', file };
  }
  if (isRecord(expected) && expected.rule === ruleId && typeof expected.monthly === 'string') {
    return { name, outcome: 'computed', detail: `每月 ${expected.monthly} 元`, file };
  }
  if (expected === undefined) {
    return { name, outcome: 'clean', detail: '不触发（合规）', file };
  }
  return null;
}

/**
 * Examples by rule id, in case-file order.
 * @example loadWorkedExamples().get('DUES-02')?.[0]?.detail // '每月 0.00 元'
 */
export function loadWorkedExamples(domainDir = DOMAIN_DIR): Map<string, WorkedExample[]> {
  const out = new Map<string, WorkedExample[]>();
  for (const path of caseFiles(domainDir, []).sort()) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(path, 'utf8'));
    } catch {
      continue;
    }
    if (!isRecord(doc) || !Array.isArray(doc.rules) || !Array.isArray(doc.cases)) {
      continue;
    }
    const file = path.slice(domainDir.length + 1);
    for (const ruleId of doc.rules) {
      if (typeof ruleId !== 'string') {
        continue;
      }
      for (const c of doc.cases) {
        const example = isRecord(c) ? exampleFor(ruleId, c, file) : null;
        if (example !== null) {
          out.set(ruleId, [...(out.get(ruleId) ?? []), example]);
        }
      }
    }
  }
  return out;
}
