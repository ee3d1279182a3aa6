/**
 * `zugong ask 介绍人 [--json] [--limit 10]`: searches the handbook offline and prints each
 * answer with its citations; `zugong ask --rule DEV-09` prints one rule.
 */
import type { Command } from 'commander';
import type { TextSegment } from '../../domain/handbook/search';
import { AppError } from '../../services/errors';
import { getQuestionDetail, getRuleDetail, search } from '../../services/handbook/handbook.service';

/** Marks matched text with 【】 (readable in any terminal). */
function marked(segments: readonly TextSegment[]): string {
  return segments.map((s) => (s.isHit ? `【${s.text}】` : s.text)).join('');
}

function printRule(id: string): void {
  const r = getRuleDetail(id);
  const lines = [
    `${r.id} ${r.title}（${r.moduleLabel}）`,
    r.explanation,
    ...r.citations.map((c) => `出处：${c.text}`),
    ...r.settings.map((s) => `地方设置：${s.label}，默认 ${s.defaultValue}。${s.source}`),
    ...r.examples.slice(0, 6).map((e) => `案例：${e.name} —— ${e.detail}`),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('问不倒：离线检索规则与常见问题（支持拼音首字母和同义词）')
    .argument('[query...]', '问题或关键词，如 介绍人、jsr、转正')
    .option('--rule <id>', '直接查看一条规则，如 DEV-09')
    .option('--limit <n>', '最多显示几条', '5')
    .option('--json', '输出 JSON')
    .action((words: string[], opts: { rule?: string; limit: string; json?: boolean }) => {
      try {
        if (opts.rule !== undefined) {
          if (opts.json === true) {
            process.stdout.write(`${JSON.stringify(getRuleDetail(opts.rule), null, 2)}\n`);
          } else {
            printRule(opts.rule);
          }
          return;
        }
        const limit = Math.max(1, Math.min(50, Number.parseInt(opts.limit, 10) || 5));
        const result = search(words.join(' '), limit);
        if (opts.json === true) {
          process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
          return;
        }
        if (result.hits.length === 0) {
          process.stdout.write(`没有找到与“${result.query}”相关的规则或问答。\n`);
          return;
        }
        const lines: string[] = [];
        for (const hit of result.hits) {
          if (hit.kind === 'question') {
            const q = getQuestionDetail(hit.id);
            lines.push(`问（${q.id}）：${marked(hit.title)}`, `答：${q.answer}`);
            lines.push(...q.citations.map((c) => `  出处：${c.text}`));
            if (q.rules.length > 0) {
              lines.push(`  规则：${q.rules.map((r) => `${r.id} ${r.title}`).join('；')}`);
            }
          } else {
            lines.push(`规则 ${hit.id}：${marked(hit.title)}`, `  ${marked(hit.snippet)}`);
          }
          lines.push('');
        }
        process.stdout.write(lines.join('\n'));
      } catch (e) {
        if (e instanceof AppError) {
          process.stderr.write(`错误（${e.code}）：${e.message}\n`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
    });
}
