/**
 * `zugong tally FILE [--json]` (election-format.md): tallies each election round of a .json file
 * (one object or an array) or a .jsonl file. Exit status: 0 no finding at error level and every
 * round read; 1 an error finding or an unreadable round; 2 the file as a whole is unusable.
 */
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { readRound } from '../../domain/elections/read-round';
import { tally, tallyOutput } from '../../domain/elections/tally';
import type { RoundInputError, TallyResult } from '../../domain/elections/types';

export interface TallyIo {
  stdout: Writable;
  stderr: Writable;
}

const SEVERITY_LABEL = { error: '错误', warning: '提醒', info: '提示' } as const;

/** A file that cannot be used at all. */
class TallyFileError extends Error {
  readonly code = 'ERR_TALLY_FILE';
}

type Item = { line: number; raw: unknown } | { line: number; error: RoundInputError };

function itemsOf(file: string, text: string): Item[] {
  if (file.endsWith('.jsonl')) {
    const items: Item[] = [];
    text.split('\n').forEach((lineText, i) => {
      if (lineText.trim() === '') {
        return;
      }
      try {
        items.push({ line: i + 1, raw: JSON.parse(lineText) as unknown });
      } catch {
        items.push({
          line: i + 1,
          error: { code: 'ERR_ROUND_JSON', message: `第${i + 1}行 不是有效的 JSON` },
        });
      }
    });
    return items;
  }
  if (!file.endsWith('.json')) {
    throw new TallyFileError(`无法识别的文件格式（应为 .json 或 .jsonl）：${file}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new TallyFileError(`文件不是有效的 JSON：${file}`);
  }
  return Array.isArray(value)
    ? value.map((raw, i) => ({ line: i + 1, raw }))
    : [{ line: 1, raw: value }];
}

/** The readable Chinese report of one round. */
export function formatTallyReport(result: TallyResult): string {
  const lines = [`【${result.id}】${result.valid ? '选举有效' : '选举无效，应重新投票'}`];
  if (result.valid) {
    lines.push(`  当选：${result.elected.length === 0 ? '无' : result.elected.join('、')}`);
    if (result.revote.length > 0) {
      lines.push(`  再次投票（${result.revoteSeats} 个名额）：${result.revote.join('、')}`);
    }
    if (result.shortfall > 0) {
      lines.push(`  不足名额：${result.shortfall}，另行选举`);
    }
  }
  for (const f of result.findings) {
    lines.push(
      `  ${f.severity === 'error' ? '✗' : '!'} ${SEVERITY_LABEL[f.severity]} ${f.rule} ${f.message}`,
    );
    lines.push(`      依据：${f.citation}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runTally(
  options: { file: string; json: boolean },
  io: TallyIo,
): Promise<number> {
  let items: Item[];
  try {
    let text: string;
    try {
      text = await readFile(options.file, 'utf8');
    } catch {
      throw new TallyFileError(`找不到或无法读取文件：${options.file}`);
    }
    items = itemsOf(options.file, text);
  } catch (e) {
    if (e instanceof TallyFileError) {
      io.stderr.write(`错误（${e.code}）：${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let failed = false;
  const out: string[] = [];
  for (const item of items) {
    if ('error' in item) {
      failed = true;
      out.push(
        options.json
          ? `${JSON.stringify({ line: item.line, id: null, error: item.error })}\n`
          : `【第${item.line}行】无法读取（${item.error.code}）：${item.error.message}\n`,
      );
      continue;
    }
    const read = readRound(item.raw, item.line);
    if (!read.ok) {
      failed = true;
      out.push(
        options.json
          ? `${JSON.stringify({ line: item.line, id: read.id, error: read.error })}\n`
          : `【第${item.line}行${read.id === null ? '' : ` ${read.id}`}】无法读取（${read.error.code}）：${read.error.message}\n`,
      );
      continue;
    }
    const result = tally(read.round);
    if (result.findings.some((f) => f.severity === 'error')) {
      failed = true;
    }
    out.push(options.json ? `${JSON.stringify(tallyOutput(result))}\n` : formatTallyReport(result));
  }
  io.stdout.write(out.join(''));
  return failed ? 1 : 0;
}

export function registerTallyCommand(program: Command): void {
  program
    .command('tally')
    .description('按选举工作条例和村民委员会组织法计票：到会、选票、差额、当选、同票、另行选举')
    .argument('<file>', '选举轮次文件（.json 或 .jsonl，见 election-format.md）')
    .option('--json', '每个轮次输出一行 JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      process.exitCode = await runTally(
        { file, json: opts.json === true },
        { stdout: process.stdout, stderr: process.stderr },
      );
    });
}
