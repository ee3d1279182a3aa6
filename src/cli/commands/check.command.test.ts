import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCheck } from './check.command';

const clean = readFileSync(
  new URL('../../domain/rules/xize-2014/cases/base-dossier.json', import.meta.url),
  'utf8',
);
const dir = mkdtempSync(join(tmpdir(), 'zugong-check-'));

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function check(name: string, content: string, json = true) {
  const file = join(dir, name);
  writeFileSync(file, content);
  const out = capture();
  const err = capture();
  const code = await runCheck(
    { file, asOf: '2024-06-01', json },
    { stdout: out.stream, stderr: err.stream },
  );
  return { code, out: out.text(), err: err.text() };
}

describe('runCheck', () => {
  it('exits 0 with empty findings for the clean example dossier', async () => {
    const { code, out } = await check('clean.json', clean);

    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ id: 'HK-2021-003', findings: [], next: [] });
  });

  it('checks every JSON line in order and reports a broken line without stopping', async () => {
    const late = JSON.parse(clean) as { id: string; steps: { applicationTalk: { date: string } } };
    late.id = 'LATE';
    late.steps.applicationTalk.date = '2021-05-07';
    const badDate = clean.replace('"2023-02-15"', '"2024-02-30"').replace('HK-2021-003', 'BAD');
    const lines = [
      JSON.stringify(JSON.parse(clean)),
      '',
      '{not json',
      JSON.stringify(late),
      badDate.replace(/\n/g, ''),
    ];

    const { code, out } = await check('batch.jsonl', lines.join('\n'));
    const results = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

    expect(code).toBe(1);
    expect(results.map((r) => r.id ?? null)).toEqual(['HK-2021-003', null, 'LATE', 'BAD']);
    expect(results[1]).toMatchObject({ line: 3, error: { code: 'ERR_INPUT_JSON' } });
    expect(results[2]).toMatchObject({
      findings: [
        { rule: 'DEV-03', severity: 'error', citation: '《中国共产党发展党员工作细则》第七条' },
      ],
    });
    expect(results[3]).toEqual({
      line: 5,
      id: 'BAD',
      error: { code: 'ERR_INPUT_DATE', message: '第5行 steps.oath.date 不是有效日期：2024-02-30' },
    });
  });

  it('reads a JSON array and writes a Chinese report with a summary by rule', async () => {
    const late = clean.replace('"2021-04-26"', '"2021-05-07"');

    const { code, out } = await check('array.json', `[${clean},${late}]`, false);

    expect(code).toBe(1);
    expect(out).toContain('【HK-2021-003 陈立新（河口村党支部）】未发现问题');
    expect(out).toContain('✗ 错误 DEV-03');
    expect(out).toContain('共检查 2 份档案');
    expect(out).toMatch(/DEV-03\s+收到入党申请书后一个月内派人谈话：错误 1，提醒 0/);
  });

  it('exits 2 when the file does not exist or the format is unknown', async () => {
    const out = capture();
    const err = capture();

    const missing = await runCheck(
      { file: join(dir, 'nope.jsonl'), asOf: '2024-06-01', json: true },
      { stdout: out.stream, stderr: err.stream },
    );
    const unknown = await check('dossiers.csv', 'a,b');

    expect(missing).toBe(2);
    expect(err.text()).toContain('ERR_CHECK_FILE');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('ERR_CHECK_FORMAT');
  });

  it('exits 2 on an invalid settings file', async () => {
    const settings = join(dir, 'local.json');
    writeFileSync(settings, '{"noticeDays": 7}');
    const file = join(dir, 'one.json');
    writeFileSync(file, clean);
    const out = capture();
    const err = capture();

    const code = await runCheck(
      { file, asOf: '2024-06-01', json: true, settingsPath: settings },
      { stdout: out.stream, stderr: err.stream },
    );

    expect(code).toBe(2);
    expect(err.text()).toContain('ERR_SETTINGS_INVALID');
  });
});
