/**
 * Case files (cases/*.yaml) a domain expert can read: each case is a dossier (or changes to the
 * clean base dossier), an `asOf` date, optional local settings, and the findings expected.
 * Parsing text is left to the caller (the test reads the files); this module builds and compares.
 */
import type { Dossier } from '../dossier/types';
import type { Finding, Severity } from './engine';

export interface ExpectedFinding {
  rule: string;
  severity: Severity;
  /** When given, the formatted citation must equal it. */
  citation?: string;
}

export interface RuleCase {
  /** Chinese description of the scenario. */
  name: string;
  asOf: string;
  /** `clean` (default): `input` is merged over the clean base dossier; `none`: `input` is the whole dossier. */
  base?: 'clean' | 'none';
  input: unknown;
  settings?: Record<string, unknown>;
  /** Compare only findings of these rules (for partial dossiers from reference.md §13). */
  only?: string[];
  expected?: ExpectedFinding[];
  /** The line is unreadable with this code instead. */
  expectedError?: string;
}

export interface CaseFile {
  /** Rule ids the file is about: its cases count as pass/fail cases for them. */
  rules: string[];
  cases: RuleCase[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Merges `patch` over `base`: objects merge key by key, arrays and values replace,
 * `null` deletes the key.
 * @example mergeOver({ a: { b: 1, c: 2 } }, { a: { c: null } }) // { a: { b: 1 } }
 */
export function mergeOver(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) {
    return structuredClone(patch);
  }
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else {
      out[key] = mergeOver(out[key], value);
    }
  }
  return out;
}

export function caseInput(c: RuleCase, cleanBase: Dossier): unknown {
  return c.base === 'none' ? structuredClone(c.input) : mergeOver(cleanBase, c.input ?? {});
}

/** Findings reduced to `RULE:severity` keys, sorted, for exact comparison. */
export function findingKeys(findings: readonly Finding[], only?: readonly string[]): string[] {
  return findings
    .filter((f) => only === undefined || only.includes(f.rule))
    .map((f) => `${f.rule}:${f.severity}`)
    .sort();
}

export function expectedKeys(expected: readonly ExpectedFinding[] = []): string[] {
  return expected.map((e) => `${e.rule}:${e.severity}`).sort();
}
