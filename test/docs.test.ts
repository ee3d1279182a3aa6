import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../src/services/errors';

/** Rows `| \`CODE\` | status | message |` of the Markdown tables. */
function tableRows(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*`(ERR_[A-Z0-9_]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      rows.set(
        match[1],
        match[2].split('|').map((c) => c.trim()),
      );
    }
  }
  return rows;
}

/** Every `ERR_…` string literal in the non-test sources. */
function codesInSources(dir: string): Set<string> {
  const codes = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      codesInSources(path).forEach((c) => codes.add(c));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/['"`](ERR_[A-Z0-9_]+)['"`]/g)) {
        if (m[1] !== undefined) {
          codes.add(m[1]);
        }
      }
    }
  }
  return codes;
}

describe('docs/errors.md', () => {
  const rows = tableRows(readFileSync('docs/errors.md', 'utf8'));

  it('lists every service error code with its HTTP status and Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ERROR_CATALOGUE)) {
      expect(rows.get(code), code).toEqual([String(status), message]);
    }
  });

  it('documents every error code the sources use, and no code they do not', () => {
    const used = codesInSources('src');

    expect([...used].filter((c) => !rows.has(c)).sort()).toEqual([]);
    expect([...rows.keys()].filter((c) => !used.has(c)).sort()).toEqual([]);
  });
});
