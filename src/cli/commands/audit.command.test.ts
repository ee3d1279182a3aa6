import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'zugong-audit-'));
const env = { ...process.env, ZUGONG_DATA_DIR: dataDir, DATABASE_URL: '' };

function zugong(...args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, ['bin/zugong.mjs', ...args], {
    env,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout };
}

describe('zugong audit verify', () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('passes on an untouched database file and names the first row edited behind the application', () => {
    execFileSync(process.execPath, ['bin/zugong.mjs', 'gen', 'demo'], { env });

    const clean = zugong('audit', 'verify', '--json');

    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ ok: true, checked: 1 });

    const db = new Database(join(dataDir, 'zugong.db'));
    db.prepare("update audit_entry set after_json = '{}' where seq = 1").run();
    db.close();

    const tampered = zugong('audit', 'verify');

    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toContain('第 1 条核验失败');
  });
});
