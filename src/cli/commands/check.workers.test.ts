import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCheck } from './check.command';

const clean = JSON.stringify(
  JSON.parse(
    readFileSync(
      new URL('../../domain/rules/xize-2014/cases/base-dossier.json', import.meta.url),
      'utf8',
    ),
  ),
);
const dir = mkdtempSync(join(tmpdir(), 'zugong-check-workers-'));

async function check(file: string, json: boolean, workers: number) {
  const chunks: Buffer[] = [];
  const stdout = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const stderr = new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });
  const code = await runCheck(
    { file, asOf: '2024-06-01', json, workers, awaitWorkers: true },
    { stdout, stderr },
  );
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

describe('runCheck with worker threads', () => {
  // Over 1 MiB, so the file is read in several chunks, with a BOM, CRLF, blank and broken lines.
  const lines: string[] = [];
  for (let i = 0; i < 1500; i++) {
    const id = `W-${i}`;
    if (i % 97 === 5) {
      lines.push('{not json');
    } else if (i % 89 === 3) {
      lines.push('');
    } else if (i % 53 === 7) {
      lines.push(clean.replace('"2023-02-15"', '"2024-02-30"').replace('HK-2021-003', id));
    } else if (i % 7 === 1) {
      lines.push(clean.replace('"HK-2021-003"', `"${id}"`).replace('"2023-02-15"', '"2019-01-01"'));
    } else {
      lines.push(clean.replace('"HK-2021-003"', `"${id}"`));
    }
  }
  const file = join(dir, 'many.jsonl');
  writeFileSync(file, `\ufeff${lines.join('\r\n')}`);

  it('gives byte for byte the output and exit status of the one-thread check', async () => {
    for (const json of [true, false]) {
      const one = await check(file, json, 0);
      expect(one.code).toBe(1);
      expect(one.out).toContain('DEV-23');
      expect(one.out).toContain('ERR_INPUT_JSON');
      for (const workers of [1, 2]) {
        const many = await check(file, json, workers);
        expect(many.code).toBe(one.code);
        expect(many.out).toBe(one.out);
      }
    }
  }, 60_000);
});
