import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string, keep: (name: string) => boolean): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...sourceFiles(path, keep));
    } else if (keep(entry.name)) {
      files.push(path);
    }
  }
  return files;
}

const FORBIDDEN_IN_DOMAIN = [
  /from\s+'node:/,
  /from\s+'(fs|path|os|child_process|kysely|better-sqlite3|pg|fastify|exceljs|docx|commander)'/,
  /from\s+'@fastify\//,
  /from\s+'\.\.\/(\.\.\/)*(db|server|services|cli)\//,
  /Date\.now\(/,
  /Math\.random\(/,
  /process\.env/,
  /new Date\(\)/,
];

describe('dependency direction', () => {
  it('keeps src/domain free of I/O, clocks, randomness and outer layers', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(
      'src/domain',
      (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'),
    )) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of FORBIDDEN_IN_DOMAIN) {
        if (pattern.test(text)) {
          offences.push(`${file}: ${pattern.source}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps web/ from importing server code', () => {
    const offences = sourceFiles('web/src', (n) => /\.tsx?$/.test(n)).filter((file) =>
      /from\s+'(\.\.\/)+src\/(domain|db|server|services|cli)/.test(readFileSync(file, 'utf8')),
    );
    expect(offences).toEqual([]);
  });

  it('names a database dialect only in src/db/connect.ts', () => {
    const offences = sourceFiles('src', (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .filter((file) => file !== join('src', 'db', 'connect.ts'))
      .filter((file) =>
        /(SqliteDialect|PostgresDialect|from\s+'better-sqlite3'|from\s+'pg')/.test(
          readFileSync(file, 'utf8'),
        ),
      );
    expect(offences).toEqual([]);
  });
});
