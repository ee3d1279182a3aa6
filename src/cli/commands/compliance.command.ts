/**
 * `zugong compliance --year 2026 [--org 名称或编号] [--as-of YYYY-MM-DD] [--json] [--xlsx 文件]`:
 * the 组织生活 and 学时 report of every 党支部 under an org, as readable Chinese, JSON or a workbook.
 * Exit status: 0 nothing missing; 1 something missing or on the review list; 2 unusable input.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar/date';
import { CELL_STATE_LABELS } from '../../domain/organization-life/compliance';
import { SYSTEM_ACTOR } from '../../services/context';
import {
  complianceReport,
  type ComplianceReport,
} from '../../services/meetings/compliance.service';
import { complianceXlsx } from '../../services/meetings/documents';
import { openCliDatabase } from '../database';

interface Options {
  year: string;
  org?: string;
  asOf?: string;
  json?: boolean;
  xlsx?: string;
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

/** Readable Chinese: per branch what is missing, the study hours, and the roll-ups. */
export function formatReport(report: ComplianceReport, scopeName: string): string {
  const lines: string[] = [];
  const label = (key: string): string => {
    const all = [
      ...report.periods.months,
      ...report.periods.quarters,
      ...report.periods.halves,
      report.periods.year,
    ];
    return all.find((p) => p.key === key)?.label ?? (key.endsWith('-secretary') ? '全年' : key);
  };
  const title = (id: string) => report.rules.find((r) => r.id === id)?.shortTitle ?? id;
  lines.push(
    `${report.year}年组织生活落实情况（截至 ${report.asOf}，范围：${scopeName}，党支部 ${report.branches.length} 个）`,
  );
  for (const b of report.branches) {
    lines.push('', b.name);
    const missing = new Map<string, string[]>();
    for (const c of b.cells.filter((x) => x.state === 'missing')) {
      const key = `${title(c.rule)}${c.subject ? `（${c.subject}）` : ''}`;
      missing.set(key, [...(missing.get(key) ?? []), label(c.period)]);
    }
    lines.push(
      missing.size === 0
        ? `  ${CELL_STATE_LABELS.missing}：无`
        : `  ${CELL_STATE_LABELS.missing}：${[...missing].map(([k, v]) => `${k} ${v.join('、')}`).join('；')}`,
    );
    const s = b.study;
    lines.push(
      `  学时：${s.length} 人，已达到 ${s.filter((p) => p.state === 'met').length}，尚差 ${s.filter((p) => p.state === 'behind').length}，未达到 ${s.filter((p) => p.state === 'missing').length}，免于要求 ${s.filter((p) => p.state === 'exempt').length}`,
    );
    for (const f of b.findings.filter((x) => x.rule === 'BR-04' || x.rule === 'EDU-11')) {
      lines.push(`  ${f.review === true ? '待核查' : '问题'}：${f.message}（${f.citation}）`);
    }
  }
  for (const r of report.rollups) {
    lines.push(
      '',
      `汇总 ${r.name}（${r.branchCount} 个党支部）：${r.rules.map((x) => `${title(x.rule)} ${x.branchesMissing} 个支部有缺少`).join('，')}`,
      `  学时：${r.study.people} 人，已达到 ${r.study.met}，尚差 ${r.study.behind}，未达到 ${r.study.missing}，免于要求 ${r.study.exempt}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function registerComplianceCommand(program: Command): void {
  program
    .command('compliance')
    .description(
      '组织生活落实情况与学时：每个党支部按月、季度、年度的已开展/缺少/未到期，乡镇和县汇总',
    )
    .requiredOption('--year <年份>', '年度，如 2026')
    .option('--org <名称或编号>', '只看这个组织及其下级（默认全部）')
    .option('--as-of <日期>', '评估日（默认今天）')
    .option('--json', '以 JSON 输出')
    .option('--xlsx <文件>', '另存为 Excel 工作簿')
    .action(async (options: Options) => {
      const year = Number(options.year);
      if (!Number.isInteger(year) || year < 2000 || year > 2100) {
        fail(`年份无效：${options.year}`);
        return;
      }
      const asOf = options.asOf === undefined ? undefined : parseIsoDate(options.asOf);
      if (asOf === null) {
        fail(`评估日无效：${options.asOf ?? ''}（应为 YYYY-MM-DD）`);
        return;
      }
      const handle = await openCliDatabase();
      try {
        let orgId: number | undefined;
        let scopeName = '全部';
        if (options.org !== undefined) {
          const key = options.org.trim();
          const org = await handle.db
            .selectFrom('org')
            .select(['id', 'name'])
            .where((eb) => (/^\d+$/.test(key) ? eb('id', '=', Number(key)) : eb('name', '=', key)))
            .executeTakeFirst();
          if (org === undefined) {
            fail(`找不到组织：${key}`);
            return;
          }
          orgId = org.id;
          scopeName = org.name;
        }
        const ctx = { db: handle.db, now: () => new Date() };
        const query = { year, orgId, asOf };
        const report = await complianceReport(ctx, SYSTEM_ACTOR, query);
        if (options.xlsx !== undefined) {
          const file = await complianceXlsx(ctx, SYSTEM_ACTOR, query);
          writeFileSync(options.xlsx, file.buffer);
        }
        process.stdout.write(
          options.json === true ? `${JSON.stringify(report)}\n` : formatReport(report, scopeName),
        );
        const anything = report.branches.some(
          (b) => b.findings.length > 0 || b.cells.some((c) => c.state === 'missing'),
        );
        process.exitCode = anything ? 1 : 0;
      } finally {
        await handle.close();
      }
    });
}
