import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../src/services/errors';

/** Rows `| \`CODE\` | status | message |` of a Markdown table section. */
function tableRows(markdown: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of markdown.split('\n')) {
    const match = /^\|\s*`(ERR_[A-Z_]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      rows.set(
        match[1],
        match[2].split('|').map((c) => c.trim()),
      );
    }
  }
  return rows;
}

describe('docs/errors.md', () => {
  const rows = tableRows(readFileSync('docs/errors.md', 'utf8'));

  it('lists every service error code with its HTTP status and Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ERROR_CATALOGUE)) {
      expect(rows.get(code), code).toEqual([String(status), message]);
    }
  });

  it('lists no code that the code base does not have', () => {
    const known = new Set(Object.keys(ERROR_CATALOGUE));
    const documentedApiCodes = [...rows.keys()].filter(
      (c) => !c.startsWith('ERR_INPUT_') && !c.startsWith('ERR_HOLIDAY'),
    );
    expect(documentedApiCodes.filter((c) => !known.has(c))).toEqual([]);
  });
});
