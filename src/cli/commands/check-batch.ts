/**
 * The per-dossier work of `zugong check`, shared by the command (one thread) and its worker
 * threads (docs/adr/0013-check-throughput.md): read, evaluate, format one item, and tally it.
 * It imports only the domain, so a worker starts without commander, zod or exceljs.
 */
import { readDossier } from '../../domain/dossier/read-dossier';
import { STEP_TITLES, type Dossier, type InputError } from '../../domain/dossier/types';
import { evaluate } from '../../domain/rules/catalogue';
import type { EvaluateOptions, Evaluation, Finding, Severity } from '../../domain/rules/engine';
import { forEachJsonLine, type SourceItem } from '../../services/dossier-stream';

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '提醒', info: '提示' };

export interface RuleTally {
  error: number;
  warning: number;
  info: number;
}

/** A Summary as plain data, to cross from a worker thread. */
export interface SummaryData {
  dossiers: number;
  unreadable: number;
  withErrors: number;
  warningsOnly: number;
  clean: number;
  byRule: [string, RuleTally][];
  byCode: [string, number][];
}

export class Summary {
  dossiers = 0;
  unreadable = 0;
  withErrors = 0;
  warningsOnly = 0;
  clean = 0;
  readonly byRule = new Map<string, RuleTally>();
  readonly byCode = new Map<string, number>();

  add(findings: readonly Finding[]): void {
    this.dossiers += 1;
    let hasError = false;
    for (const f of findings) {
      let tally = this.byRule.get(f.rule);
      if (tally === undefined) {
        tally = { error: 0, warning: 0, info: 0 };
        this.byRule.set(f.rule, tally);
      }
      tally[f.severity] += 1;
      if (f.severity === 'error') {
        hasError = true;
      }
    }
    if (hasError) {
      this.withErrors += 1;
    } else if (findings.length > 0) {
      this.warningsOnly += 1;
    } else {
      this.clean += 1;
    }
  }

  addUnreadable(code: string): void {
    this.dossiers += 1;
    this.unreadable += 1;
    this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
  }

  toData(): SummaryData {
    return {
      dossiers: this.dossiers,
      unreadable: this.unreadable,
      withErrors: this.withErrors,
      warningsOnly: this.warningsOnly,
      clean: this.clean,
      byRule: [...this.byRule],
      byCode: [...this.byCode],
    };
  }

  /** Adds the tallies of a later part of the input (merged in input order). */
  merge(data: SummaryData): void {
    this.dossiers += data.dossiers;
    this.unreadable += data.unreadable;
    this.withErrors += data.withErrors;
    this.warningsOnly += data.warningsOnly;
    this.clean += data.clean;
    for (const [rule, t] of data.byRule) {
      const tally = this.byRule.get(rule);
      if (tally === undefined) {
        this.byRule.set(rule, { ...t });
      } else {
        tally.error += t.error;
        tally.warning += t.warning;
        tally.info += t.info;
      }
    }
    for (const [code, n] of data.byCode) {
      this.byCode.set(code, (this.byCode.get(code) ?? 0) + n);
    }
  }
}

/** One dossier in the readable Chinese report. */
export function formatDossierReport(dossier: Dossier, result: Evaluation): string {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const head = `【${dossier.id} ${dossier.name}（${dossier.branch}）】`;
  const lines: string[] = [];
  lines.push(
    result.findings.length === 0
      ? `${head}未发现问题`
      : `${head}${errors} 项错误，${warnings} 项提醒`,
  );
  for (const f of result.findings) {
    const step = f.step === null ? '' : `［${STEP_TITLES[f.step]}］`;
    lines.push(
      `  ${f.severity === 'error' ? '✗' : '!'} ${SEVERITY_LABEL[f.severity]} ${f.rule}${step}${f.message}`,
    );
    lines.push(`      依据：${f.citation}`);
  }
  if (result.next.length > 0) {
    const parts = result.next.map((n) => {
      const range: string[] = [];
      if (n.earliest !== null) {
        range.push(`最早 ${n.earliest}`);
      }
      if (n.latest !== null) {
        range.push(`最迟 ${n.latest}`);
      }
      return `${STEP_TITLES[n.step]}${range.length > 0 ? `（${range.join('，')}）` : ''}`;
    });
    lines.push(`  下一步：${parts.join('；')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatUnreadable(line: number, id: string | null, error: InputError): string {
  return `【第${line}行${id === null ? '' : ` ${id}`}】无法读取（${error.code}）：${error.message}\n`;
}

/** Checks items one by one; `failed` turns true on an unreadable item or an error finding. */
export class ItemChecker {
  failed = false;

  constructor(
    private readonly json: boolean,
    private readonly evalOptions: EvaluateOptions,
    public summary: Summary,
  ) {}

  /**
   * Checks the lines of one chunk of a JSON Lines file (dossier-stream.ts), each as soon as it
   * is parsed, with fresh tallies; returns the chunk's output, failure and tallies.
   */
  checkChunk(
    bytes: Uint8Array,
    firstLine: number,
  ): { text: string; failed: boolean; summary: SummaryData } {
    this.failed = false;
    this.summary = new Summary();
    let text = '';
    forEachJsonLine(bytes, firstLine, (item) => {
      text += this.check(item);
    });
    return { text, failed: this.failed, summary: this.summary.toData() };
  }

  /** The output text of one item. */
  check(item: SourceItem): string {
    const json = this.json;
    if (item.error !== undefined) {
      this.summary.addUnreadable(item.error.code);
      this.failed = true;
      return json
        ? `${JSON.stringify({ line: item.line, id: null, error: item.error })}\n`
        : formatUnreadable(item.line, null, item.error);
    }
    const read = readDossier(item.raw, item.line);
    if (!read.ok) {
      this.summary.addUnreadable(read.error.code);
      this.failed = true;
      return json
        ? `${JSON.stringify({ line: item.line, id: read.id, error: read.error })}\n`
        : formatUnreadable(item.line, read.id, read.error);
    }
    const result = evaluate(read.dossier, this.evalOptions);
    this.summary.add(result.findings);
    for (const f of result.findings) {
      if (f.severity === 'error') {
        this.failed = true;
      }
    }
    return json
      ? `{"id":${JSON.stringify(read.dossier.id)},"findings":${JSON.stringify(result.findings)},"next":${JSON.stringify(result.next)}}\n`
      : formatDossierReport(read.dossier, result);
  }
}
