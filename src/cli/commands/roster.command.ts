/**
 * `zugong import members FILE [--dry-run]` and `zugong export members FILE [--reveal-id-numbers]`:
 * the 党员花名册 in .xlsx, with the same checks as the web import (all or nothing, every
 * problem reported as 第N行 列名 值). Runs as the system (whole database).
 * Exit status: 0 done; 1 the file has problems (nothing written); 2 unusable input.
 */
import { statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { SYSTEM_ACTOR, type ServiceContext } from '../../services/context';
import { AppError } from '../../services/errors';
import {
  runRosterImport,
  type ImportPreview,
  type ImportProgress,
} from '../../services/roster/roster-import';
import { openCliDatabase } from '../database';

function subcommand(program: Command, name: string, description: string): Command {
  return (
    program.commands.find((c) => c.name() === name) ??
    program.command(name).description(description)
  );
}

export function formatPreview(preview: ImportPreview): string {
  const lines = [
    `共 ${preview.fileRows} 行：新增 ${preview.created}，更新 ${preview.updated}，无变化 ${preview.unchanged}`,
  ];
  if (preview.problemCount > 0) {
    const listed =
      preview.problemCount > preview.problems.length
        ? `（以下列出前 ${preview.problems.length} 处）`
        : '';
    lines.push(`有 ${preview.problemCount} 处错误，未导入任何人员${listed}：`);
    for (const p of preview.problems) {
      lines.push(
        p.row === 0
          ? `  ${p.message}`
          : `  第${p.row}行 ${p.column} ${p.value || '（空）'}：${p.message}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Rows read so far on stderr: one updating line on a terminal, a line per 10,000 rows otherwise. */
function progressOnStderr(): { update: ImportProgress; done: () => void } {
  const tty = process.stderr.isTTY === true;
  let shown = 0;
  let last = 0;
  return {
    update: (rows) => {
      last = rows;
      if (tty) {
        process.stderr.write(`\r已读取 ${rows} 行`);
        shown = rows;
      } else if (rows - shown >= 10_000) {
        process.stderr.write(`已读取 ${rows} 行\n`);
        shown = rows;
      }
    },
    done: () => {
      if (tty && shown > 0) {
        process.stderr.write('\n');
      } else if (!tty && last !== shown) {
        process.stderr.write(`已读取 ${last} 行\n`);
        shown = last;
      }
    },
  };
}

export function registerRosterCommands(program: Command): void {
  subcommand(program, 'import', '导入数据')
    .command('members <file>')
    .description('导入党员花名册（.xlsx）：全部通过校验才写入')
    .option('--dry-run', '只校验并预览，不写入')
    .action(async (file: string, options: { dryRun?: boolean }) => {
      try {
        if (!statSync(file).isFile()) {
          throw new Error('not a file');
        }
      } catch {
        process.stderr.write(`无法读取文件：${file}\n`);
        process.exitCode = 2;
        return;
      }
      const handle = await openCliDatabase();
      const ctx: ServiceContext = { db: handle.db, now: () => new Date() };
      const progress = progressOnStderr();
      try {
        // One streaming pass: with --dry-run it only checks; otherwise it checks and writes in
        // one transaction that is rolled back if any row has a problem.
        const report = await runRosterImport(
          ctx,
          SYSTEM_ACTOR,
          { path: file },
          { commit: options.dryRun !== true, onProgress: progress.update },
        );
        progress.done();
        process.stdout.write(formatPreview(report));
        if (report.problemCount > 0) {
          process.exitCode = 1;
          return;
        }
        process.stdout.write(
          report.committed
            ? `已导入：新增 ${report.created}，更新 ${report.updated}，无变化 ${report.unchanged}\n`
            : '（--dry-run：未写入）\n',
        );
      } catch (e) {
        progress.done();
        if (e instanceof AppError) {
          process.stderr.write(`${e.message}\n`);
          process.exitCode = e.code === 'ERR_ROSTER_IMPORT_INVALID' ? 1 : 2;
          return;
        }
        throw e;
      } finally {
        await handle.close();
      }
    });

  subcommand(program, 'export', '导出数据')
    .command('members <file>')
    .description('导出党员花名册（.xlsx），身份证号默认脱敏')
    .option('--reveal-id-numbers', '导出完整的公民身份号码（记入审计）')
    .action(async (file: string, options: { revealIdNumbers?: boolean }) => {
      const handle = await openCliDatabase();
      const ctx: ServiceContext = { db: handle.db, now: () => new Date() };
      try {
        // Loaded here, not at the top: it brings exceljs, which the import's writing thread does
        // without (docs/adr/0014).
        const { exportRosterXlsx } = await import('../../services/roster/roster-xlsx');
        const out = await exportRosterXlsx(
          ctx,
          SYSTEM_ACTOR,
          { away: 'all' },
          {
            revealIdNumbers: options.revealIdNumbers === true,
          },
        );
        writeFileSync(file, out.buffer);
        process.stdout.write(
          `已导出 ${out.rows} 人到 ${file}${out.revealed ? '（含完整身份证号）' : '（身份证号已脱敏）'}\n`,
        );
      } finally {
        await handle.close();
      }
    });
}
