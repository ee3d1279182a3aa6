import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runTally } from './tally.command';

const example = readFileSync(
  new URL('../../domain/elections/cases/base-round.json', import.meta.url),
  'utf8',
);
const dir = mkdtempSync(join(tmpdir(), 'zugong-tally-'));

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

async function tallyFile(name: string, content: string | null, json = true) {
  const file = join(dir, name);
  if (content !== null) {
    writeFileSync(file, content);
  }
  const out = capture();
  const err = capture();
  const code = await runTally({ file, json }, { stdout: out.stream, stderr: err.stream });
  return { code, out: out.text(), err: err.text() };
}

describe('runTally', () => {
  it('gives the expected result for the shared example round and exits 0', async () => {
    const { code, out } = await tallyFile('example.json', example);

    const result = JSON.parse(out) as Record<string, unknown>;
    expect(code).toBe(0);
    expect(result).toMatchObject({
      id: 'HK-2021-支委',
      valid: true,
      elected: ['周平', '吴丽', '陈建国', '李秀英', '王海'],
      revote: [],
      shortfall: 0,
    });
    expect(Object.keys(result)).toEqual([
      'id',
      'valid',
      'elected',
      'revote',
      'shortfall',
      'findings',
    ]);
  });

  it('exits 1 for a void round and reports each JSON line in order', async () => {
    const round = JSON.parse(example) as Record<string, unknown>;
    const voidRound = {
      ...round,
      id: 'VOID',
      presentVoters: 33,
      ballotsIssued: 33,
      ballotsReturned: 33,
      candidates: [{ name: '甲', votes: 30 }],
    };
    const lines = [JSON.stringify(round), '{bad', JSON.stringify(voidRound)].join('\n');

    const { code, out } = await tallyFile('batch.jsonl', lines);

    const results = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(code).toBe(1);
    expect(results[1]).toMatchObject({ line: 2, error: { code: 'ERR_ROUND_JSON' } });
    expect(results[2]).toMatchObject({ id: 'VOID', valid: false, elected: [] });
    expect(results[2]?.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'ELC-05', severity: 'error' })]),
    );
  });

  it('refuses a round with votes above the ballots returned (exit 1, nothing tallied)', async () => {
    const bad = example.replace('"votes": 36', '"votes": 39');

    const { code, out } = await tallyFile('bad.json', bad);

    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({
      id: 'HK-2021-支委',
      error: { code: 'ERR_ROUND_VOTE' },
    });
  });

  it('exits 2 when the file is missing, not JSON, or of an unknown kind', async () => {
    expect((await tallyFile('missing.json', null)).code).toBe(2);
    expect((await tallyFile('broken.json', '{')).code).toBe(2);
    const csv = await tallyFile('round.csv', 'a,b');
    expect(csv.code).toBe(2);
    expect(csv.err).toContain('ERR_TALLY_FILE');
  });

  it('writes a readable Chinese report', async () => {
    const { code, out } = await tallyFile('example2.json', example, false);

    expect(code).toBe(0);
    expect(out).toContain('当选：周平、吴丽、陈建国、李秀英、王海');
    expect(out).toContain('依据：《中国共产党基层组织选举工作条例》（条号待核实）');
  });
});
